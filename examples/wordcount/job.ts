import type { FlintContext, RDD } from '@flint/driver';

/** Word count: how often each space-separated word occurs in the input (a file, directory or glob). */
export function wordCounts(fc: FlintContext, input: string, minPartitions?: number): RDD<[string, number]> {
  return fc
    .textFile(input, minPartitions)
    .flatMap((line) => line.split(' '))
    .filter((word) => word.length > 0)
    .map((word): [string, number] => [word, 1])
    .reduceByKey((a, b) => a + b);
}

/** The n most frequent words, ties broken alphabetically. */
export function topWords(counts: RDD<[string, number]>, n: number): Promise<[string, number][]> {
  return counts.takeOrdered(n, ([word, count]) => [-count, word]);
}
