import { readLines } from '../shared/read-lines.js';

/** The sequential gradient descent that the Flint job is checked against: the same math, in plain loops. */
export function logisticRegressionSequential(input: string, iterations: number, stepSize = 1): number[] {
  const points = readLines(input)
    .filter((line) => line.trim() !== '')
    .map((line): [number, number[]] => {
      const [label, ...features] = line.trim().split(/\s+/).map(Number);
      return [label, [1, ...features]];
    });
  let weights = points[0][1].map(() => 0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = weights.map(() => 0);
    for (const [label, x] of points) {
      const dot = x.reduce((sum, xi, axis) => sum + weights[axis] * xi, 0);
      const scale = (1 / (1 + Math.exp(-label * dot)) - 1) * label;
      x.forEach((xi, axis) => (gradient[axis] += scale * xi));
    }
    weights = weights.map((w, axis) => w - (stepSize * gradient[axis]) / points.length);
  }
  return weights;
}
