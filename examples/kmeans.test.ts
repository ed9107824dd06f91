import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { expectVectorCloseTo } from './iterative/expect-close.js';
import { generateBlobs } from './kmeans/generate.js';
import { kMeans } from './kmeans/job.js';
import { kMeansSequential } from './kmeans/reference.js';

describe('k-means example', () => {
  const bed = useTestBed('kmeans-test');
  let input: string;

  beforeAll(() => {
    input = join(bed.dir, 'points.txt');
    generateBlobs(input, { points: 3_000, blobs: 5, dimensions: 4, seed: 5 });
  });

  it('moves the centers as the sequential reference does', async () => {
    const { centers, iterationMs } = await kMeans(bed.fc, input, { k: 5, iterations: 8, partitions: 3 });
    const expected = kMeansSequential(input, 5, 8);
    expect(centers).toHaveLength(5);
    expected.forEach((center, index) => expectVectorCloseTo(centers[index], center, `center ${index}`));
    expect(iterationMs).toHaveLength(8);
  });

  it('keeps a center that gets no points where it is', async () => {
    const small = join(bed.dir, 'small.txt');
    // The second initial center is a copy of the first, so the first wins every tie and it gets nothing.
    writeFileSync(small, '0 0\n0 0\n4 2\n\n8 4\n');
    const { centers } = await kMeans(bed.fc, small, { k: 2, iterations: 1 });
    expect(centers).toEqual([[3, 1.5], [0, 0]]);
  });

  it('says so when points have different numbers of coordinates', async () => {
    const ragged = join(bed.dir, 'ragged.txt');
    writeFileSync(ragged, '1 2\n3 4 5\n');
    await expect(kMeans(bed.fc, ragged, { k: 1, iterations: 1, partitions: 1 })).rejects.toThrow(/points of 2 and 3 coordinates in one input/);
  });
});
