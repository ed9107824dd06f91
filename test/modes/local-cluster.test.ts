/**
 * On local-cluster[2,1] mapreduce mode writes each job's output to Flint DFS (replication 2) and
 * reads it back; the results still equal memory mode's. Inputs are copied into DFS first.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateText } from '../../examples/wordcount/generate.js';
import { wordCounts } from '../../examples/wordcount/job.js';
import { generatePowerLawGraph } from '../../examples/iterative/power-law-graph.js';
import { pageRank } from '../../examples/pagerank/job.js';
import { generateBlobs } from '../../examples/kmeans/generate.js';
import { kMeans } from '../../examples/kmeans/job.js';
import { compareStrings } from '../../examples/shared/compare.js';
import { inBothModes, useTempDir } from './both-modes.js';
import { byKey } from './by-key.js';

const MASTER = 'local-cluster[2,1]';

describe('mapreduce mode returns what memory mode returns on local-cluster[2,1] (DFS storage)', () => {
  const dir = useTempDir('cluster');

  beforeAll(() => {
    generateText(join(dir, 'text.txt'), { bytes: 200_000, seed: 4, vocabularySize: 2_000 });
    generatePowerLawGraph(join(dir, 'graph.txt'), { vertices: 1_000, seed: 11 });
    generateBlobs(join(dir, 'blobs.txt'), { points: 2_000, blobs: 3, dimensions: 3, seed: 6 });
  });

  it('word count', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'text.txt'), async (fc, input) =>
      (await wordCounts(fc, input).collect()).sort(([a], [b]) => compareStrings(a, b)),
    );
    expect(mapreduce.length).toBeGreaterThan(1_000);
    expect(mapreduce).toEqual(memory);
  });

  it('PageRank', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'graph.txt'), async (fc, input) =>
      byKey((await pageRank(fc, input, { iterations: 3, partitions: 2 })).ranks),
    );
    expect(mapreduce).toHaveLength(1_000);
    expect(mapreduce).toEqual(memory);
  });

  it('k-means', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'blobs.txt'), async (fc, input) =>
      (await kMeans(fc, input, { k: 3, iterations: 3 })).centers,
    );
    expect(mapreduce).toHaveLength(3);
    expect(mapreduce).toEqual(memory);
  });
});
