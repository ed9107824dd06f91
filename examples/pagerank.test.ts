import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { generatePowerLawGraph } from './iterative/power-law-graph.js';
import { expectCloseTo } from './iterative/expect-close.js';
import { pageRank } from './pagerank/job.js';
import { pageRankSequential } from './pagerank/reference.js';

describe('PageRank example', () => {
  const bed = useTestBed('pagerank-test');
  let graph: string;

  beforeAll(() => {
    graph = join(bed.dir, 'graph.txt');
    generatePowerLawGraph(graph, { vertices: 2_000, seed: 7 });
  });

  it('ranks every vertex as the sequential reference does', async () => {
    const { ranks, iterationMs } = await pageRank(bed.fc, graph, { iterations: 8, partitions: 3 });
    const expected = pageRankSequential(graph, 8);
    expect([...ranks.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [vertex, rank] of expected) expectCloseTo(ranks.get(vertex), rank, `vertex ${vertex}`);
    expect(iterationMs).toHaveLength(8);
  });

  // Every generated vertex has out-links, so no rank leaks out through a dead end.
  it('keeps the total rank equal to the vertex count', async () => {
    const { ranks } = await pageRank(bed.fc, graph, { iterations: 3 });
    const total = [...ranks.values()].reduce((sum, rank) => sum + rank, 0);
    expect(ranks.size).toBe(2_000);
    expect(total).toBeCloseTo(2_000, 6);
  });

  it('keeps a page no one links to, and lets a dead end keep what it receives', async () => {
    const small = join(bed.dir, 'small.txt');
    writeFileSync(small, '# source target\n1 2\n2 1\n3 1\n\n1\t4\n');
    const { ranks } = await pageRank(bed.fc, small, { iterations: 1, damping: 0.5 });
    // Page 1 has two links and page 2 has one; each starts with rank 1.
    expect(Object.fromEntries(ranks)).toEqual({ 1: 0.5 + 0.5 * 2, 2: 0.5 + 0.5 * 0.5, 3: 0.5, 4: 0.5 + 0.5 * 0.5 });
  });
});
