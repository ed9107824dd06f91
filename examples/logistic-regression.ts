/**
 * Logistic regression by batch gradient descent over `label x1 ... xd` lines (labels -1 or 1),
 * by default over 200,000 generated 10-dimensional points, cached in the system's temp directory.
 *
 *   npx tsx examples/logistic-regression.ts [--master URL] [--iterations N] [points]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { runIterativeExample } from './iterative/cli.js';
import { generateLabelledPoints } from './logistic-regression/generate.js';
import { logisticRegression } from './logistic-regression/job.js';

const usage = 'npx tsx examples/logistic-regression.ts [--master URL] [--iterations N] [points]';

runIterativeExample('logistic-regression', usage, { iterations: 10 }, async (fc, { input, iterations }) => {
  const points = input ?? demoPoints();
  const result = await logisticRegression(fc, points, { iterations });
  const [intercept, ...weights] = result.weights;
  console.log(`logistic regression on ${points}, ${iterations} iterations:`);
  console.log(`  intercept ${intercept.toFixed(4)}`);
  console.log(`  weights   ${weights.map((w) => w.toFixed(4)).join(' ')}`);
  return result;
});

function demoPoints(): string {
  return cachedPath(exampleDataPath('labelled-points-200k-10d.txt'), (path) => {
    console.log(`generating 200,000 labelled points at ${path} (once)...`);
    generateLabelledPoints(path, { points: 200_000, dimensions: 10 });
  });
}
