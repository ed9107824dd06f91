/**
 * The fault-tolerance demo's core, without printing: start `local-cluster[3,1]`, load a text
 * and a lexicon into DFS (replication 2), run word count joined with the lexicon while a
 * KillSwitch SIGKILLs one worker in the stage that reads the shuffle, record what the scheduler
 * did, then run the same job again on the survivors (the reference) while waiting for the
 * namenode to re-replicate the dead worker's blocks.
 */
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { FlintContext } from '@flint/driver';
import { DfsClient } from '@flint/dfs';
import { parseExecutorId } from '@flint/worker';
import { cachedPath } from '../shared/generated-file.js';
import { generateText } from '../wordcount/generate.js';
import { generateLexicon } from './lexicon.js';
import { topicRows, type TopicRow } from './job.js';
import { KillSwitch, type Kill } from './kill-switch.js';
import { Recorder, type Recorded, type StageInfo } from './recorder.js';
import { awaitReReplication, blockReplicas, type BlockReplicas, type ReReplication } from './replication.js';

export const MASTER = 'local-cluster[3,1]';
export const REPLICATION = 2;
export const DFS_DIR = '/fault-demo';

export interface FaultDemoOptions {
  /** Where the generated inputs are cached. */
  readonly dataDir: string;
  readonly textBytes: number;
  readonly blockSize: number;
  readonly vocabularySize: number;
  /** Partitions of the word counts, hence tasks of the stage that reads the shuffle. */
  readonly reducePartitions: number;
  /** How many tasks of that stage succeed before the kill. */
  readonly killAfterTasks: number;
  readonly replicationTimeoutMs: number;
}

export interface WorkerInfo {
  readonly index: number;
  readonly executor: string;
  readonly pid: number | undefined;
}

export interface LoadedFile {
  readonly dfsPath: string;
  readonly localPath: string;
  readonly bytes: number;
}

export interface FaultDemoReport {
  readonly options: FaultDemoOptions;
  readonly workers: readonly WorkerInfo[];
  readonly files: readonly LoadedFile[];
  readonly loadMs: number;
  /** Every block's replicas after loading, before the job. */
  readonly blocksBefore: readonly BlockReplicas[];
  readonly kill: Kill | undefined;
  readonly stages: ReadonlyMap<number, StageInfo>;
  readonly events: readonly Recorded[];
  readonly jobMs: number;
  readonly rows: readonly TopicRow[];
  /** The same job run again on the surviving workers, with no failure. */
  readonly reference: { readonly rows: readonly TopicRow[]; readonly ms: number };
  /** Undefined when no worker was killed. */
  readonly replication: ReReplication | undefined;
}

/** `beforeStop` runs once the report is ready, while the cluster and its UIs are still up (the CLI waits for Enter there). */
export async function runFaultDemo(
  options: FaultDemoOptions,
  log: (line: string) => void,
  beforeStop?: (report: FaultDemoReport, fc: FlintContext) => Promise<void>,
): Promise<FaultDemoReport> {
  const inputs = demoInputs(options, log);
  log(`starting ${MASTER}...`);
  const fc = await FlintContext.create({ master: MASTER, appName: 'fault-tolerance' });
  log(`driver UI: ${fc.uiWebUrl ?? 'off'}   cluster UI: ${fc.localCluster!.uiUrl}`);
  try {
    const client = await DfsClient.connect(fc.localCluster!.namenode);
    let report: FaultDemoReport;
    try {
      report = await demoOn(fc, client, inputs, options, log);
    } finally {
      client.close();
    }
    await beforeStop?.(report, fc);
    return report;
  } finally {
    await fc.stop();
  }
}

async function demoOn(
  fc: FlintContext,
  client: DfsClient,
  inputs: { text: string; lexicon: string },
  options: FaultDemoOptions,
  log: (line: string) => void,
): Promise<FaultDemoReport> {
  const cluster = fc.localCluster!;
  const workers = cluster.workers.map(({ index, executorId, process }) => ({ index, executor: executorId, pid: process.pid }));
  log('loading the data into DFS...');
  const loadStarted = performance.now();
  const files = [
    { dfsPath: `${DFS_DIR}/text.txt`, localPath: inputs.text, bytes: statSync(inputs.text).size },
    { dfsPath: `${DFS_DIR}/lexicon.csv`, localPath: inputs.lexicon, bytes: statSync(inputs.lexicon).size },
  ];
  for (const file of files) {
    await client.writeFile(file.dfsPath, createReadStream(file.localPath), { replication: REPLICATION, blockSize: options.blockSize });
  }
  const loadMs = performance.now() - loadStarted;
  const blocksBefore = blockReplicas(await client.fsck(DFS_DIR));
  const runJob = (): Promise<TopicRow[]> => topicRows(fc, `dfs://${files[0].dfsPath}`, `dfs://${files[1].dfsPath}`, options.reducePartitions);

  log('running the job; a worker will be killed in its second stage...');
  const jobStarted = performance.now();
  const now = (): number => performance.now() - jobStarted;
  const recorder = new Recorder(now);
  const killSwitch = new KillSwitch(cluster, now, {
    inStage: (stage) => stage.parentStageIds.length > 0,
    afterTasks: () => options.killAfterTasks,
  });
  const removeListeners = [fc.addListener(killSwitch.onEvent), fc.addListener(recorder.onEvent)];
  const rows = await runJob();
  const jobMs = now();
  removeListeners.forEach((remove) => remove());
  const { kill } = killSwitch;

  log('running the job again on the survivors, and waiting for the namenode to re-replicate...');
  const [reference, replication] = await Promise.all([
    timedRows(runJob),
    kill && awaitReReplication(client, DFS_DIR, blocksBefore, parseExecutorId(kill.executor).nodeId, REPLICATION, now, options.replicationTimeoutMs),
  ]);
  return {
    options, workers, files, loadMs, blocksBefore, kill, stages: recorder.stages, events: recorder.events, jobMs, rows, reference, replication,
  };
}

function demoInputs(options: FaultDemoOptions, log: (line: string) => void): { text: string; lexicon: string } {
  const { dataDir, textBytes, vocabularySize } = options;
  const text = cachedPath(join(dataDir, `fault-demo-text-${textBytes}B-v${vocabularySize}.txt`), (path) => {
    log(`generating ${(textBytes / 2 ** 20).toFixed(1)} MiB of text at ${path} (once)...`);
    generateText(path, { bytes: textBytes, seed: 1, vocabularySize });
  });
  const lexicon = cachedPath(join(dataDir, `fault-demo-lexicon-v${vocabularySize}.csv`), (path) => generateLexicon(path, { vocabularySize }));
  return { text, lexicon };
}

async function timedRows(run: () => Promise<TopicRow[]>): Promise<{ rows: TopicRow[]; ms: number }> {
  const started = performance.now();
  const rows = await run();
  return { rows, ms: performance.now() - started };
}
