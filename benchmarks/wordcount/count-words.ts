/**
 * The hand-written programs' counting loop: the same steps as the Flint job, by hand — lines split
 * on newlines, words on spaces, empty words dropped, counts kept in a Map. It is what a Node.js
 * programmer writes for the job; char-scan.ts is a hand-tuned variant the report also times.
 */
export function countWords(text: string, counts = new Map<string, number>()): Map<string, number> {
  for (const line of text.split('\n')) {
    for (const word of line.split(' ')) {
      if (word.length > 0) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}
