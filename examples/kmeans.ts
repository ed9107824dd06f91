/**
 * k-means over points written as whitespace-separated coordinates, one per line, by default over
 * 200,000 generated 10-dimensional points around 8 Gaussian blobs, cached in the system's temp
 * directory. The first k points are the initial centers.
 *
 *   npx tsx examples/kmeans.ts [--master URL] [--k N] [--iterations N] [points]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable } from './shared/cli.js';
import { runIterativeExample } from './iterative/cli.js';
import { generateBlobs } from './kmeans/generate.js';
import { kMeans } from './kmeans/job.js';

const usage = 'npx tsx examples/kmeans.ts [--master URL] [--k N] [--iterations N] [points]';

runIterativeExample('kmeans', usage, { k: 8, iterations: 10 }, async (fc, { input, k, iterations }) => {
  const points = input ?? demoPoints();
  const result = await kMeans(fc, points, { k, iterations });
  console.log(`k-means of ${points}, k = ${k}, ${iterations} iterations; the centers:`);
  printTable(
    ['center', 'coordinates'],
    result.centers.map((center, index) => [index, center.map((x) => x.toFixed(3)).join(' ')]),
  );
  return result;
});

function demoPoints(): string {
  return cachedPath(exampleDataPath('blobs-200k-10d.txt'), (path) => {
    console.log(`generating 200,000 points around 8 blobs at ${path} (once)...`);
    generateBlobs(path, { points: 200_000, blobs: 8, dimensions: 10 });
  });
}
