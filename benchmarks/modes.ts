/**
 * Batch vs in-memory benchmark (`npm run bench -- modes [--quick]`): the same example jobs in
 * Flint's `mapreduce` mode (Hadoop-like: shuffles through disk, every job's output written to
 * DFS and re-parsed, no cache) and `memory` mode (Spark-like), measured side by side in one run
 * on local-cluster[2,1], as the RDD paper (Zaharia et al., NSDI 2012) compared Hadoop and Spark.
 *
 * Parts, in order: idiomatic logistic regression against a hand-written two-thread program
 * (`--only lr` runs just this part), the iterative jobs at two sizes (first and later iterations,
 * where the time goes), one-pass jobs (word count, group-by, join, sort), local[1] vs local[2] scaling,
 * serialization and shuffle micro-benchmarks, MEMORY_ONLY degradation, and skale as a peer.
 * Results: benchmarks/results/modes-<date>.{json,md} and modes-<date>-<chart>.svg
 * (`--quick`: small sizes, written as modes-quick-<date>.*, for checking the benchmark itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MASTER } from './modes/bench-cluster.js';
import { benchOptions } from './bench-options.js';
import { broadcastRaceRetries } from './modes/broadcast-race.js';
import { batchJobs, runBatchJobs } from './modes/batch-jobs.js';
import { degradationChart, iterationChart, type Chart } from './modes/charts.js';
import { DEGRADATION_MASTER, memoryOnlyDegradation } from './modes/degradation.js';
import { customers, iterativeInput, orders, readings, text, type LocalInput } from './modes/inputs.js';
import { ITERATIVE_JOBS } from './modes/iterative-jobs.js';
import { runIterative, iterationTimes, type IterativeResult } from './modes/iterative.js';
import { codecBenchmarks, shuffleBenchmarks } from './modes/micro.js';
import { markdownReport } from './modes/report.js';
import type { ModesReport, SkaleResults } from './modes/report-types.js';
import { wordCountScaling } from './modes/scaling.js';
import { runSkale } from './modes/skale-peer.js';
import { compareIdiomaticLr } from './modes/idiomatic-lr/compare.js';

/**
 * Logistic regression as in the paper; PageRank as well, as the one iterative job that uses no
 * broadcast (the engine's broadcast race fails broadcasts under memory pressure).
 */
const DEGRADATION_JOBS = ['logistic regression', 'PageRank'] as const;

interface Settings {
  readonly name: string;
  readonly iterations: number;
  /** Points (logistic regression, k-means) at the two sizes. */
  readonly points: readonly [number, number];
  /** Vertices (PageRank, connected components) at the two sizes. */
  readonly vertices: readonly [number, number];
  readonly textMegabytes: number;
  readonly readings: number;
  readonly orders: number;
  readonly customers: number;
  readonly shuffleRecords: number;
  readonly rounds: number;
  /** Points of the idiomatic logistic regression, and its alternating rounds against the hand-written program. */
  readonly idiomaticLrPoints: number;
  readonly idiomaticLrRounds: number;
}

const FULL: Settings = {
  name: 'modes',
  // As in the RDD paper's figure 7; the median later iteration is then not swayed by the second,
  // which still moves cached partitions between workers.
  iterations: 10,
  points: [100_000, 400_000],
  vertices: [10_000, 30_000],
  textMegabytes: 20,
  readings: 400_000,
  orders: 500_000,
  customers: 50_000,
  shuffleRecords: 500_000,
  rounds: 2,
  idiomaticLrPoints: 1_000_000,
  idiomaticLrRounds: 3,
};

const QUICK: Settings = {
  name: 'modes-quick',
  iterations: 3,
  points: [5_000, 20_000],
  vertices: [1_000, 3_000],
  textMegabytes: 2,
  readings: 20_000,
  orders: 20_000,
  customers: 2_000,
  shuffleRecords: 20_000,
  rounds: 1,
  idiomaticLrPoints: 20_000,
  idiomaticLrRounds: 1,
};

