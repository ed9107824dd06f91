import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { generatePowerLawGraph } from './iterative/power-law-graph.js';
import { connectedComponents } from './connected-components/job.js';
import { connectedComponentsSequential } from './connected-components/reference.js';

describe('connected components example', () => {
  const bed = useTestBed('connected-components-test');
  let graph: string;

  beforeAll(() => {
    graph = join(bed.dir, 'graph.txt');
    generatePowerLawGraph(graph, { vertices: 3_000, groups: 6, seed: 3 });
  });

  it('labels every vertex as the sequential reference does, iteration by iteration', async () => {
    const { labels, changed, iterationMs } = await connectedComponents(bed.fc, graph, { partitions: 3 });
    const expected = connectedComponentsSequential(graph);
    expect(changed).toEqual(expected.changed);
    expect(new Map([...labels].sort(([a], [b]) => a - b))).toEqual(new Map([...expected.labels].sort(([a], [b]) => a - b)));
    expect(new Set(labels.values()).size).toBeGreaterThanOrEqual(6);
    expect(iterationMs).toHaveLength(changed.length);
  });

  it('names each component by its smallest vertex, following edges both ways', async () => {
    const small = join(bed.dir, 'small.txt');
    // A path 9-5-7-2 (label 2 takes three iterations to reach 9), a pair 8-6, and 4 alone with a self-loop.
    writeFileSync(small, '# source target\n9 5\n7 5\n7 2\n8 6\n4 4\n');
    const { labels, changed } = await connectedComponents(bed.fc, small);
    expect(Object.fromEntries(labels)).toEqual({ 9: 2, 5: 2, 7: 2, 2: 2, 8: 6, 6: 6, 4: 4 });
    expect(changed).toEqual([3, 1, 1, 0]);
  });
});
