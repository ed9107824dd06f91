import { readLines } from '../shared/read-lines.js';

/** The sequential k-means that the Flint job is checked against: the same math, in plain loops. */
export function kMeansSequential(input: string, k: number, iterations: number): number[][] {
  const points = readLines(input)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/).map(Number));
  let centers = points.slice(0, k);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const sums = centers.map((center) => center.map(() => 0));
    const counts = centers.map(() => 0);
    for (const point of points) {
      const nearest = nearestCenter(point, centers);
      point.forEach((x, axis) => (sums[nearest][axis] += x));
      counts[nearest]++;
    }
    centers = centers.map((center, index) => (counts[index] === 0 ? center : sums[index].map((sum) => sum / counts[index])));
  }
  return centers;
}

function nearestCenter(point: number[], centers: number[][]): number {
  let nearest = 0;
  let nearestDistance = Infinity;
  centers.forEach((center, index) => {
    let distance = 0;
    for (let axis = 0; axis < point.length; axis++) distance += (point[axis] - center[axis]) ** 2;
    if (distance < nearestDistance) {
      nearest = index;
      nearestDistance = distance;
    }
  });
  return nearest;
}
