/**
 * A task that takes its whole process down — one huge allocation makes V8 abort the process
 * (a fatal out-of-memory error, SIGABRT), whatever the thread's heap limit — on local-cluster[2,1].
 * The executor runs in a child process of the worker: only it dies. The worker process (and the
 * datanode in it) keeps its PID and serves its blocks, a new executor process replaces the dead
 * one under a new executor id, and the task's attempts count the loss (Spark's
 * ExecutorLostFailure): it succeeds on a retry, or fails the job after maxFailures attempts
 * with V8's reason instead of killing executors forever.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { FlintContext, type TaskContext as DriverTaskContext } from '@flint/driver';

// Shipped functions name TaskContext as a global, which task threads define (see user-code-faults.test.ts).
declare const TaskContext: typeof DriverTaskContext;

const MAX_FAILURES = 4;
// A small thread heap makes V8 give up on the allocation sooner.
const THREAD_HEAP = 64 * 1024 * 1024;
const FILE = '/crash/before.bin';
const fileBytes = Buffer.from(Array.from({ length: 150_000 }, (_, i) => (i * 7919) % 253));

let fc: FlintContext;
let dfs: DfsClient;
let workerPids: number[];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local-cluster[2,1]', maxFailures: MAX_FAILURES, threadHeap: THREAD_HEAP });
  workerPids = fc.localCluster!.workers.map((w) => w.process.pid!);
  dfs = await DfsClient.connect(fc.localCluster!.namenode);
  await dfs.writeFile(FILE, fileBytes, { replication: 2, blockSize: 64 * 1024 });
});

afterAll(async () => {
  dfs?.close();
  await fc?.stop();
});

/** The PIDs of a process's children, from the kernel (/proc). */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/** Each worker's executor process, once every worker has one that the namenode lists. */
async function executorProcesses(): Promise<{ pids: number[]; ids: string[] }> {
  const workers = fc.localCluster!.workers;
  for (let tries = 0; ; tries++) {
    const pids = workers.map((w) => childrenOf(w.process.pid!));
    const listed = new Set((await dfs.liveNodes()).map((n) => n.services.executor));
    const ids = workers.map((w) => w.executorId);
    if (pids.every((p) => p.length === 1) && ids.every((id) => listed.has(id))) return { pids: pids.map((p) => p[0]), ids };
    if (tries > 300) throw new Error(`executors did not come back: children ${JSON.stringify(pids)}, ids ${ids}, listed ${[...listed]}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The worker processes are the ones started with the cluster, and their datanodes serve reads and writes. */
async function expectWorkersUp(): Promise<void> {
  const workers = fc.localCluster!.workers;
  expect(workers.map((w) => w.process.pid)).toEqual(workerPids);
  expect(workers.map((w) => w.process.exitCode ?? w.process.signalCode)).toEqual([null, null]);
  expect((await dfs.liveNodes()).length).toBe(2);
  expect(Buffer.compare(await dfs.readFile(FILE), fileBytes)).toBe(0);
  const probe = `/crash/probe-${Date.now()}`;
  await dfs.writeFile(probe, Buffer.from('datanode still serving'), { replication: 2 });
  expect((await dfs.readFile(probe)).toString()).toBe('datanode still serving');
}

/** The executor processes that run a job's tasks, from jobs run until they are `expected` (or 100 jobs). */
async function processesRunningTasks(expected: number[]): Promise<Set<number>> {
  let ran = new Set<number>();
  for (let job = 0; job < 100 && ran.size < expected.length; job++) {
    ran = new Set(await fc.parallelize([0, 1, 2, 3], 4).map(() => process.pid).collect());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ran;
}

describe('a task that aborts its executor process', () => {
  it('is retried on a new executor and succeeds; the worker and its datanode stay up', async () => {
    const before = await executorProcesses();
    const result = await fc
      .parallelize([1, 2, 3], 1)
      .mapPartitions((records) => {
        if (TaskContext.get()!.attemptNumber() === 0) new Array(2e8).fill(1.5);
        return records;
      })
      .collect();
    expect(result).toEqual([1, 2, 3]);
    await expectWorkersUp();
    const after = await executorProcesses();
    // Exactly one executor died: its process and its id are new, the other's are the same.
    const replaced = [0, 1].filter((i) => after.pids[i] !== before.pids[i]);
    expect(replaced).toHaveLength(1);
    expect(after.ids.filter((id, i) => id !== before.ids[i])).toHaveLength(1);
    expect(after.ids[replaced[0]]).not.toBe(before.ids[replaced[0]]);
    // The new executor takes tasks, once the driver has found it (it polls the namenode).
    expect(await processesRunningTasks(after.pids)).toEqual(new Set(after.pids));
  });

  // Four executor processes abort and start again: 39 s with the machine at load 22, near the 60 s default timeout.
  it(`fails the job after ${MAX_FAILURES} attempts with the executor's fatal error, not forever`, async () => {
    const before = await executorProcesses();
    const job = fc
      .parallelize([1], 1)
      .map((x) => new Array(2e8).fill(x).length)
      .collect();
    await expect(job).rejects.toThrow(
      new RegExp(`failed ${MAX_FAILURES} times; most recent failure \\(attempt ${MAX_FAILURES - 1}\\): ExecutorLostFailure: executor \\S+ exited caused by one of the running tasks\\. Reason: executor process \\d+ was ended by SIGABRT: FATAL ERROR: .*JavaScript heap out of memory`),
    );
    await expectWorkersUp();
    const after = await executorProcesses();
    expect(after.pids.every((pid) => !before.pids.includes(pid))).toBe(true);
    expect(await fc.parallelize([1, 2, 3, 4], 2).map((x) => x * 10).collect()).toEqual([10, 20, 30, 40]);
  }, 180_000);
});
