/**
 * `flint namenode` and `flint worker` refuse to start without the cluster secret unless given
 * `--insecure` (which they say loudly); `--secret-file` must be private (mode 0600), and a
 * cluster started from one serves the `flint dfs` commands of a user with the same secret.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { FLINT_CLI, runCli } from '../dfs/cluster-harness.js';

const root = mkdtempSync(join(tmpdir(), 'flint-secret-test-'));
const children: ChildProcess[] = [];
const NO_SECRET = { FLINT_SECRET: '' };

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** Starts `flint ARGS` and resolves with its first stdout line and the stderr seen so far. */
function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ line: string; stderr: string[] }> {
  const child = spawn(process.execPath, [FLINT_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`flint ${args[0]} exited with ${code}: ${stderr.join('\n')}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ line, stderr }));
  });
}

describe('starting a standalone server', () => {
  it('refuses without a secret, naming the ways to give one', async () => {
    const namenode = await runCli(['namenode', '--port', '0', '--ui-port', '0', '--data', join(root, 'nn-refused')], { env: NO_SECRET });
    expect(namenode.code).toBe(1);
    expect(namenode.stderr).toBe(
      'flint namenode: no cluster secret: set FLINT_SECRET or pass --secret-file FILE (or --insecure to run the namenode without authentication)\n',
    );
    const worker = await runCli(['worker', '--namenode', '127.0.0.1:1', '--data', join(root, 'w-refused')], { env: NO_SECRET });
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/^flint worker: no cluster secret: set FLINT_SECRET or pass --secret-file FILE/);
  });

  it('starts with --insecure and says so loudly', async () => {
    const { line, stderr } = await startServer(['namenode', '--port', '0', '--ui-port', '0', '--data', join(root, 'nn-insecure'), '--insecure'], NO_SECRET);
    expect(line).toMatch(/^namenode listening on 127\.0\.0\.1:\d+$/);
    expect(stderr.join('\n')).toMatch(/WARNING: the namenode runs with --insecure/);
  });

  it('refuses a secret file others can read, and serves with a private one', async () => {
    const file = join(root, 'secret');
    writeFileSync(file, 'a-secret-from-a-file-0123456789\n', { mode: 0o644 });
    const open = await runCli(['namenode', '--port', '0', '--data', join(root, 'nn-open'), '--secret-file', file], { env: NO_SECRET });
    expect(open.code).toBe(1);
    expect(open.stderr).toContain(`the secret file ${file} is readable by others (mode 644): run chmod 600 ${file}`);

    rmSync(file);
    writeFileSync(file, 'a-secret-from-a-file-0123456789\n', { mode: 0o600 });
    const { line } = await startServer(['namenode', '--port', '0', '--ui-port', '0', '--data', join(root, 'nn-file'), '--secret-file', file], NO_SECRET);
    const address = line.split(' ').pop()!;
    await startServer(['worker', '--namenode', address, '--data', join(root, 'w-file'), '--secret-file', file], NO_SECRET);

    const withSecret = await runCli(['dfs', 'mkdir', '/from-a-user', '--namenode', address], { env: { FLINT_SECRET: 'a-secret-from-a-file-0123456789' } });
    expect(withSecret).toMatchObject({ code: 0, stderr: '' });
    const withoutSecret = await runCli(['dfs', 'ls', '/', '--namenode', address], { env: NO_SECRET });
    expect(withoutSecret.code).toBe(1);
    expect(withoutSecret.stderr).toMatch(/requires authentication: set FLINT_SECRET/);
    const wrongSecret = await runCli(['dfs', 'ls', '/', '--namenode', address], { env: { FLINT_SECRET: 'some-other-secret-0123456789' } });
    expect(wrongSecret.code).toBe(1);
    expect(wrongSecret.stderr).toMatch(/refused our secret/);
  });
});
