/**
 * Ctrl-C in the middle of a submitted job (SIGINT to the terminal's process group): the driver,
 * its local-cluster namenode and workers and their executors all end, and the command exits 130.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { FLINT_BIN } from './run-flint.js';

// Tasks that spin for a minute: the job is surely running when the signal comes.
const JOB = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local-cluster[1,1]', ui: false });
const spinning = fc.range(0, 2, 1, 2).map((x) => { const end = Date.now() + 60_000; while (Date.now() < end); return x; }).count();
while (fc.statusTracker().getActiveJobsIds().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
console.log('running');
await spinning;
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-interrupt-'));
  writeFileSync(join(dir, 'job.ts'), JOB);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every process below `root`, from /proc's parent ids. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  for (let frontier = [root]; frontier.length > 0; ) {
    frontier = [...parents].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...frontier);
  }
  return found;
}

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';

describe('Ctrl-C during flint submit', () => {
  it('ends the driver and every process it started, exit code 130', async () => {
    const submit = spawn(process.execPath, [FLINT_BIN, 'submit', 'job.ts'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // Whatever happens below, the job's process group does not outlive the test.
    onTestFinished(() => {
      try {
        process.kill(-submit.pid!, 'SIGKILL');
      } catch {
        // Already ended, as it should be.
      }
    });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the job did not start: ${stdout}`)), 40_000);
      submit.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (!stdout.includes('running')) return;
        clearTimeout(timer);
        resolve();
      });
    });
    const started = descendants(submit.pid!);
    // The driver, the namenode, the worker and its executor at least.
    expect(started.length).toBeGreaterThanOrEqual(4);
    const exited = new Promise<number | null>((resolve) => submit.on('exit', (code) => resolve(code)));
    process.kill(-submit.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    const deadline = Date.now() + 10_000;
    while (started.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const left = started.filter(alive);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    expect(left).toEqual([]);
  }, 60_000);
});
