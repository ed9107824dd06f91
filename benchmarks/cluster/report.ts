/** The cluster benchmark's results: their shape and the markdown table. */
import type { Locality } from '@flint/driver';
import { mebibytes } from '../wordcount/report.js';

export interface TimedConfiguration {
  readonly name: string;
  /** Starting the context (and, for a local cluster, its processes); not in the job times. */
  readonly startMs: number;
  readonly timesMs: number[];
  readonly medianMs: number;
  /** CPU time of all the context's processes (driver, and namenode and workers) per run. */
  readonly cpuMs: number[];
  readonly medianCpuMs: number;
  /** Input-reading tasks by locality level, over all runs. */
  readonly inputTasks: Record<Locality, number>;
}

export interface KillRun {
  readonly ms: number;
  /** Including the killed worker's CPU time up to its death. */
  readonly cpuMs: number;
  readonly killedAtMs: number;
  readonly mapTasksDone: number;
  readonly mapTasks: number;
  readonly rerunTasks: number;
  readonly lostMapOutputs: number;
}

export interface ClusterReport {
  readonly date: string;
  readonly machine: { cpus: number; cpuModel: string; node: string; platform: string };
  /** The 1-minute load average before and after the runs, and the highest after any run: above the CPU count, other work competed. */
  readonly loadAverage: { before: number; after: number; peak: number };
  readonly input: { path: string; bytes: number; words: number; distinctWords: number };
  readonly dfs: { blockSize: number; replication: number; blocks: number; loadMs: number };
  readonly runs: number;
  readonly cluster: TimedConfiguration;
  readonly local: TimedConfiguration;
  readonly killed: { readonly name: string; readonly runs: KillRun[]; readonly medianMs: number; readonly medianCpuMs: number };
  /** cluster median / local median, of job time and of CPU time. */
  readonly clusterOverLocal: number;
  readonly clusterOverLocalCpu: number;
  /** (killed median − cluster median) / cluster median, of job time and of CPU time. */
  readonly recoveryOverhead: number;
  readonly recoveryOverheadCpu: number;
  /** Node-local (or process-local) input tasks of the cluster runs without a kill. */
  readonly nodeLocalFraction: number;
}

export function markdownReport(report: ClusterReport): string {
  const { input, machine, dfs, cluster, local, killed } = report;
  const kill = killed.runs.map(
    (run) =>
      `killed ${seconds(run.killedAtMs)} in, after ${run.mapTasksDone} of ${run.mapTasks} map tasks; ` +
      `${plural(run.lostMapOutputs, 'map output')} lost, ${plural(run.rerunTasks, 'task')} rerun`,
  );
  const inputTasks = Object.values(cluster.inputTasks).reduce((sum, n) => sum + n, 0);
  const lines = [
    `# Cluster benchmark, ${report.date}`,
    '',
    `Word count over ${mebibytes(input.bytes)} of Zipf-distributed text (${input.words.toLocaleString('en')} words, ` +
      `${input.distinctWords.toLocaleString('en')} distinct), ${report.runs} round${report.runs === 1 ? '' : 's'} of the three runs below, interleaved; median job time. ` +
      `Every run's counts are equal. Node ${machine.node} on ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `load average ${report.loadAverage.before.toFixed(1)} before, ${report.loadAverage.after.toFixed(1)} after, ${report.loadAverage.peak.toFixed(1)} at most between runs.`,
    '',
    '| run | median job time | all runs | median CPU time | context start |',
    '| --- | ---: | --- | ---: | ---: |',
    ...[cluster, local].map(
      (c) => `| ${c.name} | ${seconds(c.medianMs)} | ${c.timesMs.map(seconds).join(', ')} | ${seconds(c.medianCpuMs)} | ${seconds(c.startMs)} |`,
    ),
    `| ${killed.name} | ${seconds(killed.medianMs)} | ${killed.runs.map((run) => seconds(run.ms)).join(', ')} | ${seconds(killed.medianCpuMs)} | |`,
    '',
    '| figure | value |',
    '| --- | ---: |',
    `| local-cluster[2,1] / local[2], job time | ${report.clusterOverLocal.toFixed(2)}× |`,
    `| local-cluster[2,1] / local[2], CPU time of all processes | ${report.clusterOverLocalCpu.toFixed(2)}× |`,
    `| recovery overhead: (time with kill − without) / without, job time | ${(100 * report.recoveryOverhead).toFixed(0)} % |`,
    `| recovery overhead, CPU time of all processes | ${(100 * report.recoveryOverheadCpu).toFixed(0)} % |`,
    `| node-local map tasks on local-cluster[2,1] | ${(100 * report.nodeLocalFraction).toFixed(0)} % (of ${inputTasks}) |`,
    `| DFS load (${plural(dfs.blocks, 'block')} of ${mebibytes(dfs.blockSize)}, replication ${dfs.replication}) | ${seconds(dfs.loadMs)} |`,
    '',
    ...kill.map((line, i) => `- kill run ${i + 1}: ${line}`),
  ];
  return lines.join('\n') + '\n';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
