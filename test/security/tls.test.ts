/**
 * Optional TLS on every transport, with a self-signed certificate made in the test (openssl): a
 * namenode and two workers started with --tls-cert/--tls-key/--tls-ca serve `flint dfs` (given
 * --tls-ca), a `flint submit` job on the cluster (which crosses every framed port: driver to
 * namenode and executors, executor to executor for the shuffle, worker to namenode, client to
 * datanode and datanode to datanode for a block's second replica) and the cluster UI over HTTPS.
 * A client without the CA, or with another CA, is refused, and so is a plain-TCP one; the bytes
 * a client sees on the namenode port are a TLS handshake, not Flint's hello.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLINT_CLI, runCli } from '../dfs/cluster-harness.js';

const root = mkdtempSync(join(tmpdir(), 'flint-tls-test-'));
const children: ChildProcess[] = [];
const SECRET = { FLINT_SECRET: 'a-tls-test-secret-0123456789' };
const cert = join(root, 'cert.pem');
const key = join(root, 'key.pem');
const otherCa = join(root, 'other.pem');
let namenode = '';
let uiUrl = '';

/** A self-signed certificate for 127.0.0.1 that is its own CA. */
function selfSigned(certPath: string, keyPath: string): void {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=flint-test', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyPath, '-out', certPath], { stdio: 'ignore' });
}

/** Starts `flint ARGS`; resolves with its stdout lines once `count` have come. */
function startServer(args: string[], count: number): Promise<string[]> {
  const child = spawn(process.execPath, [FLINT_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...SECRET } });
  children.push(child);
  const stderr: string[] = [];
  const lines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`flint ${args[0]} exited with ${code}: ${stderr.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (lines.length === count) resolve(lines);
    });
  });
}

beforeAll(async () => {
  selfSigned(cert, key);
  selfSigned(otherCa, join(root, 'other-key.pem'));
  const tls = ['--tls-cert', cert, '--tls-key', key, '--tls-ca', cert];
  const [rpc, ui] = await startServer(['namenode', '--port', '0', '--ui-port', '0', '--data', join(root, 'nn'), '--heartbeat-ms', '300', ...tls], 2);
  namenode = rpc.split(' ').pop()!;
  uiUrl = /cluster UI on (\S+)/.exec(ui)![1];
  for (const worker of ['w1', 'w2']) await startServer(['worker', '--namenode', namenode, '--data', join(root, worker), '--threads', '1', ...tls], 1);
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('a cluster on TLS', () => {
  it('serves flint dfs and flint submit given the CA, and no client without it', async () => {
    writeFileSync(join(root, 'local.txt'), 'over tls\n');
    const put = await runCli(['dfs', 'put', join(root, 'local.txt'), '/tls.txt', '--replication', '2', '--namenode', namenode, '--tls-ca', cert], { env: SECRET });
    expect(put).toMatchObject({ code: 0, stderr: '' });
    const cat = await runCli(['dfs', 'cat', '/tls.txt', '--namenode', namenode, '--tls-ca', cert], { env: SECRET });
    expect(cat.stdout).toBe('over tls\n');

    const plain = await runCli(['dfs', 'ls', '/', '--namenode', namenode], { env: { ...SECRET, FLINT_NET_HANDSHAKE_TIMEOUT_MS: '2000' } });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    const wrongCa = await runCli(['dfs', 'ls', '/', '--namenode', namenode, '--tls-ca', otherCa], { env: SECRET });
    expect(wrongCa.code).toBe(1);
    expect(wrongCa.stderr).toMatch(/self[- ]signed certificate/);

    const job = join(root, 'job.mjs');
    writeFileSync(
      job,
      `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create();
const words = await fc.textFile('dfs:///tls.txt').flatMap((line) => line.split(' ')).map((w) => [w, 1]).reduceByKey((a, b) => a + b, 2).collect();
console.log(JSON.stringify(words.sort()));
await fc.stop();
`,
    );
    const submitted = await runCli(['submit', job, '--master', `flint://${namenode}`, '--tls-ca', cert], { env: SECRET });
    expect(submitted.stdout, submitted.stderr).toBe('[["over",1],["tls",1]]\n');
  }, 120_000);

  it('speaks TLS on the namenode port: a plain client gets a TLS alert, not a Flint hello', async () => {
    const [host, port] = namenode.split(':');
    const bytes = await new Promise<Buffer>((resolve) => {
      const socket = connect({ host, port: Number(port) });
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => undefined);
      socket.once('close', () => resolve(Buffer.concat(chunks)));
      socket.once('connect', () => socket.end(Buffer.from('hello, plain text\r\n\r\n')));
    });
    // A TLS record of type alert (21) or nothing at all; never a Flint frame (a length prefix, then kind 0).
    expect(bytes.length === 0 || bytes[0] === 21).toBe(true);
  });

  it('serves the cluster UI over HTTPS with the certificate', async () => {
    expect(uiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const status = await new Promise<number>((resolve, reject) => {
      request(new URL('/api/workers', uiUrl), { ca: readFileSync(cert) }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    await expect(fetch(uiUrl.replace('https:', 'http:'))).rejects.toThrow();
  });

  it('a server refuses to start with TLS half set up', async () => {
    const caOnly = await runCli(['namenode', '--port', '0', '--data', join(root, 'nn-ca-only'), '--tls-ca', cert], { env: SECRET });
    expect(caOnly).toMatchObject({ code: 1, stderr: 'flint namenode: TLS is on (--tls-ca) but this server has no certificate: pass --tls-cert FILE and --tls-key FILE\n' });
    const noKey = await runCli(['worker', '--namenode', namenode, '--data', join(root, 'w-no-key'), '--tls-cert', cert, '--tls-ca', cert], { env: SECRET });
    expect(noKey).toMatchObject({ code: 1, stderr: 'flint worker: TLS needs both --tls-cert FILE and --tls-key FILE\n' });
  });
});