async function main(): Promise<void> {
  const values = benchOptions('modes', `[--quick] [--only lr]
  --quick     small sizes, to check the benchmark itself (results modes-quick-<date>.*)
  --only lr   only the idiomatic logistic regression part`, { quick: { type: 'boolean', default: false }, only: { type: 'string' } });
  if (values.only !== undefined && values.only !== 'lr') throw new Error(`--only takes lr (the idiomatic logistic regression part), got ${values.only}`);
  const settings = values.quick ? QUICK : FULL;
  const started = performance.now();
  const loadAverage = [{ part: 'start', load: loadavg()[0] }];
  const noteLoad = (part: string): void => void loadAverage.push({ part, load: loadavg()[0] });

  const lrJob = ITERATIVE_JOBS.find((job) => job.name === 'logistic regression')!;
  console.log(`idiomatic logistic regression, ${settings.idiomaticLrPoints.toLocaleString('en')} points, memory mode on local-cluster[2,1], against two hand-written threads:`);
  const lrInput = iterativeInput(lrJob, settings.idiomaticLrPoints).path;
  const idiomaticLr = await compareIdiomaticLr(lrInput, settings.idiomaticLrPoints, settings.iterations, settings.idiomaticLrRounds);
  noteLoad('after idiomatic logistic regression');
  if (values.only === 'lr') return;

  console.log('iterative jobs on local-cluster[2,1], both modes:');
  const iterative: IterativeResult[] = [];
  for (const job of ITERATIVE_JOBS) {
    const sizes = job.unit === 'points' ? settings.points : settings.vertices;
    for (const [index, size] of sizes.entries()) {
      iterative.push(await runIterative(job, size, iterativeInput(job, size), settings.iterations, index % 2 === 0));
    }
  }
  noteLoad('after iterative jobs');

  console.log('one-pass jobs on local-cluster[2,1], both modes:');
  const localInputs = {
    text: text(settings.textMegabytes),
    readings: readings(settings.readings),
    orders: orders(settings.orders, settings.customers),
    customers: customers(settings.customers),
  };
  const described = {
    text: describe(localInputs.text, 'text'),
    readings: describe(localInputs.readings, `${settings.readings.toLocaleString('en')} readings`),
    orders: describe(localInputs.orders, `${settings.orders.toLocaleString('en')} orders`),
    customers: describe(localInputs.customers, `${settings.customers.toLocaleString('en')} customers`),
  };
  const paths = {
    text: localInputs.text.path,
    readings: localInputs.readings.path,
    orders: localInputs.orders.path,
    customers: localInputs.customers.path,
  };
  const batch = await runBatchJobs(batchJobs(described), paths, settings.rounds);
  noteLoad('after one-pass jobs');

  console.log('shuffle throughput on local-cluster[2,1]:');
  const shuffle = await shuffleBenchmarks(settings.shuffleRecords, settings.rounds + 1);

  console.log('word count scaling, local[1] vs local[2]:');
  const textInput = text(settings.textMegabytes);
  const scaling = await wordCountScaling(textInput.path, settings.rounds);
  console.log('serialization (tinybench):');
  const codec = await codecBenchmarks();
  noteLoad('after micro-benchmarks');

  console.log(`MEMORY_ONLY degradation on ${DEGRADATION_MASTER}:`);
  const degradation = [];
  for (const name of DEGRADATION_JOBS) {
    const job = ITERATIVE_JOBS.find((each) => each.name === name)!;
    const size = job.unit === 'points' ? settings.points[1] : settings.vertices[1];
    degradation.push(await memoryOnlyDegradation(job, iterativeInput(job, size).path, settings.iterations));
  }
  noteLoad('after degradation');

  console.log('skale 1.2.2 peer:');
  const skale = skaleResults(textInput.path, iterativeInput(lrJob, settings.points[1]).path, settings.iterations);
  noteLoad('end');

  const report: ModesReport = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    loadAverage,
    cluster: MASTER,
    iterations: settings.iterations,
    idiomaticLr,
    iterative,
    batch,
    scaling,
    codec,
    shuffle,
    degradation,
    skale,
    broadcastRaceRetries,
    elapsedMs: performance.now() - started,
  };
  writeResults(report, settings.name);
}

function skaleResults(textPath: string, pointsPath: string, iterations: number): SkaleResults {
  const wordCount = runSkale<{ ms: number; distinctWords: number }>('wordcount.cjs', [textPath], 600_000);
  console.log(`  word count: ${wordCount.ok ? `${wordCount.result.ms} ms` : wordCount.error}`);
  const lr = runSkale<{ iterationMs: number[] }>('logistic-regression.cjs', [pointsPath, String(iterations)], 600_000);
  const logisticRegression: SkaleResults['logisticRegression'] = lr.ok ? { ok: true, result: { ...iterationTimes(lr.result.iterationMs) } } : lr;
  console.log(`  logistic regression: ${logisticRegression.ok ? `first ${logisticRegression.result.firstMs} ms, later ${logisticRegression.result.laterMs} ms` : logisticRegression.error}`);
  return { wordCount, logisticRegression };
}

function describe(input: LocalInput, what: string): string {
  return `${what} (${(input.bytes / 1024 / 1024).toFixed(1)} MiB)`;
}

function writeResults(report: ModesReport, name: string): void {
  const dir = fileURLToPath(new URL('results/', import.meta.url));
  const base = `${name}-${report.date.slice(0, 10)}`;
  const charts: Chart[] = [...report.iterative.map(iterationChart), ...report.degradation.map(degradationChart)];
  mkdirSync(dir, { recursive: true });
  for (const chart of charts) writeFileSync(`${dir}${base}-${chart.name}.svg`, chart.svg);
  const markdown = markdownReport(report, charts.map((chart) => `${base}-${chart.name}.svg`));
  writeFileSync(`${dir}${base}.json`, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(`${dir}${base}.md`, markdown);
  console.log(`\n${markdown}\nresults written to ${dir}${base}.{json,md} and ${charts.length} charts`);
}

// Exits explicitly: a degradation run that timed out may leave its context's sockets open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
