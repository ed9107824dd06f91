/**
 * The iterative example jobs return the same result in `mapreduce` mode as in `memory` mode on
 * local[2]. Both modes run the same functions over the same partitions and merge combiners in
 * map-partition order, and mapreduce mode's JSON round trip of a double is exact, so even the
 * floating-point results are compared exactly, bit for bit.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePowerLawGraph } from '../../examples/iterative/power-law-graph.js';
import { pageRank } from '../../examples/pagerank/job.js';
import { generateBlobs } from '../../examples/kmeans/generate.js';
import { kMeans } from '../../examples/kmeans/job.js';
import { generateLabelledPoints } from '../../examples/logistic-regression/generate.js';
import { logisticRegression } from '../../examples/logistic-regression/job.js';
import { connectedComponents } from '../../examples/connected-components/job.js';
import { inBothModes, useTempDir } from './both-modes.js';
import { byKey } from './by-key.js';

const MASTER = 'local[2]';

describe('iterative example jobs: mapreduce mode returns what memory mode returns (local[2])', () => {
  const dir = useTempDir('iterative');

  beforeAll(() => {
    generatePowerLawGraph(join(dir, 'graph.txt'), { vertices: 1_500, seed: 7 });
    generatePowerLawGraph(join(dir, 'groups.txt'), { vertices: 1_500, groups: 5, seed: 3 });
    generateBlobs(join(dir, 'blobs.txt'), { points: 3_000, blobs: 4, dimensions: 3, seed: 5 });
    generateLabelledPoints(join(dir, 'labelled.txt'), { points: 3_000, dimensions: 5, seed: 2 });
  });

  it('PageRank: every rank', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'graph.txt'), async (fc, input) =>
      byKey((await pageRank(fc, input, { iterations: 4, partitions: 3 })).ranks),
    );
    expect(mapreduce).toHaveLength(1_500);
    expect(mapreduce).toEqual(memory);
  });

  it('k-means: the final centers', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'blobs.txt'), async (fc, input) =>
      (await kMeans(fc, input, { k: 4, iterations: 4, partitions: 3 })).centers,
    );
    expect(mapreduce).toHaveLength(4);
    expect(mapreduce).toEqual(memory);
  });

  it('logistic regression: the final weights', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'labelled.txt'), async (fc, input) =>
      (await logisticRegression(fc, input, { iterations: 4, partitions: 3 })).weights,
    );
    expect(mapreduce).toHaveLength(6);
    expect(mapreduce).toEqual(memory);
  });

  it('connected components: every label, and the changes per iteration', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'groups.txt'), async (fc, input) => {
      const { labels, changed } = await connectedComponents(fc, input, { partitions: 3 });
      return { labels: byKey(labels), changed };
    });
    expect(new Set(mapreduce.labels.map(([, label]) => label)).size).toBeGreaterThanOrEqual(5);
    expect(mapreduce).toEqual(memory);
  });
});
