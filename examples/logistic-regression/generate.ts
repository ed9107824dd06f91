import { seededRandom } from '../shared/random.js';
import { gaussianSampler } from '../iterative/gaussian.js';
import { writeLineFile } from '../iterative/line-file.js';

export interface LabelledPointOptions {
  points: number;
  dimensions: number;
  /** The chance that a point's label is flipped, so the classes overlap a little; 0.05 by default. */
  noise?: number;
  seed?: number;
}

/**
 * Writes labelled points as `label x1 ... xd` lines, labels -1 or 1: features are standard
 * normal, and the label is the side of a random hyperplane (offset from the origin) the point
 * lies on, flipped with probability `noise`.
 */
export function generateLabelledPoints(path: string, { points, dimensions, noise = 0.05, seed = 1 }: LabelledPointOptions): void {
  const random = seededRandom(seed);
  const gaussian = gaussianSampler(random);
  const normal = Array.from({ length: dimensions }, () => gaussian());
  const offset = gaussian();
  writeLineFile(path, labelledPoints(points, normal, offset, noise, random, gaussian));
}

function* labelledPoints(
  count: number,
  normal: number[],
  offset: number,
  noise: number,
  random: () => number,
  gaussian: () => number,
): Generator<string> {
  for (let i = 0; i < count; i++) {
    const features = normal.map(() => gaussian());
    const side = features.reduce((sum, x, axis) => sum + x * normal[axis], offset) >= 0 ? 1 : -1;
    const label = random() < noise ? -side : side;
    yield [label, ...features.map((x) => x.toFixed(4))].join(' ');
  }
}
