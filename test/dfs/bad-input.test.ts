import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { DfsTestCluster, pseudoRandomBytes, runCli, sha256, waitFor } from './cluster-harness.js';

const BLOCK = 64 * 1024;

/** Exactly one error line (`flint <command>: ...`) that says what went wrong; exit code 1, or 2 for a usage error. */
function expectOneLineError(result: { code: number | null; stderr: string; stdout: string }, pattern: RegExp, code = 1): void {
  expect(result.code).toBe(code);
  const errors = result.stderr.trim().split('\n').filter((line) => line.startsWith('flint '));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
}

describe('bad input', () => {
  let cluster: DfsTestCluster;
  let local: string;

  beforeAll(async () => {
    cluster = await DfsTestCluster.start({ datanodes: 3 });
    local = await mkdtemp(join(tmpdir(), 'flint-dfs-bad-'));
  });
  afterAll(async () => {
    await cluster?.stop();
    if (local) await rm(local, { recursive: true, force: true });
  });

  it('reports a path that does not exist', async () => {
    for (const args of [['cat', '/nope'], ['get', '/nope', join(local, 'x')], ['ls', '/nope'], ['rm', '/nope'], ['fsck', '/nope'], ['setrep', '2', '/nope']]) {
      expectOneLineError(await cluster.cli(['dfs', ...args]), /\/nope: no such file or directory/);
    }
    expectOneLineError(await cluster.cli(['dfs', 'put', join(local, 'missing'), '/x']), /no such local file/);
    expect(await (await cluster.client()).exists('/x')).toBe(false);
  });

  it('refuses to put over an existing file without --overwrite and leaves it unchanged', async () => {
    const first = join(local, 'first');
    const second = join(local, 'second');
    await writeFile(first, 'first version\n');
    await writeFile(second, 'second version\n');
    expect((await cluster.cli(['dfs', 'put', first, '/exists.txt'])).code).toBe(0);
    expectOneLineError(await cluster.cli(['dfs', 'put', second, '/exists.txt']), /\/exists\.txt already exists \(use --overwrite/);
    expect((await cluster.cli(['dfs', 'cat', '/exists.txt'])).stdout).toBe('first version\n');
    expect((await cluster.cli(['dfs', 'put', second, '/exists.txt', '--overwrite'])).code).toBe(0);
    expect((await cluster.cli(['dfs', 'cat', '/exists.txt'])).stdout).toBe('second version\n');
  });

  it('writes with fewer replicas than asked when there are too few datanodes, and fsck says so', async () => {
    const path = join(local, 'five');
    await writeFile(path, pseudoRandomBytes(3 * BLOCK, 5));
    const put = await cluster.cli(['dfs', 'put', path, '/five.bin', '--replication', '5', '--block-size', String(BLOCK)]);
    expect(put.code).toBe(0);
    expect(put.stderr).toMatch(/asks for 5 replicas but only 3 datanodes are live/);
    const fsck = await cluster.fsck('/five.bin');
    expect(fsck.healthy).toBe(false);
    expect(fsck.underReplicatedBlocks).toBe(3);
    for (const block of fsck.files[0].blocks) expect(block.live).toHaveLength(3);
    const text = await cluster.cli(['dfs', 'fsck', '/five.bin']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/under-replicated, 3\/5 live/);
  });

  it('rejects malformed arguments without touching the namespace', async () => {
    expectOneLineError(await cluster.cli(['dfs', 'put', join(local, 'first'), '/r0', '--replication', '0']), /--replication must be at least 1/, 2);
    expectOneLineError(await cluster.cli(['dfs', 'put', join(local, 'first'), '/r0', '--block-size', 'big']), /--block-size must be a size/, 2);
    expectOneLineError(await cluster.cli(['dfs', 'mkdir', '/a/b/c']), /no such directory \(use -p/);
    expectOneLineError(await cluster.cli(['dfs', 'rm', '/']), /refusing to delete the root/);
    expect(await (await cluster.client()).exists('/r0')).toBe(false);
    expect((await cluster.cli(['dfs', 'frobnicate'])).code).toBe(2);
  });

  it('writes around a datanode that died but is not yet known dead, and reads around it', async () => {
    const client = await cluster.client();
    const data = pseudoRandomBytes(6 * BLOCK + 10, 6);
    await client.writeFile('/around.bin', data, { blockSize: BLOCK, replication: 3 });
    const victim = cluster.datanodes[2];
    await cluster.killAndWait(victim);
    // The namenode still lists the victim as live for a few seconds, so it is in pipelines and locations.
    expect((await client.liveNodes()).map((n) => n.nodeId)).toContain(victim.nodeId);
    const more = pseudoRandomBytes(6 * BLOCK, 7);
    await client.writeFile('/around-new.bin', more, { blockSize: BLOCK, replication: 3 });
    expect(sha256(await client.readFile('/around-new.bin'))).toBe(sha256(more));
    expect(sha256((await cluster.cli(['dfs', 'cat', '/around.bin'])).stdoutBytes)).toBe(sha256(data));
    const fsck = await cluster.fsck('/around-new.bin');
    for (const block of fsck.files[0].blocks) expect(block.live.map((l) => l.nodeId)).not.toContain(victim.nodeId);
    await waitFor('the victim to be declared dead', async () => (await cluster.fsck('/')).deadDatanodes.includes(victim.nodeId));
  });
});

describe('unreachable servers', () => {
  it('fails fast with a clear error when the namenode is not there', async () => {
    const port = await freePort();
    const result = await runCli(['dfs', 'ls', '/', '--namenode', `127.0.0.1:${port}`]);
    expectOneLineError(result, new RegExp(`cannot reach namenode 127\\.0\\.0\\.1:${port}: connection refused`));
    await expect(DfsClient.connect(`127.0.0.1:${port}`)).rejects.toThrow(/connection refused/);
  });

  it('says which namenode setting is missing', async () => {
    const result = await runCli(['dfs', 'ls', '/'], { env: { FLINT_NAMENODE: '' } });
    expectOneLineError(result, /no namenode given: pass --namenode HOST:PORT or set FLINT_NAMENODE/);
  });

  it('refuses a namenode port that is in use', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const dir = await mkdtemp(join(tmpdir(), 'flint-dfs-port-'));
    try {
      const result = await runCli(['namenode', '--port', String(port), '--ui-port', '0', '--data', dir]);
      expectOneLineError(result, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: address already in use`));
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
