import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTsProject } from '../compile-programs.js';
import { readProgramResult, type ProgramResult } from './program-result.js';

const COMPILED_DIR = fileURLToPath(new URL('../data/compiled/benchmarks/wordcount/', import.meta.url));

/** Compiles the benchmarked programs (see tsconfig.json here) with the repository's tsc. */
export function compilePrograms(): void {
  compileTsProject(new URL('./tsconfig.json', import.meta.url));
}

/** Runs one compiled program (e.g. `flint.js`) over `input` in its own process and returns its report. */
export function runProgram(script: string, input: string): ProgramResult {
  const dir = mkdtempSync(join(tmpdir(), 'flint-bench-'));
  try {
    const resultFile = join(dir, 'result.json');
    const { status, signal } = spawnSync(process.execPath, [join(COMPILED_DIR, script), input, resultFile], {
      stdio: 'inherit',
    });
    if (status !== 0) throw new Error(`${script} failed (${signal ?? `exit code ${status}`})`);
    return readProgramResult(resultFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
