/**
 * The console progress bar of a job run by `flint submit`: drawn on stderr when it is a terminal
 * (the job runs under a pseudo-terminal made by util-linux's `script`), rewritten in place and
 * cleared at the end; absent when stderr is a pipe, with --quiet, and with progress: false.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLINT_BIN, runFlint, runProcess } from './run-flint.js';

// One stage of 4 tasks of 700 ms on 2 threads: it runs past the bar's first 500 ms, and redraws.
const JOB = `
import { FlintContext, capture } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[2]', ...(process.env.JOB_PROGRESS === 'false' ? { progress: false } : {}) });
const n = await fc.parallelize([1, 2, 3, 4], 4).map(capture({ ms: 700 }, (x, { ms }) => {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return x;
})).count();
console.log('count ' + n);
await fc.stop();
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-progress-'));
  writeFileSync(join(dir, 'job.mjs'), JOB);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `flint submit job.mjs ...args` with a pseudo-terminal as its stdin, stdout and stderr; returns what the terminal showed. */
async function underTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const command = [process.execPath, FLINT_BIN, 'submit', join(dir, 'job.mjs'), ...args].map((word) => `'${word}'`).join(' ');
  const run = await runProcess('script', ['-q', '-e', '-c', command, '/dev/null'], { env: { COLUMNS: '100', ...env }, timeoutMs: 60_000 });
  if (run.code !== 0) throw new Error(`script exited with ${run.code}: ${run.stderr}${run.stdout}`);
  return run.stdout;
}

const BAR = /\[Stage 0:[=> ]*\(\d \+ \d\) \/ 4\]/g;

describe('console progress', () => {
  it('is drawn in place on a terminal and cleared at the end', async () => {
    const screen = await underTerminal([]);
    expect(screen).toContain('count 4');
    const bars = screen.match(BAR) ?? [];
    expect(bars.length).toBeGreaterThan(0);
    // Each drawing starts at the line's beginning (carriage return, no newline) ...
    expect(screen).toMatch(/\r\[Stage 0:/);
    expect(screen).not.toMatch(/\[Stage 0:[^\r]*\n/);
    // ... and the last one is wiped with spaces before the job's output goes on.
    const last = screen.lastIndexOf('[Stage 0:');
    expect(screen.slice(last)).toMatch(/^\[Stage 0:[^\r]*\r {20,}\r/);
  });

  it('is absent with --quiet, with progress: false in the code, and when stderr is not a terminal', async () => {
    const quiet = await underTerminal(['--quiet']);
    expect(quiet).toContain('count 4');
    expect(quiet).not.toContain('[Stage');
    const off = await underTerminal([], { JOB_PROGRESS: 'false' });
    expect(off).toContain('count 4');
    expect(off).not.toContain('[Stage');
    const piped = await runFlint(['submit', join(dir, 'job.mjs')]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('count 4');
    expect(piped.stderr).not.toContain('[Stage');
  });
});
