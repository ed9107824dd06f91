/** Compiles the engine programs and runs one engine task in its own child process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTsProject } from '../compile-programs.js';
import { readEngineResult, type EngineResult, type EngineTask } from './engine-result.js';

const ENGINE_MAIN = fileURLToPath(new URL('../data/compiled/benchmarks/sql/engine-main.js', import.meta.url));

/** Compiles the engine programs (see tsconfig.json here) to plain JavaScript run by node. */
export function compileEngines(): void {
  compileTsProject(new URL('./tsconfig.json', import.meta.url));
}

export interface RunOptions {
  timeoutMs: number;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=...']. */
  nodeFlags: string[];
}

/** Runs the task; a run that fails or outlives the timeout comes back as `failed`, with why. */
export function runEngine(task: EngineTask, { timeoutMs, nodeFlags }: RunOptions): EngineResult | { kind: 'failed'; reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flint-bench-sql-'));
  try {
    const resultFile = join(dir, 'result.json');
    const { status, signal } = spawnSync(process.execPath, [...nodeFlags, ENGINE_MAIN, JSON.stringify(task), resultFile], {
      stdio: 'inherit',
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      env: { ...process.env, POLARS_MAX_THREADS: '2' },
    });
    if (status === 0 && existsSync(resultFile)) return readEngineResult(resultFile);
    const why = signal === 'SIGKILL' ? `killed after the ${timeoutMs / 1000} s timeout (or out of memory)` : `exit code ${status ?? signal}`;
    return { kind: 'failed', reason: why };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
