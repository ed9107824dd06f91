/**
 * The soak test's jobs: each runs on the cluster and is checked against the same computation done
 * sequentially here. Small jobs are drawn at random; the large shuffle runs alongside them.
 */
import { capture, type FlintContext } from '@flint/driver';
import { wordCountReference } from '../../test/cluster/harness.js';

export interface Job {
  readonly name: string;
  /** Runs the job; true if its result equals the sequential reference. */
  run(fc: FlintContext): Promise<boolean>;
}

const sameMap = <K, V>(a: Map<K, V>, b: Map<K, V>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Sum of squares of [0, n) over `slices` partitions. */
function sumOfSquares(n: number, slices: number): Job {
  let expected = 0;
  for (let i = 0; i < n; i++) expected += i * i;
  return { name: `sumOfSquares(${n})`, run: async (fc) => (await fc.range(0, n, 1, slices).map((x) => x * x).sum()) === expected };
}

/** Counts of x mod `keys` through a shuffle. */
function countByModulo(n: number, keys: number): Job {
  const expected = new Map<number, number>();
  for (let i = 0; i < n; i++) expected.set(i % keys, (expected.get(i % keys) ?? 0) + 1);
  return {
    name: `countByModulo(${n}, ${keys})`,
    run: async (fc) => {
      const counts = await fc
        .range(0, n, 1, 6)
        .map(capture({ keys }, (x, { keys }): [number, number] => [x % keys, 1]))
        .reduceByKey((a, b) => a + b, 4)
        .collectAsMap();
      return sameMap(counts, expected);
    },
  };
}

/** Word count of a DFS text file. */
function wordCount(path: string, lines: string[]): Job {
  const expected = wordCountReference(lines);
  return {
    name: `wordCount(${path})`,
    run: async (fc) => {
      const counts = await fc
        .textFile(`dfs://${path}`)
        .flatMap((line) => line.split(' '))
        .filter((word) => word.length > 0)
        .map((word): [string, number] => [word, 1])
        .reduceByKey((a, b) => a + b, 3)
        .collectAsMap();
      return sameMap(counts, expected);
    },
  };
}

/** Sorted distinct line lengths of a DFS text file. */
function distinctLengths(path: string, lines: string[]): Job {
  const expected = [...new Set(lines.map((line) => line.length))].sort((a, b) => a - b);
  return {
    name: `distinctLengths(${path})`,
    run: async (fc) => {
      const lengths = await fc.textFile(`dfs://${path}`).map((line) => line.length).distinct(3).sortBy((x) => x).collect();
      return JSON.stringify(lengths) === JSON.stringify(expected);
    },
  };
}

export function smallJobs(textFiles: ReadonlyMap<string, string[]>): Job[] {
  const jobs = [sumOfSquares(10_000, 4), sumOfSquares(50_000, 8), countByModulo(20_000, 17), countByModulo(5_000, 3)];
  for (const [path, lines] of textFiles) jobs.push(wordCount(path, lines), distinctLengths(path, lines));
  return jobs;
}

/** The large shuffle: `records` pairs over 1,000 keys, grouped and summed through 12 reduce partitions. */
export function largeShuffle(records: number): Job {
  const expected = new Map<number, number>();
  for (let i = 0; i < records; i++) expected.set(i % 1000, (expected.get(i % 1000) ?? 0) + ((i * 7) % 13));
  return {
    name: `largeShuffle(${records})`,
    run: async (fc) => {
      const sums = await fc
        .range(0, records, 1, 24)
        .map((i): [number, number] => [i % 1000, (i * 7) % 13])
        .groupByKey(12)
        .mapValues((values) => [...values].reduce((a, b) => a + b, 0))
        .collectAsMap();
      return sameMap(sums, expected);
    },
  };
}
