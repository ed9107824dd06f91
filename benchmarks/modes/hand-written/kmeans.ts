/** k-means (Lloyd's algorithm) in one process: points as one typed array, plain loops. */
import { readFileSync } from 'node:fs';
import { dataLines, timedIterations } from './timed-iterations.js';

export function kMeansByHand(input: string, k: number, iterations: number): number[] {
  const load = () => {
    const rows = dataLines(readFileSync(input, 'utf8')).map((line) => line.trim().split(/\s+/).map(Number));
    const dimensions = rows[0].length;
    const points = new Float64Array(rows.length * dimensions);
    rows.forEach((row, i) => points.set(row, i * dimensions));
    return { points, count: rows.length, dimensions, centers: points.slice(0, k * dimensions) };
  };
  return timedIterations(load, iterations, (state) => {
    const { points, count, dimensions, centers } = state;
    const sums = new Float64Array(k * dimensions);
    const sizes = new Float64Array(k);
    for (let i = 0; i < count; i++) {
      let nearest = 0;
      let nearestDistance = Infinity;
      for (let center = 0; center < k; center++) {
        let distance = 0;
        for (let axis = 0; axis < dimensions && distance < nearestDistance; axis++) distance += (points[i * dimensions + axis] - centers[center * dimensions + axis]) ** 2;
        if (distance < nearestDistance) {
          nearest = center;
          nearestDistance = distance;
        }
      }
      sizes[nearest]++;
      for (let axis = 0; axis < dimensions; axis++) sums[nearest * dimensions + axis] += points[i * dimensions + axis];
    }
    for (let center = 0; center < k; center++) {
      if (sizes[center] === 0) continue;
      for (let axis = 0; axis < dimensions; axis++) centers[center * dimensions + axis] = sums[center * dimensions + axis] / sizes[center];
    }
  });
}
