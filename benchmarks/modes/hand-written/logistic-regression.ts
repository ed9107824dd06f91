/** Logistic regression by gradient descent in one process: points as typed arrays, plain loops. */
import { readFileSync } from 'node:fs';
import { dataLines, timedIterations } from './timed-iterations.js';

export function logisticRegressionByHand(input: string, iterations: number): number[] {
  const load = () => {
    const rows = dataLines(readFileSync(input, 'utf8')).map((line) => line.trim().split(/\s+/).map(Number));
    const dimensions = rows[0].length; // the label's place holds the intercept's 1
    const labels = new Float64Array(rows.length);
    const features = new Float64Array(rows.length * dimensions);
    rows.forEach(([label, ...x], i) => {
      labels[i] = label;
      features[i * dimensions] = 1;
      features.set(x, i * dimensions + 1);
    });
    return { labels, features, dimensions, weights: new Float64Array(dimensions) };
  };
  return timedIterations(load, iterations, ({ labels, features, dimensions, weights }) => {
    const gradient = new Float64Array(dimensions);
    for (let i = 0; i < labels.length; i++) {
      const offset = i * dimensions;
      let dot = 0;
      for (let axis = 0; axis < dimensions; axis++) dot += weights[axis] * features[offset + axis];
      const scale = (1 / (1 + Math.exp(-labels[i] * dot)) - 1) * labels[i];
      for (let axis = 0; axis < dimensions; axis++) gradient[axis] += scale * features[offset + axis];
    }
    for (let axis = 0; axis < dimensions; axis++) weights[axis] -= gradient[axis] / labels.length;
  });
}
