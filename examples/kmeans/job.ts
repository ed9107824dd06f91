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

/**
 * The points of `input`: whitespace-separated coordinates, one point per line, each as a
 * Float64Array (the vector type of numeric JavaScript, as Spark's dense vectors wrap a double[]).
 */
export function parsedPoints(fc: FlintContext, input: string, partitions?: number): RDD<Float64Array> {
  return fc
    .textFile(input, partitions)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const coordinates = line.trim().split(/\s+/);
      const point = new Float64Array(coordinates.length);
      for (let axis = 0; axis < coordinates.length; axis++) {
        point[axis] = Number(coordinates[axis]);
        if (!Number.isFinite(point[axis])) throw new Error(`malformed point (want numbers): ${line}`);
      }
      return point;
    });
}

/**
 * A partition's points stacked into one flat Float64Array (point i at [i * dimensions, (i + 1) *
 * dimensions)), as Spark ML stacks instances into blocks for its iterative trainers: the cached
 * partition is one contiguous array that the distance loops walk in order.
 */
export interface PointBlock {
  dimensions: number;
  count: number;
  values: Float64Array;
}

/** Per cluster, the sum of its points and how many there are. */
type ClusterSums = [sums: Float64Array[], counts: number[]];

/**
 * k-means (Lloyd's algorithm) over points written as whitespace-separated coordinates, one per
 * line: each iteration assigns every point to its nearest center (the first on a tie) and moves
 * each center to the mean of its points; a center that gets no points stays where it is.
 */
export async function kMeans(fc: FlintContext, input: string, { k, iterations, partitions }: KMeansOptions): Promise<KMeansResult> {
  const points = parsedPoints(fc, input, partitions);
  const blocks = points
    .mapPartitions((partition): PointBlock[] => {
      const rows = [...partition];
      const dimensions = rows.length === 0 ? 0 : rows[0].length;
      const values = new Float64Array(rows.length * dimensions);
      rows.forEach((row, index) => {
        if (row.length !== dimensions) throw new Error(`points of ${dimensions} and ${row.length} coordinates in one input`);
        values.set(row, index * dimensions);
      });
      return [{ dimensions, count: rows.length, values }];
    })
    .setName('point blocks')
    .cache();

  let centers = await points.take(k);
  if (centers.length < k) throw new Error(`k-means wants at least k = ${k} points, the input has ${centers.length}`);
  const iterationMs: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const started = performance.now();
    const current = fc.broadcast(centers);
    // Sums each partition's points per nearest center in place, as Spark MLlib's KMeans does
    // (aggregate gives each partition its own zero).
    const [sums, counts] = await blocks.aggregate(
      [centers.map((center) => new Float64Array(center.length)), centers.map(() => 0)] as ClusterSums,
      capture({ current }, ([sums, counts], { dimensions, count, values }, { current }): ClusterSums => {
        const centers = current.value;
        for (let point = 0; point < count; point++) {
          const start = point * dimensions;
          let nearest = 0;
          let nearestDistance = Infinity;
          for (let index = 0; index < centers.length; index++) {
            const center = centers[index];
            let distance = 0;
            // Stops summing once this center cannot be nearer: the sum only grows.
            for (let axis = 0; axis < dimensions && distance < nearestDistance; axis++) {
              const difference = values[start + axis] - center[axis];
              distance += difference * difference;
            }
            if (distance < nearestDistance) {
              nearest = index;
              nearestDistance = distance;
            }
          }
          const sum = sums[nearest];
          for (let axis = 0; axis < dimensions; axis++) sum[axis] += values[start + axis];
          counts[nearest]++;
        }
        return [sums, counts];
      }),
      ([sumsA, countsA], [sumsB, countsB]): ClusterSums => [
        sumsA.map((sum, index) => sum.map((x, axis) => x + sumsB[index][axis])),
        countsA.map((count, index) => count + countsB[index]),
      ],
    );
    centers = centers.map((center, index) => (counts[index] === 0 ? center : sums[index].map((sum) => sum / counts[index])));
    iterationMs.push(performance.now() - started);
  }
  blocks.unpersist();
  return { centers: centers.map((center) => Array.from(center)), iterationMs };
}
