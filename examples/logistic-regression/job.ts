import { capture, type FlintContext, type RDD } from '@flint/driver';

export interface LogisticRegressionOptions {
  iterations: number;
  /** How far each step moves against the mean gradient; 1 by default. */
  stepSize?: number;
  /** Partitions of the input. */
  partitions?: number;
}

export interface LogisticRegressionResult {
  /** The intercept first, then one weight per feature. */
  weights: number[];
  /** Wall-clock time of each iteration; the first also loads and parses the input. */
  iterationMs: number[];
}

/**
 * The `label x1 ... xd` lines of `input` as [label, x] where x = (1, x1, ..., xd) as a
 * Float64Array (a leading 1 for the intercept).
 */
export function labelledPoints(fc: FlintContext, input: string, partitions?: number): RDD<[number, Float64Array]> {
  return fc
    .textFile(input, partitions)
    .filter((line) => line.trim() !== '')
    .map((line): [number, Float64Array] => {
      const fields = line.trim().split(/\s+/);
      const label = Number(fields[0]);
      let wellFormed = label === 1 || label === -1;
      const x = new Float64Array(fields.length);
      x[0] = 1;
      for (let axis = 1; axis < fields.length; axis++) {
        x[axis] = Number(fields[axis]);
        wellFormed &&= Number.isFinite(x[axis]);
      }
      if (!wellFormed) throw new Error(`malformed point (want a label of -1 or 1, then numbers): ${line}`);
      return [label, x];
    });
}

/**
 * Logistic regression by batch gradient descent, as in Spark's SparkLR, over `label x1 ... xd`
 * lines with labels -1 or 1. The weights start at 0; each iteration takes one step of
 * `stepSize` against the mean gradient of the logistic loss `log(1 + exp(-y w·x))`, where x has
 * a leading 1 for the intercept.
 */
export async function logisticRegression(
  fc: FlintContext,
  input: string,
  { iterations, stepSize = 1, partitions }: LogisticRegressionOptions,
): Promise<LogisticRegressionResult> {
  const points = labelledPoints(fc, input, partitions).setName('points').cache();

  const [, firstFeatures] = await points.first();
  let weights = new Float64Array(firstFeatures.length);
  const iterationMs: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const started = performance.now();
    const current = fc.broadcast(weights);
    // Sums the gradient into one array per partition (aggregate gives each its own zero).
    const [gradient, count] = await points.aggregate(
      [new Float64Array(weights.length), 0] as [Float64Array, number],
      capture({ current }, ([sum, count], [label, x], { current }): [Float64Array, number] => {
        const w = current.value;
        let dot = 0;
        for (let axis = 0; axis < x.length; axis++) dot += w[axis] * x[axis];
        const scale = (1 / (1 + Math.exp(-label * dot)) - 1) * label;
        for (let axis = 0; axis < x.length; axis++) sum[axis] += scale * x[axis];
        return [sum, count + 1];
      }),
      ([sumA, countA], [sumB, countB]): [Float64Array, number] => [sumA.map((g, axis) => g + sumB[axis]), countA + countB],
    );
    weights = weights.map((w, axis) => w - (stepSize * gradient[axis]) / count);
    iterationMs.push(performance.now() - started);
  }
  points.unpersist();
  return { weights: Array.from(weights), iterationMs };
}
