import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProgramResult, type ProgramResult } from './program-result.js';

const COMPILED_DIR = fileURLToPath(new URL('../data/compiled/benchmarks/wordcount/', import.meta.url));

/** Compiles the benchmarked programs (see tsconfig.json here) with the repository's tsc. */
export function compilePrograms(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
  const { status } = spawnSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
  if (status !== 0) throw new Error(`compiling the benchmarked programs failed (tsc -p ${tsconfig})`);
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
