import { capture, type FlintContext, type RDD } from '@flint/driver';

export interface KMeansOptions {
  /** How many clusters; the first k points are the initial centers. */
  k: number;
  iterations: number;
  /** Partitions of the input. */
  partitions?: number;
}

export interface KMeansResult {
  /** The final centers, in the order of the initial ones. */
  centers: number[][];
  /** Wall-clock time of each iteration; the first also loads and parses the input. */
  iterationMs: number[];
}

/** The points of `input`: whitespace-separated coordinates, one point per line. */
export function parsedPoints(fc: FlintContext, input: string, partitions?: number): RDD<number[]> {
  return fc
    .textFile(input, partitions)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const point = line.trim().split(/\s+/).map(Number);
      if (!point.every(Number.isFinite)) throw new Error(`malformed point (want numbers): ${line}`);
      return point;
    });
}

/**
 * k-means (Lloyd's algorithm) over points written as whitespace-separated coordinates, one per
 * line: each iteration assigns every point to its nearest center (the first on a tie) and moves
 * each center to the mean of its points; a center that gets no points stays where it is.
 */
export async function kMeans(fc: FlintContext, input: string, { k, iterations, partitions }: KMeansOptions): Promise<KMeansResult> {
  const points = parsedPoints(fc, input, partitions).setName('points').cache();

  let centers = await points.take(k);
  if (centers.length < k) throw new Error(`k-means wants at least k = ${k} points, the input has ${centers.length}`);
  const iterationMs: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const started = performance.now();
    const current = fc.broadcast(centers);
    const sums = await points
      .map(
        capture({ current }, (point, { current }): [number, [number[], number]] => {
          let nearest = 0;
          let nearestDistance = Infinity;
          current.value.forEach((center, index) => {
            let distance = 0;
            for (let axis = 0; axis < point.length; axis++) distance += (point[axis] - center[axis]) ** 2;
            if (distance < nearestDistance) {
              nearest = index;
              nearestDistance = distance;
            }
          });
          return [nearest, [point, 1]];
        }),
      )
      .reduceByKey(([sumA, countA], [sumB, countB]): [number[], number] => [
        sumA.map((x, axis) => x + sumB[axis]),
        countA + countB,
      ])
      .collectAsMap();
    centers = centers.map((center, index) => {
      const cluster = sums.get(index);
      return cluster === undefined ? center : cluster[0].map((sum) => sum / cluster[1]);
    });
    iterationMs.push(performance.now() - started);
  }
  points.unpersist();
  return { centers, iterationMs };
}
