import { randomInt, seededRandom, zipfSampler } from '../shared/random.js';
import { vocabulary } from '../shared/vocabulary.js';
import { writeLines } from '../shared/generated-file.js';

export interface TextOptions {
  /** About how large the file gets. */
  bytes: number;
  seed?: number;
  vocabularySize?: number;
}

/**
 * Writes a text of Zipf-distributed words from a fixed vocabulary: lines of 4 to 16 words
 * separated by single spaces, and now and then an empty line.
 */
export function generateText(path: string, { bytes, seed = 1, vocabularySize = 10_000 }: TextOptions): void {
  const words = vocabulary(vocabularySize);
  const random = seededRandom(seed);
  const nextRank = zipfSampler(words.length, random);
  writeLines(path, bytes, () => {
    if (random() < 0.02) return '';
    const line = new Array<string>(randomInt(random, 4, 16));
    for (let i = 0; i < line.length; i++) line[i] = words[nextRank()];
    return line.join(' ');
  });
}
