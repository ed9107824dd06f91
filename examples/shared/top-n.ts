import { compareStrings } from './compare.js';

/**
 * The n entries with the highest counts, ties broken by key in ascending code-unit order:
 * the order the Flint jobs get from `takeOrdered(n, ([key, count]) => [-count, key])`.
 */
export function topByCount(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts]
    .sort(([keyA, countA], [keyB, countB]) => countB - countA || compareStrings(keyA, keyB))
    .slice(0, n);
}
