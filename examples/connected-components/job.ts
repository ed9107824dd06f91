import type { FlintContext, RDD } from '@flint/driver';

export interface ComponentsOptions {
  /** Partitions of the input and of the neighbour and label tables. */
  partitions?: number;
}

export interface ComponentsResult {
  /** Each vertex's component, named by its smallest vertex id. */
  labels: Map<number, number>;
  /** How many vertices took a smaller label in each iteration; the last is 0. */
  changed: number[];
  /** Wall-clock time of each iteration; the first also loads and parses the input. */
  iterationMs: number[];
}

/**
 * Connected components of a `source target` edge list, taken as undirected, by label
 * propagation: every vertex starts labelled with its own id and each iteration takes the
 * smallest label among itself and its neighbours, until an iteration changes nothing.
 */
export async function connectedComponents(
  fc: FlintContext,
  input: string,
  { partitions }: ComponentsOptions = {},
): Promise<ComponentsResult> {
  const neighbours = fc
    .textFile(input, partitions)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .flatMap((line): [number, number][] => {
      const fields = line.trim().split(/\s+/);
      const [source, target] = fields.map(Number);
      if (fields.length !== 2 || !Number.isSafeInteger(source) || !Number.isSafeInteger(target)) {
        throw new Error(`malformed edge (want two integer vertex ids): ${line}`);
      }
      return [[source, target], [target, source]];
    })
    .groupByKey(partitions)
    .setName('neighbours')
    .cache();

  let labels = neighbours.map(([vertex]): [number, number] => [vertex, vertex]);
  let previous: RDD<[number, [number, number]]> | undefined;
  const changed: number[] = [];
  const iterationMs: number[] = [];
  do {
    const started = performance.now();
    // Values are [candidate label, the vertex's own label so far]; only a vertex's message to
    // itself carries the second, so the minima are its new label and its old one.
    const updates = neighbours
      .join(labels, partitions)
      .flatMap(([vertex, [adjacent, label]]): [number, [number, number]][] => [
        [vertex, [label, label]],
        ...adjacent.map((neighbour): [number, [number, number]] => [neighbour, [label, Infinity]]),
      ])
      .reduceByKey(
        ([labelA, ownA], [labelB, ownB]): [number, number] => [Math.min(labelA, labelB), Math.min(ownA, ownB)],
        partitions,
      )
      .setName(`labels after iteration ${changed.length + 1}`)
      .cache();
    changed.push(await updates.filter(([, [label, own]]) => label < own).count());
    previous?.unpersist();
    previous = updates;
    labels = updates.mapValues(([label]) => label);
    iterationMs.push(performance.now() - started);
  } while (changed[changed.length - 1] > 0);

  const result = await labels.collectAsMap();
  previous.unpersist();
  neighbours.unpersist();
  return { labels: result, changed, iterationMs };
}
