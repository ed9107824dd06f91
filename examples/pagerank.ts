/**
 * PageRank over a `source target` edge list (a SNAP data set works as is), by default over a
 * generated power-law graph of 100,000 vertices, cached in the system's temp directory.
 *
 *   npx tsx examples/pagerank.ts [--master URL] [--iterations N] [--top N] [edge list]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable } from './shared/cli.js';
import { runIterativeExample } from './iterative/cli.js';
import { generatePowerLawGraph } from './iterative/power-law-graph.js';
import { pageRank } from './pagerank/job.js';

const usage = 'npx tsx examples/pagerank.ts [--master URL] [--iterations N] [--top N] [edge list]';

runIterativeExample('pagerank', usage, { iterations: 10, top: 10 }, async (fc, { input, iterations, top }) => {
  const graph = input ?? demoGraph();
  const result = await pageRank(fc, graph, { iterations });
  const ranks = [...result.ranks].sort(([pageA, rankA], [pageB, rankB]) => rankB - rankA || pageA - pageB);
  const total = ranks.reduce((sum, [, rank]) => sum + rank, 0);
  console.log(`PageRank of ${graph}, ${iterations} iterations: ${ranks.length} vertices, ranks sum to ${total.toFixed(3)}`);
  console.log(`\nthe ${top} highest ranks:`);
  printTable(['vertex', 'rank'], ranks.slice(0, top).map(([page, rank]) => [page, rank.toFixed(4)]));
  return result;
});

function demoGraph(): string {
  return cachedPath(exampleDataPath('power-law-graph-100k.txt'), (path) => {
    console.log(`generating a power-law graph of 100,000 vertices at ${path} (once)...`);
    generatePowerLawGraph(path, { vertices: 100_000 });
  });
}
