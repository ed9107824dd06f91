/**
 * A namenode and two single-threaded workers whose executors get a given memory budget: a
 * local-cluster[2,1] except for `--executor-memory` (LocalCluster starts its workers with the
 * default budget). The workers are started with the flint CLI, as LocalCluster starts its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { DfsClient } from '@flint/dfs';
import { LocalCluster } from '@flint/driver';
import { WORKERS } from './bench-cluster.js';

const FLINT_CLI = fileURLToPath(new URL('../../packages/driver/dist/cli/flint.js', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export class MemoryLimitedCluster {
  private constructor(
    private readonly namenodeOnly: LocalCluster,
    private readonly workers: ChildProcess[],
    private readonly root: string,
  ) {}

  get namenode(): string {
    return this.namenodeOnly.namenode;
  }

  static async start(executorMemory: number): Promise<MemoryLimitedCluster> {
    const namenodeOnly = await LocalCluster.start(0, 1);
    const root = mkdtempSync(join(tmpdir(), 'flint-bench-memory-'));
    const workers = Array.from({ length: WORKERS }, (_, index) =>
      spawn(process.execPath, [FLINT_CLI, 'worker', '--namenode', namenodeOnly.namenode, '--data', join(root, `worker-${index}`), '--threads', '1', '--executor-memory', String(executorMemory)], {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, FLINT_EXIT_WITH_PARENT: '1' },
      }),
    );
    const cluster = new MemoryLimitedCluster(namenodeOnly, workers, root);
    try {
      await Promise.all(workers.map(started));
      await liveNodes(namenodeOnly.namenode, WORKERS);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map(ended));
    await this.namenodeOnly.stop();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Resolves when the worker prints its executor id. */
function started(worker: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${worker.pid} did not start in ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    createInterface({ input: worker.stdout! }).on('line', (line) => {
      if (/executor \S+/.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} before starting`)));
  });
}

/** Resolves once the namenode counts `count` live nodes (a worker's datanode may register after its executor starts). */
async function liveNodes(namenode: string, count: number): Promise<void> {
  const client = await DfsClient.connect(namenode);
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while ((await client.liveNodes()).length < count) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} workers registered with the namenode in ${START_TIMEOUT_MS} ms`);
      await sleep(100);
    }
  } finally {
    client.close();
  }
}

function ended(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill('SIGTERM');
  });
}
