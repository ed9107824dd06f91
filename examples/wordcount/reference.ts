import { readLines } from '../shared/read-lines.js';

/** The sequential word count that the Flint job is checked against. */
export function wordCountsSequential(input: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readLines(input)) {
    for (const word of line.split(' ')) {
      if (word.length > 0) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}
