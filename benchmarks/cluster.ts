/**
 * Cluster benchmark (`npm run bench -- cluster [--size-mb N] [--block-mb N] [--runs N]`).
 *
 * Word count over a generated Zipf-distributed text (500 MiB by default, cached in
 * benchmarks/data/) three ways, in rounds that interleave them so a slow spell of this shared
 * machine hits all three:
 *   1. on local-cluster[2,1] over the text loaded into its DFS (replication 2);
 *   2. on local[2] over the local file;
 *   3. on local-cluster[2,1] again, SIGKILLing a worker when half of the map tasks are done
 *      (the worker is restarted on its data directory between rounds).
 * Both contexts are started once, before the rounds. Reports the cluster/local ratio, the
 * recovery overhead (3 − 1) / 1, both in wall time and in the CPU time of all the processes
 * involved (steadier on a shared machine), and the fraction of map tasks that ran node-local.
 * Context start-up and the DFS load are timed but not part of the job times. Every run's counts
 * must be equal, or the benchmark fails. Results go to
 * benchmarks/results/cluster-<date>.{json,md} (cluster-<N>MB-<date>.* for another size).
 */
import { createReadStream, statSync } from 'node:fs';
import { cpus, loadavg, platform } from 'node:os';
import { writeResultFiles } from './results-files.js';
import { benchOptions } from './bench-options.js';
import { FlintContext } from '@flint/driver';
import { DfsClient } from '@flint/dfs';
import { assertSameCounts } from './wordcount/same-counts.js';
import { median } from './wordcount/report.js';
import { benchText } from './cluster/input.js';
import { restartAndRejoin } from './cluster/rejoin.js';
import { timedWordCount, timedWordCountWithKill, type JobRun, type KilledRun } from './cluster/timed-runs.js';
import { markdownReport, type ClusterReport, type TimedConfiguration } from './cluster/report.js';

const CLUSTER = 'local-cluster[2,1]';
const LOCAL = 'local[2]';
const REPLICATION = 2;
const DFS_PATH = '/bench/words.txt';
const DEFAULT_MEGABYTES = 500;

async function main(): Promise<void> {
  const values = benchOptions('cluster', `[--size-mb N] [--block-mb N] [--runs N]
  --size-mb N    size of the generated text (default ${DEFAULT_MEGABYTES})
  --block-mb N   DFS block size (default 32)
  --runs N       interleaved rounds (default 1)`, {
    'size-mb': { type: 'string', default: String(DEFAULT_MEGABYTES) },
    'block-mb': { type: 'string', default: '32' },
    runs: { type: 'string', default: '1' },
  });
  const megabytes = positiveInteger('--size-mb', values['size-mb']);
  const blockSize = positiveInteger('--block-mb', values['block-mb']) * 2 ** 20;
  const runs = positiveInteger('--runs', values.runs);
  const input = benchText(megabytes);
  const loadBefore = loadavg()[0];

  console.log(`starting ${CLUSTER} and ${LOCAL}...`);
  // Both contexts live through every round, so each has one cold first run.
  const [cluster, local] = [await startContext(CLUSTER), await startContext(LOCAL)];
  const fc = cluster.fc;
  const clean: JobRun[] = [];
  const localRuns: JobRun[] = [];
  const killed: KilledRun[] = [];
  let reference: Map<string, number> | undefined;
  const check = (run: JobRun, name: string): void => {
    reference ??= new Map(run.counts);
    assertSameCounts(reference, run.counts, name);
  };
  try {
    const dfs = await loadIntoDfs(fc, input, blockSize);
    console.log(`loaded ${input} into DFS: ${dfs.blocks} blocks in ${(dfs.loadMs / 1000).toFixed(2)} s`);
    for (let round = 1; round <= runs; round++) {
      clean.push(await timedWordCount(fc, `dfs://${DFS_PATH}`));
      check(clean.at(-1)!, CLUSTER);
      log(round, runs, CLUSTER, clean.at(-1)!.ms);

      localRuns.push(await timedWordCount(local.fc, input));
      check(localRuns.at(-1)!, LOCAL);
      log(round, runs, LOCAL, localRuns.at(-1)!.ms);

      const run = await timedWordCountWithKill(fc, `dfs://${DFS_PATH}`);
      killed.push(run);
      check(run, `${CLUSTER} with a kill`);
      log(round, runs, `${CLUSTER}, worker ${run.kill.workerIndex} killed at ${(run.kill.atMs / 1000).toFixed(2)} s`, run.ms);
      if (round < runs) await restartAndRejoin(fc.localCluster!, run.kill.workerIndex);
    }
    writeResults(
      report({
        input, megabytes, runs, loadBefore, dfs: { blockSize, replication: REPLICATION, ...dfs },
        startMs: { cluster: cluster.startMs, local: local.startMs }, clean, local: localRuns, killed, reference: reference!,
      }),
      megabytes === DEFAULT_MEGABYTES ? 'cluster' : `cluster-${megabytes}MB`,
    );
  } finally {
    await Promise.all([fc.stop(), local.fc.stop()]);
  }
}

