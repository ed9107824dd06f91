import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt, seededRandom, zipfSampler } from '../shared/random.js';
import { vocabulary } from '../shared/vocabulary.js';

/** A document: `[docId, text]`. */
export type Document = [string, string];

export interface DocumentsOptions {
  count: number;
  seed?: number;
  vocabularySize?: number;
}

const WORDS_PER_LINE = 12;

/**
 * Makes documents of 20 to 300 Zipf-distributed words in lines of 12, some capitalized or
 * followed by punctuation, so tokenizing has something to do.
 */
export function generateDocuments({ count, seed = 1, vocabularySize = 3_000 }: DocumentsOptions): Document[] {
  const random = seededRandom(seed);
  const words = vocabulary(vocabularySize);
  const nextRank = zipfSampler(words.length, random);
  return Array.from({ length: count }, (_, i): Document => {
    const lines: string[] = [];
    let line: string[] = [];
    for (let remaining = randomInt(random, 20, 300); remaining > 0; remaining--) {
      const word = words[nextRank()];
      const roll = random();
      line.push(roll < 0.05 ? word.toUpperCase() : roll < 0.1 ? `${word},` : roll < 0.13 ? `(${word}).` : word);
      if (line.length === WORDS_PER_LINE) {
        lines.push(line.join(' '));
        line = [];
      }
    }
    if (line.length > 0) lines.push(line.join(' '));
    return [`doc-${String(i).padStart(4, '0')}`, lines.join('\n')];
  });
}

/** Writes one text file per document, named `<docId>.txt`. */
export function writeDocumentFiles(dir: string, documents: Document[]): void {
  mkdirSync(dir, { recursive: true });
  for (const [docId, text] of documents) writeFileSync(join(dir, `${docId}.txt`), text + '\n');
}

/**
 * Writes documents as JSON lines `[docId, text]`, one per line of a document's text (so a
 * document spans records), dealt round-robin over `files` files.
 */
export function writeDocumentLines(dir: string, documents: Document[], files: number): void {
  const records: string[][] = Array.from({ length: files }, () => []);
  let next = 0;
  for (const [docId, text] of documents) {
    for (const line of text.split('\n')) records[next++ % files].push(JSON.stringify([docId, line]));
  }
  mkdirSync(dir, { recursive: true });
  records.forEach((lines, file) => writeFileSync(join(dir, `documents-${file}.jsonl`), lines.join('\n') + '\n'));
}
