/** Prints a fault-tolerance demo report in plain words. */
import { basename } from 'node:path';
import { printTable } from '../shared/cli.js';
import { DFS_DIR, MASTER, REPLICATION, type FaultDemoReport } from './demo.js';
import { firstDifference } from './job.js';
import { recoveryOf } from './recovery.js';
import type { ReReplication } from './replication.js';
import { timeline } from './timeline.js';
import { listed, partitions, WorkerNames } from './worker-names.js';

const MAX_BLOCK_LINES = 8;

export function narrate(report: FaultDemoReport, top: number): void {
  const names = new WorkerNames(report.workers);
  printSetup(report);

  console.log('\nWhat happened (seconds from the start of the job):');
  for (const line of timeline(report)) console.log(`  ${seconds(line.atMs).padStart(6)}  ${line.text}`);

  printRecovery(report);
  if (report.replication) printReReplication(report, report.replication, names);

  const [distinct, wordsCounted] = [report.rows.length, report.rows.reduce((sum, [, count]) => sum + count, 0)];
  console.log(`\nResult: ${distinct.toLocaleString('en-US')} distinct words with a lexicon entry, ${wordsCounted.toLocaleString('en-US')} occurrences; the ${top} most frequent:`);
  printTable(['word', 'count', 'topic'], report.rows.slice(0, top).map(([word, count, topic]) => [word, count, topic]));
}

/** The check line, and whether the result equals the reference run's. */
export function checkResult(report: FaultDemoReport): boolean {
  const difference = firstDifference(report.rows, report.reference.rows);
  const reference = `the same job run again afterwards on the ${report.workers.length - 1} surviving workers, without a failure (${seconds(report.reference.ms)} s)`;
  console.log(
    difference === undefined
      ? `\nCheck: OK, the result equals that of ${reference}: all ${report.rows.length.toLocaleString('en-US')} rows.`
      : `\nCheck: FAILED, the result differs from that of ${reference}: ${difference}`,
  );
  return difference === undefined;
}

function printSetup(report: FaultDemoReport): void {
  const { options } = report;
  console.log(`Cluster: ${MASTER}, a namenode and ${report.workers.length} workers (each a datanode and an executor with 1 task thread):`);
  for (const worker of report.workers) console.log(`  worker ${worker.index}: executor ${worker.executor}, pid ${worker.pid}`);
  console.log(`Data, loaded into DFS with replication ${REPLICATION} and ${mebibytes(options.blockSize)} blocks in ${seconds(report.loadMs)} s:`);
  for (const file of report.files) {
    const blocks = report.blocksBefore.filter((block) => block.path === file.dfsPath).length;
    console.log(`  ${file.dfsPath.padEnd(24)} ${mebibytes(file.bytes).padStart(9)}, ${blocks} block${blocks === 1 ? '' : 's'} (generated at ${file.localPath})`);
  }
  const [text, lexicon] = report.files.map((file) => basename(file.dfsPath));
  console.log(
    `Job: count the words of ${text} and join the counts with ${lexicon}, in ${options.reducePartitions} partitions. Three stages:\n` +
      `  map over ${text}'s blocks (shuffle 0); reduce the counts and read ${lexicon}, keyed for the join (shuffle 1); join.`,
  );
}

function printRecovery(report: FaultDemoReport): void {
  const { kill } = report;
  if (!kill) {
    console.log('\nNo worker was killed: the job ended before the stage that reads shuffle output had a finished task.');
    return;
  }
  const recovery = recoveryOf(report);
  console.log(`\nRecovery: worker ${kill.workerIndex} died ${seconds(kill.atMs)} s into the job; the job took ${seconds(report.jobMs)} s in all.`);
  const shuffles = [...new Set(recovery.lostMapOutputs.map(([shuffle]) => shuffle))];
  for (const shuffle of shuffles) {
    const maps = recovery.lostMapOutputs.filter(([s]) => s === shuffle).map(([, map]) => map);
    const recomputed = recovery.rerun.filter((task) => task.reason === 'output lost' && report.stages.get(task.stageId)?.writesShuffle === shuffle);
    console.log(`  lost shuffle output: shuffle ${shuffle}, map ${partitions(maps)}; recomputed from lineage: ${recomputed.length} of them`);
  }
  for (const stageId of new Set(recovery.rerun.map((task) => task.stageId))) {
    const tasks = recovery.rerun.filter((task) => task.stageId === stageId).sort((a, b) => a.partition - b.partition);
    const described = tasks.map((task) => `${task.partition} (${task.reason})`);
    console.log(`  rerun: stage ${stageId}, ${tasks.length === 1 ? 'partition' : 'partitions'} ${listed(described)}`);
  }
  const firstRuns = recovery.tasksSucceeded - recovery.rerun.length;
  console.log(`  ${recovery.rerun.length} tasks ran twice; the other ${firstRuns} ran once and their work was kept.`);
}

function printReReplication(report: FaultDemoReport, replication: ReReplication, names: WorkerNames): void {
  const killedAt = report.kill!.atMs;
  const dead = names.node(replication.deadNode);
  console.log(`\nDFS (fsck before the job, and after the kill):`);
  console.log(`  before: ${report.blocksBefore.length} blocks with ${REPLICATION} live replicas each; ${replication.blocks.length} had one on ${dead}'s datanode`);
  if (replication.declaredDeadAtMs === undefined) {
    console.log(`  the namenode had not declared ${dead}'s datanode dead after ${seconds(report.options.replicationTimeoutMs)} s`);
    return;
  }
  console.log(`  the namenode declared ${dead}'s datanode dead ${seconds(replication.declaredDeadAtMs - killedAt)} s after the kill (no heartbeat)`);
  const repaired = replication.blocks.filter(({ after }) => after && after.nodes.length >= REPLICATION && !after.nodes.includes(replication.deadNode));
  const when = replication.repairedAtMs === undefined ? `by the end of the wait` : `${seconds(replication.repairedAtMs - killedAt)} s after the kill`;
  console.log(`  ${when}, ${repaired.length} of those ${replication.blocks.length} blocks had ${REPLICATION} live replicas again:`);
  const where = (nodes: readonly string[]): string => nodes.map((node) => names.node(node)).sort().join(' + ');
  printTable(
    ['block', 'file, offset', 'replicas before', 'after'],
    replication.blocks.slice(0, MAX_BLOCK_LINES).map(({ before, after }) => [
      before.blockId,
      `${basename(before.path)} @ ${mebibytes(before.offset)}`,
      where(before.nodes),
      after ? where(after.nodes) : 'gone',
    ]),
  );
  if (replication.blocks.length > MAX_BLOCK_LINES) console.log(`  ... and ${replication.blocks.length - MAX_BLOCK_LINES} more`);
  console.log(`  fsck ${DFS_DIR}: ${replication.healthy ? 'healthy' : 'NOT healthy'}`);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes % 2 ** 20 === 0 ? 0 : 1)} MiB`;
}
