import { compareStrings } from '../shared/compare.js';
import type { Document } from './generate.js';
import type { IndexEntry } from './job.js';

/** The sequential inverted index of in-memory documents, which the Flint job is checked against. */
export function invertedIndexSequential(documents: Document[]): IndexEntry[] {
  const index = new Map<string, Set<string>>();
  for (const [docId, text] of documents) {
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      const docIds = index.get(word) ?? new Set<string>();
      docIds.add(docId);
      index.set(word, docIds);
    }
  }
  return [...index]
    .map(([word, docIds]): IndexEntry => [word, [...docIds].sort()])
    .sort(([a], [b]) => compareStrings(a, b));
}
