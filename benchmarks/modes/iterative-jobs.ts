/**
 * The iterative jobs the benchmark compares, each with its generated input at a given size, the
 * Flint example job (the same code in both modes), and a hand-written single-process program.
 */
import type { FlintContext, RDD } from '@flint/driver';
import { PARTITIONS } from './bench-cluster.js';
import { generateLabelledPoints } from '../../examples/logistic-regression/generate.js';
import { labelledPoints, logisticRegression } from '../../examples/logistic-regression/job.js';
import { generateBlobs } from '../../examples/kmeans/generate.js';
import { kMeans, parsedPoints } from '../../examples/kmeans/job.js';
import { generatePowerLawGraph } from '../../examples/iterative/power-law-graph.js';
import { pageRank } from '../../examples/pagerank/job.js';
import { connectedComponents } from '../../examples/connected-components/job.js';
import { logisticRegressionByHand } from './hand-written/logistic-regression.js';
import { kMeansByHand } from './hand-written/kmeans.js';
import { pageRankByHand } from './hand-written/pagerank.js';
import { connectedComponentsByHand } from './hand-written/connected-components.js';

export type IterativeJobName = 'logistic regression' | 'k-means' | 'PageRank' | 'connected components';

export interface IterativeJob {
  readonly name: IterativeJobName;
  /** What the size counts. */
  readonly unit: 'points' | 'vertices';
  generate(path: string, size: number): void;
  run(fc: FlintContext, input: string, iterations: number): Promise<number[]>;
  byHand(localInput: string, iterations: number): number[];
  /** The job's parsed input (its own parse step over the text), for timing the text parse alone. */
  parsedInput?(fc: FlintContext, input: string): RDD<unknown>;
  /**
   * The description of the job that ends each iteration when a final job follows the loop
   * (the graph jobs collect their result); without one, the loop ends with the last job.
   */
  readonly iterationEndsWith?: string;
}

const DIMENSIONS = 10;
const CLUSTERS = 10;

export const ITERATIVE_JOBS: readonly IterativeJob[] = [
  {
    name: 'logistic regression',
    unit: 'points',
    generate: (path, points) => generateLabelledPoints(path, { points, dimensions: DIMENSIONS, seed: 1 }),
    run: async (fc, input, iterations) => (await logisticRegression(fc, input, { iterations, partitions: PARTITIONS })).iterationMs,
    byHand: logisticRegressionByHand,
    parsedInput: (fc, input) => labelledPoints(fc, input, PARTITIONS),
  },
  {
    name: 'k-means',
    unit: 'points',
    generate: (path, points) => generateBlobs(path, { points, blobs: CLUSTERS, dimensions: DIMENSIONS, seed: 1 }),
    run: async (fc, input, iterations) => (await kMeans(fc, input, { k: CLUSTERS, iterations, partitions: PARTITIONS })).iterationMs,
    byHand: (input, iterations) => kMeansByHand(input, CLUSTERS, iterations),
    parsedInput: (fc, input) => parsedPoints(fc, input, PARTITIONS),
  },
  {
    name: 'PageRank',
    unit: 'vertices',
    generate: (path, vertices) => generatePowerLawGraph(path, { vertices, seed: 1 }),
    run: async (fc, input, iterations) => (await pageRank(fc, input, { iterations, partitions: PARTITIONS })).iterationMs,
    byHand: pageRankByHand,
    iterationEndsWith: 'count',
  },
  {
    name: 'connected components',
    unit: 'vertices',
    // Groups make components that take several iterations to settle.
    generate: (path, vertices) => generatePowerLawGraph(path, { vertices, groups: 20, seed: 1 }),
    run: async (fc, input) => (await connectedComponents(fc, input, { partitions: PARTITIONS })).iterationMs,
    byHand: connectedComponentsByHand,
    iterationEndsWith: 'count',
  },
];
