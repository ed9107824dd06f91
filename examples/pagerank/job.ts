import { capture, type FlintContext } from '@flint/driver';

export interface PageRankOptions {
  iterations: number;
  /** The chance of following a link rather than jumping to a random page; 0.85 by default. */
  damping?: number;
  /** Partitions of the input and of the link and rank tables. */
  partitions?: number;
}

export interface PageRankResult {
  /** Each vertex's rank; the ranks of a graph without dead ends sum to its vertex count. */
  ranks: Map<number, number>;
  /** Wall-clock time of each iteration; the first also loads and parses the input. */
  iterationMs: number[];
}

/**
 * PageRank over a `source target` edge list, as in Spark's example: each iteration a page
 * splits its rank among its links, and its new rank is `(1 - damping) + damping * received`.
 * A vertex without out-links (a dead end) gets a rank but passes none on.
 */
export async function pageRank(fc: FlintContext, input: string, options: PageRankOptions): Promise<PageRankResult> {
  const { iterations, damping = 0.85, partitions } = options;
  const links = fc
    .textFile(input, partitions)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line): [number, number] => {
      const fields = line.trim().split(/\s+/);
      const [source, target] = fields.map(Number);
      if (fields.length !== 2 || !Number.isSafeInteger(source) || !Number.isSafeInteger(target)) {
        throw new Error(`malformed edge (want two integer vertex ids): ${line}`);
      }
      return [source, target];
    })
    .groupByKey(partitions)
    .setName('links')
    .cache();

  let ranks = links.mapValues(() => 1.0);
  const iterationMs: number[] = [];
  for (let iteration = 1; iteration <= iterations; iteration++) {
    const started = performance.now();
    const previous = ranks;
    ranks = links
      .join(ranks, partitions)
      // Each page also sends itself 0, so that a page no one links to stays in the rank table.
      .flatMap(([page, [targets, rank]]): [number, number][] => [
        [page, 0],
        ...targets.map((target): [number, number] => [target, rank / targets.length]),
      ])
      .reduceByKey((a, b) => a + b, partitions)
      .mapValues(capture({ damping }, (received, { damping }) => 1 - damping + damping * received))
      .setName(`ranks after iteration ${iteration}`)
      .cache();
    await ranks.count();
    previous.unpersist();
    iterationMs.push(performance.now() - started);
  }
  const result = await ranks.collectAsMap();
  ranks.unpersist();
  links.unpersist();
  return { ranks: result, iterationMs };
}
