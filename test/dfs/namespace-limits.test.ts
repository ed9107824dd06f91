/**
 * Namespace limits (HDFS's dfs.namenode.fs-limits.*) on a real namenode process: too deep a path,
 * too long a component and too full a directory are refused with one clear line; a tree at the
 * depth limit, and the 5,000-deep one an older namenode let into its edit log, are walked by fsck,
 * summed, deleted, checkpointed and replayed, and the namenode starts again after SIGKILL.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DfsClient } from '@flint/dfs';
import { DfsTestCluster, pseudoRandomBytes, waitFor } from './cluster-harness.js';

const LIMIT_FLAGS = ['--max-directory-items', '4'];
const MAX_DEPTH = 1_000;

let cluster: DfsTestCluster;
let client: DfsClient;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 1, namenodeFlags: LIMIT_FLAGS });
  client = await cluster.client();
});

afterAll(async () => {
  await cluster?.stop();
});

const pathOfDepth = (depth: number, prefix = 'd'): string => `/${Array.from({ length: depth }, (_, i) => `${prefix}${i}`).join('/')}`;

/** SIGKILLs the namenode and starts it again on the same port and data directory; resolves once it is out of safe mode. */
async function restartNamenode(): Promise<void> {
  const port = Number(cluster.namenodeAddress.split(':')[1]);
  await cluster.killAndWait(cluster.namenode!);
  await cluster.startNamenode(port, LIMIT_FLAGS);
  client = await cluster.client();
  await waitFor('the namenode to leave safe mode', async () => !(await cluster.fsck('/')).safeMode.on);
}

describe('namespace limits', () => {
  it('refuses a mkdirs of 5,000 components with one line, and changes nothing', async () => {
    const deep = pathOfDepth(5_000);
    await expect(client.mkdirs(deep)).rejects.toThrow(/has 5000 components, more than the path depth limit of 1000/);
    const cli = await cluster.cli(['dfs', 'mkdir', '-p', deep]);
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr.length).toBeLessThan(400);
    expect(await client.exists('/d0')).toBe(false);
  });

  it('refuses a component over 255 UTF-8 bytes, for directories and files', async () => {
    await client.mkdirs(`/names/${'a'.repeat(255)}`);
    await expect(client.mkdirs(`/names/${'b'.repeat(256)}`)).rejects.toThrow(/The maximum path component name limit of b+\.\.\.b+ \(256 characters\) in directory \/names is exceeded: limit=255 length=256/);
    // 128 two-byte characters: 256 bytes.
    await expect(client.writeFile(`/names/${'é'.repeat(128)}`, Buffer.from('x'))).rejects.toThrow(/limit=255 length=256/);
    expect((await client.list('/names')).map((s) => s.path)).toEqual([`/names/${'a'.repeat(255)}`]);
  });

  it('refuses a NUL byte in a new name, for directories and files', async () => {
    await expect(client.mkdirs('/nul/a\0b')).rejects.toThrow('path "/nul/a\\u0000b" must not contain a NUL byte');
    await expect(client.writeFile('/nul\0/f', Buffer.from('x'))).rejects.toThrow('path "/nul\\u0000/f" must not contain a NUL byte');
    expect(await client.exists('/nul')).toBe(false);
  });

  it('refuses a new entry in a full directory (--max-directory-items), but not an overwrite', async () => {
    for (let i = 0; i < 4; i++) await client.writeFile(`/full/f${i}`, Buffer.from(`file ${i}`));
    await expect(client.writeFile('/full/f4', Buffer.from('one too many'))).rejects.toThrow(/The directory item limit of \/full is exceeded: limit=4 items=4/);
    await expect(client.mkdirs('/full/sub/deeper')).rejects.toThrow(/The directory item limit of \/full is exceeded/);
    await client.writeFile('/full/f0', Buffer.from('replaced'), { overwrite: true });
    expect((await client.readFile('/full/f0')).toString()).toBe('replaced');
    expect((await client.list('/full')).length).toBe(4);
  });

  it('walks, replays and checkpoints a tree at the depth limit; the namenode restarts', async () => {
    const deepest = pathOfDepth(MAX_DEPTH - 1);
    const data = pseudoRandomBytes(10_000, 7);
    await client.mkdirs(deepest);
    await client.writeFile(`${deepest}/leaf.bin`, data, { replication: 1 });
    await expect(client.mkdirs(`${deepest}/one/too-many`)).rejects.toThrow(/has 1001 components/);

    const report = await cluster.fsck('/d0');
    expect(report.healthy).toBe(true);
    expect(report.directories).toBe(MAX_DEPTH - 1);
    expect(report.files.map((f) => f.path)).toEqual([`${deepest}/leaf.bin`]);
    expect(await client.contentSummary('/d0')).toMatchObject({ directoryCount: MAX_DEPTH - 1, fileCount: 1, length: data.length });

    // The first restart replays the edit log and checkpoints; the second loads that fsimage.
    await restartNamenode();
    await restartNamenode();
    expect(Buffer.compare(await client.readFile(`${deepest}/leaf.bin`), data)).toBe(0);
    expect((await cluster.fsck('/d0')).directories).toBe(MAX_DEPTH - 1);
    await client.delete('/d0', true);
    expect(await client.exists('/d0')).toBe(false);
    await restartNamenode();
    expect(await client.exists('/d0')).toBe(false);
  });

  it('starts on an edit log holding a 5,000-component mkdirs (written before the limit existed)', async () => {
    const dataDir = join(cluster.root, 'namenode');
    const port = Number(cluster.namenodeAddress.split(':')[1]);
    await cluster.killAndWait(cluster.namenode!);
    const deep = pathOfDepth(5_000, 'x');
    // Past any txid the namenode wrote: replay applies it after the checkpoint.
    appendFileSync(join(dataDir, 'edits.log'), `${JSON.stringify({ txid: 1_000_000, edit: { type: 'mkdirs', path: deep, time: 1 } })}\n`);
    await cluster.startNamenode(port, LIMIT_FLAGS);
    client = await cluster.client();
    await waitFor('the namenode to leave safe mode', async () => !(await cluster.fsck('/')).safeMode.on);
    expect((await cluster.fsck('/x0')).directories).toBe(5_000);
    // It checkpointed the deep tree on start; loading that image works too, and so does deleting it.
    await restartNamenode();
    expect(await client.exists(deep)).toBe(true);
    await client.delete('/x0', true);
    await restartNamenode();
    expect(await client.exists('/x0')).toBe(false);
    expect((await client.readFile('/full/f1')).toString()).toBe('file 1');
  });
});
