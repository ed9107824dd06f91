/**
 * `flint namenode` and `flint worker` refuse to start without the cluster secret unless given
 * `--insecure` (which they say loudly); `--secret-file` must be private (mode 0600), and a
 * cluster started from one serves the `flint dfs` commands and `flint submit` jobs of a user with
 * the same secret, given by FLINT_SECRET or by their own `--secret-file`. A client that has a
 * secret refuses a server that announces no authentication (a downgrade).
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

  it('starts with --insecure and says so loudly; a client with a secret refuses it', async () => {
    const { line, stderr } = await startServer(['namenode', '--port', '0', '--ui-port', '0', '--data', join(root, 'nn-insecure'), '--insecure'], NO_SECRET);
    expect(line).toMatch(/^namenode listening on 127\.0\.0\.1:\d+$/);
    expect(stderr.join('\n')).toMatch(/WARNING: the namenode runs with --insecure/);
    const address = line.split(' ').pop()!;
    const insecureClient = await runCli(['dfs', 'mkdir', '/open', '--namenode', address], { env: NO_SECRET });
    expect(insecureClient).toMatchObject({ code: 0, stderr: '' });
    const downgraded = await runCli(['dfs', 'ls', '/', '--namenode', address], { env: { FLINT_SECRET: 'a-secret-from-a-file-0123456789' } });
    expect(downgraded.code).toBe(1);
    expect(downgraded.stderr).toMatch(/^flint dfs ls: namenode 127\.0\.0\.1:\d+ announces no authentication, but we have a cluster secret: refusing it/);
    expect(downgraded.stdout).toBe('');
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

    const fromFile = await runCli(['dfs', '--secret-file', file, 'ls', '/', '--namenode', address], { env: NO_SECRET });
    expect(fromFile).toMatchObject({ code: 0, stderr: '' });
    expect(fromFile.stdout).toContain('/from-a-user');
    const openFile = join(root, 'open-secret');
    writeFileSync(openFile, 'a-secret-from-a-file-0123456789\n', { mode: 0o640 });
    const fromOpenFile = await runCli(['dfs', 'ls', '/', '--secret-file', openFile, '--namenode', address], { env: NO_SECRET });
    expect(fromOpenFile.code).toBe(1);
    expect(fromOpenFile.stderr).toBe(`flint dfs: the secret file ${openFile} is readable by others (mode 640): run chmod 600 ${openFile}\n`);

    // A job submitted with the secret file runs on the cluster; without a secret it cannot reach it.
    const job = join(root, 'job.mjs');
    writeFileSync(
      job,
      `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create();
console.log('sum', await fc.parallelize([1, 2, 3, 4], 2).map((x) => x * x).reduce((a, b) => a + b));
await fc.stop();
`,
    );
    const submitted = await runCli(['submit', job, '--master', `flint://${address}`, '--secret-file', file], { env: NO_SECRET });
    expect(submitted.stdout, submitted.stderr).toBe('sum 30\n');
    expect(submitted.code).toBe(0);
    const unauthenticated = await runCli(['submit', job, '--master', `flint://${address}`], { env: NO_SECRET });
    expect(unauthenticated.code).toBe(1);
    expect(unauthenticated.stderr).toMatch(/requires authentication: set FLINT_SECRET/);
  });
});
