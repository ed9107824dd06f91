/**
 * `npm run demo:fault`'s script as a user runs it: it prints the driver UI's address; at a
 * terminal (a pseudo-terminal from util-linux `script`) it draws the progress bar and keeps the UI up, answering, until
 * Enter is pressed; without a terminal (CI, pipes) it ends on its own, with the driver's notices
 * of the lost executor and the resubmitted stage but no progress bar.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SMALL = ['--size-mb', '2', '--block-kib', '128', '--top', '3'];
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'flint-demo-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Demo {
  output: () => string;
  write: (text: string) => void;
  exited: Promise<number | null>;
  kill: () => void;
}

function startDemo(command: string, args: string[]): Demo {
  // Its own process group, so a failed test can SIGKILL `script` and the demo under it together.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, TMPDIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has already exited
    }
  };
  return { output: () => output, write: (text) => child.stdin.write(text), exited, kill };
}

const tsxDemo = [join(ROOT, 'node_modules/.bin/tsx'), 'examples/fault-tolerance.ts', ...SMALL];

describe('npm run demo:fault', () => {
  it('prints the driver UI address and ends by itself without a terminal', async () => {
    const demo = startDemo(tsxDemo[0], tsxDemo.slice(1));
    try {
      expect(await demo.exited, demo.output()).toBe(0);
      expect(demo.output()).toMatch(/driver UI: http:\/\/127\.0\.0\.1:\d+ {3}cluster UI: http:\/\//);
      expect(demo.output()).not.toContain('press Enter');
      // No terminal, so no progress bar; the driver's one-line notices of the loss and its recovery still come.
      expect(demo.output()).not.toContain('[Stage ');
      expect(demo.output()).toMatch(/^flint: lost executor \S+ \(/m);
      expect(demo.output()).toMatch(/^flint: resubmitting stage \d+: /m);
    } finally {
      demo.kill();
    }
  }, 120_000);

  it('at a terminal keeps the UI up until Enter', async () => {
    const demo = startDemo('script', ['-qfec', tsxDemo.join(' '), '/dev/null']);
    try {
      await expect.poll(() => demo.output(), { timeout: 100_000, interval: 200 }).toContain('press Enter to stop');
      // At a terminal the driver prints its notices. (Whether Spark's bar shows depends on a stage outlasting
      // its 500 ms delay, which this small demo's stages may not on a fast machine: test/cli/console-progress
      // checks the bar under a pseudo-terminal with a stage that does.)
      expect(demo.output()).toMatch(/flint: lost executor \S+ \(/);
      const url = /stays up at (http:\/\/\S+)/.exec(demo.output())![1];
      const apps = (await (await fetch(`${url}/api/v1/applications`)).json()) as { id: string; name: string }[];
      expect(apps.map((app) => app.name)).toEqual(['fault-tolerance']);
      const jobs = (await (await fetch(`${url}/api/v1/applications/${apps[0].id}/jobs`)).json()) as { status: string }[];
      expect(jobs.length).toBeGreaterThan(0);
      demo.write('\r');
      expect(await demo.exited, demo.output()).toBe(0);
      // The UI went down with the demo. Another test's driver may since have bound the same port, so
      // the check is that nothing there serves this application any more.
      const after = await fetch(`${url}/api/v1/applications`).then(
        async (response) => (await response.json()) as { id: string }[],
        () => [],
      );
      expect(after.map((app) => app.id)).not.toContain(apps[0].id);
    } finally {
      demo.kill();
    }
  }, 120_000);
});
