import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DfsTestCluster, pseudoRandomBytes, sha256, waitFor } from './cluster-harness.js';

const BLOCK = 128 * 1024;
let cluster: DfsTestCluster | undefined;

afterAll(async () => {
  await cluster?.stop();
});

async function restartNamenode(c: DfsTestCluster): Promise<void> {
  const port = Number(c.namenodeAddress.split(':')[1]);
  await c.killAndWait(c.namenode!);
  await c.startNamenode(port);
  await waitFor('the namenode to leave safe mode', async () => !(await c.fsck('/')).safeMode.on);
}

it('keeps every acknowledged file across SIGKILLs of the namenode', async () => {
  cluster = await DfsTestCluster.start({ datanodes: 3 });
  const client = await cluster.client();
  const files = new Map<string, Buffer>([
    ['/kept/a.bin', pseudoRandomBytes(5 * BLOCK + 1, 1)],
    ['/kept/deep/b.bin', pseudoRandomBytes(2 * BLOCK, 2)],
    ['/kept/empty', Buffer.alloc(0)],
  ]);
  for (const [path, data] of files) await client.writeFile(path, data, { blockSize: BLOCK, replication: 2 });
  await client.mkdirs('/kept/empty-dir');
  await client.writeFile('/kept/gone', Buffer.from('deleted before the crash'), { blockSize: BLOCK });
  await client.delete('/kept/gone');
  await client.setReplication('/kept/deep/b.bin', 3);
  const replaced = pseudoRandomBytes(BLOCK + 5, 3);
  await client.writeFile('/kept/a.bin', replaced, { blockSize: BLOCK, overwrite: true });
  files.set('/kept/a.bin', replaced);

  const expectAllThere = async () => {
    const reader = await cluster!.client();
    const listing = await cluster!.cli(['dfs', 'ls', '-R', '/kept']);
    expect(listing.stdout.trim().split('\n').map((line) => line.split(' ').pop())).toEqual([
      '/kept/a.bin', '/kept/deep', '/kept/deep/b.bin', '/kept/empty', '/kept/empty-dir',
    ]);
    for (const [path, data] of files) expect(sha256(await reader.readFile(path))).toBe(sha256(data));
    expect((await reader.stat('/kept/deep/b.bin')).replication).toBe(3);
  };

  // The first crash comes before any checkpoint could have been written: edit log only.
  expect(existsSync(join(cluster.namenode!.dataDir, 'fsimage.json'))).toBe(false);
  await restartNamenode(cluster);
  await expectAllThere();

  // The restart replayed the log into a checkpoint; new edits go on top: image + log.
  expect(existsSync(join(cluster.namenode!.dataDir, 'fsimage.json'))).toBe(true);
  const later = pseudoRandomBytes(3 * BLOCK, 4);
  await (await cluster.client()).writeFile('/kept/later.bin', later, { blockSize: BLOCK, replication: 2 });
  files.set('/kept/later.bin', later);
  await restartNamenode(cluster);
  const reader = await cluster.client();
  expect(sha256(await reader.readFile('/kept/later.bin'))).toBe(sha256(later));
  await reader.delete('/kept/later.bin');
  files.delete('/kept/later.bin');
  await expectAllThere();
});
