import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { expectVectorCloseTo } from './iterative/expect-close.js';
import { generateLabelledPoints } from './logistic-regression/generate.js';
import { logisticRegression } from './logistic-regression/job.js';
import { logisticRegressionSequential } from './logistic-regression/reference.js';

describe('logistic regression example', () => {
  const bed = useTestBed('logistic-regression-test');
  let input: string;

  beforeAll(() => {
    input = join(bed.dir, 'points.txt');
    generateLabelledPoints(input, { points: 3_000, dimensions: 5, seed: 11 });
  });

  it('learns the weights of the sequential reference', async () => {
    const { weights, iterationMs } = await logisticRegression(bed.fc, input, { iterations: 10, partitions: 3 });
    expectVectorCloseTo(weights, logisticRegressionSequential(input, 10), 'weights');
    expect(iterationMs).toHaveLength(10);
  });

  it('takes one step against the mean gradient from zero weights', async () => {
    const small = join(bed.dir, 'small.txt');
    writeFileSync(small, '1 2\n-1 -2\n1 4\n');
    const { weights } = await logisticRegression(bed.fc, small, { iterations: 1, stepSize: 2 });
    // At w = 0 each point's gradient is -y x / 2 (x with a leading 1): the mean is [-1/6, -8/6].
    expectVectorCloseTo(weights, [2 / 6, 16 / 6], 'weights');
  });

  it('names the line of a malformed point', async () => {
    const bad = join(bed.dir, 'bad.txt');
    writeFileSync(bad, '1 2\n0 3\n');
    await expect(logisticRegression(bed.fc, bad, { iterations: 1 })).rejects.toThrow(/malformed point .*: 0 3/);
  });
});
