/**
 * Connected components of a `source target` edge list taken as undirected (a SNAP data set
 * works as is), by default of a generated power-law graph of 100,000 vertices in 8 disjoint
 * groups, cached in the system's temp directory.
 *
 *   npx tsx examples/connected-components.ts [--master URL] [--top N] [edge list]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable } from './shared/cli.js';
import { runIterativeExample } from './iterative/cli.js';
import { generatePowerLawGraph } from './iterative/power-law-graph.js';
import { connectedComponents } from './connected-components/job.js';

const usage = 'npx tsx examples/connected-components.ts [--master URL] [--top N] [edge list]';

runIterativeExample('connected-components', usage, { top: 10 }, async (fc, { input, top }) => {
  const graph = input ?? demoGraph();
  const result = await connectedComponents(fc, graph);
  const sizes = new Map<number, number>();
  for (const component of result.labels.values()) sizes.set(component, (sizes.get(component) ?? 0) + 1);
  const largest = [...sizes].sort(([idA, sizeA], [idB, sizeB]) => sizeB - sizeA || idA - idB);
  console.log(
    `connected components of ${graph}: ${result.labels.size} vertices in ${sizes.size} components, ` +
      `found in ${result.changed.length} iterations`,
  );
  console.log(`labels changed per iteration: ${result.changed.join(', ')}`);
  console.log(`\nthe ${top} largest components:`);
  printTable(['component (smallest id)', 'vertices'], largest.slice(0, top));
  return result;
});

function demoGraph(): string {
  return cachedPath(exampleDataPath('power-law-graph-100k-8-groups.txt'), (path) => {
    console.log(`generating a power-law graph of 100,000 vertices in 8 groups at ${path} (once)...`);
    generatePowerLawGraph(path, { vertices: 100_000, groups: 8 });
  });
}
