/**
 * Cluster membership over a job's life: DFS data survives a killed worker (replication 2), a
 * killed driver leaves no tasks running on the workers, a worker restarted on its data directory
 * rejoins, and tasks over DFS blocks run node-local when slots are free.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DfsClient } from '@flint/dfs';
import { FlintContext, LocalCluster, capture } from '@flint/driver';
import { parseExecutorId } from '@flint/worker';
import { TaskLog, cpuSeconds, generateLines, wordCountReference } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function context(master: string): Promise<FlintContext> {
  const fc = await FlintContext.create({ master });
  cleanups.push(() => fc.stop());
  return fc;
}

async function putText(namenode: string, path: string, text: string, replication: number, blockSize: number): Promise<void> {
  const client = await DfsClient.connect(namenode);
  try {
    await client.writeFile(path, Buffer.from(text), { replication, blockSize });
  } finally {
    client.close();
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('cluster lifecycle', () => {
  it('loses no DFS data when a worker dies (replication 2), and re-replicates its blocks', async () => {
    const fc = await context('local-cluster[3,1]');
    const lines = generateLines(3_000);
    await putText(fc.localCluster!.namenode, '/data/words.txt', `${lines.join('\n')}\n`, 2, 8 * 1024);
    fc.localCluster!.killWorker(1);
    const counts = await fc.textFile('dfs:///data/words.txt').flatMap((l) => l.split(' ')).countByValue();
    expect(counts).toEqual(wordCountReference(lines));
    const client = await DfsClient.connect(fc.localCluster!.namenode);
    try {
      const report = await waitFor(async () => {
        const fsck = await client.fsck('/data/words.txt');
        return fsck.healthy ? fsck : undefined;
      });
      expect(report.healthy).toBe(true);
    } finally {
      client.close();
    }
  });

  it('a killed driver leaves no task running on the workers', async () => {
    const cluster = await LocalCluster.start(2, 1);
    cleanups.push(() => cluster.stop());
    const job = join(import.meta.dirname, 'fixtures', 'long-job.ts');
    // `node --import tsx`, not the tsx CLI: the CLI runs the job in a child process, which SIGKILL would miss.
    const driver = spawn(process.execPath, ['--import', 'tsx', job, `flint://${cluster.namenode}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    cleanups.push(() => void driver.kill('SIGKILL'));
    const pids = cluster.workers.map((w) => w.process.pid!);
    const idleCpu = pids.map(cpuSeconds);
    // Both workers are busy once the driver's tasks run (each has used half a CPU-second more)...
    await waitFor(() => (pids.every((pid, i) => cpuSeconds(pid) - idleCpu[i] > 0.5) ? true : undefined), 60_000);
    driver.kill('SIGKILL');
    // ...and idle again soon after the driver is gone: its tasks were aborted, not left to run for a minute.
    await waitFor(async () => {
      const before = pids.map(cpuSeconds);
      await new Promise((r) => setTimeout(r, 1_500));
      return pids.every((pid, i) => cpuSeconds(pid) - before[i] < 0.1) ? true : undefined;
    }, 15_000);
  });

  it('a worker restarted on its data directory rejoins and is used again', async () => {
    const fc = await context('local-cluster[2,1]');
    const log = new TaskLog();
    fc.addListener(log.onEvent);
    const cluster = fc.localCluster!;
    const before = cluster.workers[0].executorId;
    cluster.killWorker(0);
    await waitFor(() => (log.lost.length === 1 ? true : undefined));
    const after = await cluster.restartWorker(0);
    expect(after).not.toBe(before);
    expect(parseExecutorId(after).nodeId).toBe(parseExecutorId(before).nodeId);
    // Slow tasks so that both executors are needed once the restarted one is connected.
    const used = await waitFor(async () => {
      log.tasks.length = 0;
      await fc.range(0, 8, 1, 8).map((x) => { const end = Date.now() + 100; while (Date.now() < end); return x; }).collect();
      const executors = new Set(log.tasks.map((t) => t.executor));
      return executors.has(after) ? executors : undefined;
    });
    expect(used.size).toBe(2);
  });

  it('keeps drivers that use the same workers in turn apart (their ids restart at 0)', async () => {
    const cluster = await LocalCluster.start(2, 1);
    cleanups.push(() => cluster.stop());
    const results: string[][] = [];
    for (const driver of ['first driver', 'second driver']) {
      const fc = await FlintContext.create({ master: `flint://${cluster.namenode}` });
      const name = fc.broadcast(driver);
      const cached = fc.parallelize([1, 2, 3, 4], 2).map(capture({ name }, (x, { name }) => `${name.value} ${x}`)).cache();
      await cached.count();
      results.push(await cached.map((s) => s.split(' ').slice(0, 2).join(' ')).distinct().collect());
      await fc.stop();
    }
    expect(results).toEqual([['first driver'], ['second driver']]);
  });

  it('runs tasks over DFS blocks node-local when slots are free', async () => {
    const fc = await context('local-cluster[3,1]');
    const lines = generateLines(6_000);
    await putText(fc.localCluster!.namenode, '/data/blocks.txt', `${lines.join('\n')}\n`, 1, 16 * 1024);
    const count = await fc.textFile('dfs:///data/blocks.txt').count();
    expect(count).toBe(lines.length);
    const { locality } = fc.jobHistory.at(-1)!;
    const total = locality.PROCESS_LOCAL + locality.NODE_LOCAL + locality.ANY;
    const fraction = locality.NODE_LOCAL / total;
    console.log(`node-local map tasks: ${locality.NODE_LOCAL} of ${total} (${(fraction * 100).toFixed(0)}%)`);
    expect(fraction).toBeGreaterThan(0.5);
  });
});
