const SPACE = 0x20;
const NEWLINE = 0x0a;

/**
 * The hand-written programs' counting loop: words are the non-empty runs between spaces and
 * newlines (the Flint job's rule: lines split on ' ', empty words dropped). One scan over the
 * text, slicing each word out once; about a quarter faster here than splitting lines and words
 * into arrays.
 */
export function countWords(text: string, counts = new Map<string, number>()): Map<string, number> {
  let wordStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (code === SPACE || code === NEWLINE) {
      if (i > wordStart) {
        const word = text.slice(wordStart, i);
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      wordStart = i + 1;
    }
  }
  return counts;
}
