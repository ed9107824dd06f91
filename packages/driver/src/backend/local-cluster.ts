/**
 * `local-cluster[W,T]`: a namenode and W worker processes with T threads each, on loopback, for
 * tests and demos. They live as long as the FlintContext: `stop()` ends them, and they end
 * themselves when the driver process dies (their stdin, a pipe from the driver, closes).
 * They and the driver share a secret made for this run (FLINT_SECRET, unless the user set one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { ensureRunSecret } from '@flint/net';

const FLINT_CLI = fileURLToPath(new URL('../cli/flint.js', import.meta.url));

/** Heartbeats fast enough that a killed worker is declared dead in about 4 s (2 × 500 + 10 × 300 ms). */
const NAMENODE_TIMING = ['--heartbeat-ms', '300', '--recheck-ms', '500', '--safe-mode-extension-ms', '0', '--replication-interval-ms', '300'];

export interface LocalWorker {
  readonly index: number;
  readonly dataDir: string;
  process: ChildProcess;
  executorId: string;
}

export class LocalCluster {
  private stopped = false;

  private constructor(
    readonly namenode: string,
    /** The namenode's cluster UI, e.g. http://127.0.0.1:40123/ (a free port, not 9870). */
    readonly uiUrl: string,
    readonly namenodeProcess: ChildProcess,
    readonly workers: LocalWorker[],
    private readonly workerOptions: string[],
    private readonly root: string,
  ) {}

  /**
   * `executorMemory`: bytes each worker's executor keeps in memory before spilling; `threadHeap`:
   * the heap limit of each task thread in bytes (the workers' defaults otherwise).
   */
  static async start(workerCount: number, threads: number, executorMemory?: number, threadHeap?: number): Promise<LocalCluster> {
    const workerOptions = [
      '--threads',
      String(threads),
      ...(executorMemory === undefined ? [] : ['--executor-memory', String(executorMemory)]),
      ...(threadHeap === undefined ? [] : ['--thread-heap', String(threadHeap)]),
    ];
    // The cluster authenticates as any other: with this run's secret, which the children inherit through the environment.
    ensureRunSecret();
    const root = mkdtempSync(join(tmpdir(), 'flint-local-cluster-'));
    const children: ChildProcess[] = [];
    const killAll = (): void => children.forEach((c) => c.kill('SIGKILL'));
    process.once('exit', killAll);
    try {
      const namenodeProcess = launch(['namenode', '--port', '0', '--ui-port', '0', '--data', join(root, 'namenode'), ...NAMENODE_TIMING]);
      children.push(namenodeProcess);
      const [[, namenode], [, uiUrl]] = await matchLines(namenodeProcess, [/listening on (\S+)/, /^cluster UI on (\S+)/]);
      const workers: LocalWorker[] = [];
      for (let index = 0; index < workerCount; index++) {
        const dataDir = join(root, `worker-${index}`);
        const worker: LocalWorker = { index, dataDir, process: launch(workerArgs(namenode, dataDir, workerOptions)), executorId: '' };
        children.push(worker.process);
        workers.push(worker);
      }
      for (const worker of workers) await followExecutor(worker);
      const cluster = new LocalCluster(namenode, uiUrl, namenodeProcess, workers, workerOptions, root);
      process.off('exit', killAll);
      process.once('exit', cluster.killNow);
      return cluster;
    } catch (error) {
      killAll();
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }

  /** SIGKILLs one worker (for fault-tolerance tests and demos). */
  killWorker(index: number): void {
    this.workers[index].process.kill('SIGKILL');
  }

  /** Starts a killed worker again on its data directory; it rejoins with the blocks it had. */
  async restartWorker(index: number): Promise<string> {
    const worker = this.workers[index];
    worker.process = launch(workerArgs(this.namenode, worker.dataDir, this.workerOptions));
    await followExecutor(worker);
    return worker.executorId;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // A driver that starts many clusters in turn (tests, benchmarks) would otherwise pile up exit hooks.
    process.off('exit', this.killNow);
    const all = [...this.workers.map((w) => w.process), this.namenodeProcess];
    await Promise.all(all.map((child) => terminate(child)));
    rmSync(this.root, { recursive: true, force: true });
  }

  /** The process exit hook: SIGKILLs every child at once (an arrow, so the same function can be removed). */
  private readonly killNow = (): void => {
    for (const child of [...this.workers.map((w) => w.process), this.namenodeProcess]) child.kill('SIGKILL');
  };
}

function workerArgs(namenode: string, dataDir: string, options: string[]): string[] {
  return ['worker', '--namenode', namenode, '--data', dataDir, ...options];
}

/**
 * Waits for the worker's executor and keeps `executorId` current: a worker replaces an executor
 * that died (a task aborted its process) and says so with the same kind of line.
 */
async function followExecutor(worker: LocalWorker): Promise<void> {
  const pattern = /executor (\S+)/;
  worker.executorId = (await matchLines(worker.process, [pattern]))[0][1];
  const current = worker.process;
  createInterface({ input: current.stdout! }).on('line', (line) => {
    const match = pattern.exec(line);
    if (match && worker.process === current) worker.executorId = match[1];
  });
}

function launch(args: string[]): ChildProcess {
  return spawn(process.execPath, [FLINT_CLI, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, FLINT_EXIT_WITH_PARENT: '1' },
  });
}

/** Waits for stdout lines matching each pattern (the first match of each); fails with the process's stderr if it exits first. */
function matchLines(child: ChildProcess, patterns: RegExp[], timeoutMs = 30_000): Promise<RegExpExecArray[]> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    const matches: (RegExpExecArray | undefined)[] = patterns.map(() => undefined);
    lines.on('line', (line) => {
      patterns.forEach((pattern, i) => (matches[i] ??= pattern.exec(line) ?? undefined));
      if (matches.every((match) => match !== undefined)) {
        clearTimeout(timer);
        resolve(matches as RegExpExecArray[]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with code ${code} before starting: ${stderr.trim()}`));
    });
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