async function startContext(master: string): Promise<{ fc: FlintContext; startMs: number }> {
  const started = performance.now();
  const fc = await FlintContext.create({ master, appName: 'bench-cluster' });
  return { fc, startMs: performance.now() - started };
}

async function loadIntoDfs(fc: FlintContext, input: string, blockSize: number): Promise<{ blocks: number; loadMs: number }> {
  const client = await DfsClient.connect(fc.localCluster!.namenode);
  try {
    console.log(`loading ${input} into DFS (replication ${REPLICATION}, ${blockSize / 2 ** 20} MiB blocks)...`);
    const started = performance.now();
    await client.writeFile(DFS_PATH, createReadStream(input), { replication: REPLICATION, blockSize, overwrite: true });
    const loadMs = performance.now() - started;
    return { blocks: (await client.fsck(DFS_PATH)).totalBlocks, loadMs };
  } finally {
    client.close();
  }
}

interface Measurements {
  input: string;
  megabytes: number;
  runs: number;
  loadBefore: number;
  dfs: ClusterReport['dfs'];
  startMs: { cluster: number; local: number };
  clean: JobRun[];
  local: JobRun[];
  killed: KilledRun[];
  reference: Map<string, number>;
}

function report(m: Measurements): ClusterReport {
  const cluster = configuration(CLUSTER, m.startMs.cluster, m.clean);
  const local = configuration(LOCAL, m.startMs.local, m.local);
  const killedMedian = median(m.killed.map((run) => run.ms));
  const killedMedianCpu = median(m.killed.map((run) => run.cpuMs));
  const inputTasks = Object.values(cluster.inputTasks).reduce((sum, n) => sum + n, 0);
  return {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: platform() },
    loadAverage: { before: m.loadBefore, after: loadavg()[0], peak: peakLoad },
    input: {
      path: m.input,
      bytes: statSync(m.input).size,
      words: [...m.reference.values()].reduce((sum, count) => sum + count, 0),
      distinctWords: m.reference.size,
    },
    dfs: m.dfs,
    runs: m.runs,
    cluster,
    local,
    killed: {
      name: `${CLUSTER}, a worker SIGKILLed at half the map tasks`,
      runs: m.killed.map((run) => ({
        ms: run.ms, cpuMs: run.cpuMs, killedAtMs: run.kill.atMs, mapTasksDone: run.kill.tasksDone, mapTasks: run.kill.numTasks,
        rerunTasks: run.rerunTasks, lostMapOutputs: run.lostMapOutputs,
      })),
      medianMs: killedMedian,
      medianCpuMs: killedMedianCpu,
    },
    clusterOverLocal: cluster.medianMs / local.medianMs,
    clusterOverLocalCpu: cluster.medianCpuMs / local.medianCpuMs,
    recoveryOverhead: (killedMedian - cluster.medianMs) / cluster.medianMs,
    recoveryOverheadCpu: (killedMedianCpu - cluster.medianCpuMs) / cluster.medianCpuMs,
    nodeLocalFraction: (cluster.inputTasks.PROCESS_LOCAL + cluster.inputTasks.NODE_LOCAL) / inputTasks,
  };
}

function configuration(name: string, startMs: number, runs: JobRun[]): TimedConfiguration {
  const inputTasks = { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 };
  for (const run of runs) for (const level of Object.keys(inputTasks) as (keyof typeof inputTasks)[]) inputTasks[level] += run.inputTasks[level];
  const timesMs = runs.map((run) => run.ms);
  const cpuMs = runs.map((run) => run.cpuMs);
  return { name, startMs, timesMs, medianMs: median(timesMs), cpuMs, medianCpuMs: median(cpuMs), inputTasks };
}

function writeResults(report: ClusterReport, name: string): void {
  const markdown = markdownReport(report);
  console.log(`\n${markdown}`);
  writeResultFiles(name, report.date, { json: JSON.stringify(report, null, 2) + '\n', md: markdown });
}

/** The highest 1-minute load average seen after a run. */
let peakLoad = 0;

function log(round: number, runs: number, what: string, ms: number): void {
  peakLoad = Math.max(peakLoad, loadavg()[0]);
  console.log(`round ${round}/${runs}: ${what}: ${(ms / 1000).toFixed(2)} s (load average ${loadavg()[0].toFixed(1)})`);
}

function positiveInteger(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${option} wants a positive integer, got ${value}`);
  return parsed;
}

await main();
