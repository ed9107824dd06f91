import type { FlintContext, RDD } from '@flint/driver';
import { compareStrings } from '../shared/compare.js';
import { lexiconEntry } from './lexicon.js';

/** A row of the demo job's result: a word, how often it occurs in the text, and its topic. */
export type TopicRow = [word: string, count: number, topic: string];

/**
 * The demo's multi-stage job: count the words of `text` and join the counts with the
 * `word,topic` lexicon. Three stages: map over the text's blocks (shuffle 0); reduce the counts
 * and tag them and the lexicon's entries for the join (shuffle 1; a join is a union grouped by
 * key, as in PySpark); join and return the rows.
 */
export function wordCountsWithTopics(fc: FlintContext, text: string, lexicon: string, partitions: number): RDD<[string, [number, string]]> {
  const counts = fc
    .textFile(text)
    .flatMap((line) => line.split(' '))
    .filter((word) => word.length > 0)
    .map((word): [string, number] => [word, 1])
    .reduceByKey((a, b) => a + b, partitions);
  const topics = fc.textFile(lexicon).map(lexiconEntry);
  return counts.join(topics);
}

/** Runs the job and returns its rows, most frequent first (ties by word), so runs compare exactly. */
export async function topicRows(fc: FlintContext, text: string, lexicon: string, partitions: number): Promise<TopicRow[]> {
  const joined = await wordCountsWithTopics(fc, text, lexicon, partitions).collect();
  return sortRows(joined.map(([word, [count, topic]]): TopicRow => [word, count, topic]));
}

export function sortRows(rows: TopicRow[]): TopicRow[] {
  return rows.sort(([wordA, countA], [wordB, countB]) => countB - countA || compareStrings(wordA, wordB));
}

/** The first row where two results differ, or undefined if they are equal. */
export function firstDifference(actual: readonly TopicRow[], expected: readonly TopicRow[]): string | undefined {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const [a, e] = [actual[i], expected[i]];
    if (a === undefined || e === undefined || a[0] !== e[0] || a[1] !== e[1] || a[2] !== e[2]) {
      return `row ${i}: ${JSON.stringify(a ?? null)} instead of ${JSON.stringify(e ?? null)} (${actual.length} rows, expected ${expected.length})`;
    }
  }
  return undefined;
}
