import { writeFileSync } from 'node:fs';
import { seededRandom } from '../shared/random.js';
import { vocabulary } from '../shared/vocabulary.js';

const TOPICS = ['nature', 'food', 'travel', 'music', 'science', 'sport', 'history', 'art'];

export interface LexiconOptions {
  /** The vocabulary the text was generated from; the lexicon covers part of it. */
  vocabularySize: number;
  /** The fraction of the vocabulary's words that get an entry. */
  coverage?: number;
  seed?: number;
}

/**
 * Writes a small table to join the word counts with: `word,topic` lines for a seeded random
 * part of the vocabulary, so an inner join drops the words without an entry.
 */
export function generateLexicon(path: string, { vocabularySize, coverage = 0.85, seed = 2 }: LexiconOptions): void {
  const random = seededRandom(seed);
  const lines: string[] = [];
  for (const word of vocabulary(vocabularySize)) {
    if (random() < coverage) lines.push(`${word},${TOPICS[Math.floor(random() * TOPICS.length)]}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** A `word,topic` line as a pair. */
export function lexiconEntry(line: string): [string, string] {
  const comma = line.indexOf(',');
  return [line.slice(0, comma), line.slice(comma + 1)];
}
