import { seededRandom } from '../shared/random.js';
import { gaussianSampler } from '../iterative/gaussian.js';
import { writeLineFile } from '../iterative/line-file.js';

export interface BlobOptions {
  points: number;
  /** How many Gaussian blobs the points are drawn around. */
  blobs: number;
  dimensions: number;
  seed?: number;
}

/**
 * Writes points drawn from Gaussian blobs, one point per line as space-separated coordinates:
 * blob centers are uniform in [-10, 10] on each axis, points scatter around them with standard
 * deviation 1, and each point picks its blob at random (so the first k points are a fair start).
 */
export function generateBlobs(path: string, { points, blobs, dimensions, seed = 1 }: BlobOptions): void {
  const random = seededRandom(seed);
  const gaussian = gaussianSampler(random);
  const centers = Array.from({ length: blobs }, () => Array.from({ length: dimensions }, () => 20 * random() - 10));
  writeLineFile(path, blobPoints(points, centers, random, gaussian));
}

function* blobPoints(count: number, centers: number[][], random: () => number, gaussian: () => number): Generator<string> {
  for (let i = 0; i < count; i++) {
    const center = centers[Math.floor(random() * centers.length)];
    yield center.map((x) => (x + gaussian()).toFixed(4)).join(' ');
  }
}
