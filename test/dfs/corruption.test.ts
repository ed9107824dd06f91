import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DfsTestCluster, fullyReplicated, pseudoRandomBytes, sha256, waitFor } from './cluster-harness.js';

const BLOCK = 256 * 1024;
let cluster: DfsTestCluster | undefined;

afterAll(async () => {
  await cluster?.stop();
});

it('reads the right bytes past a corrupted replica, then reports and replaces it', async () => {
  cluster = await DfsTestCluster.start({ datanodes: 4 });
  const data = pseudoRandomBytes(3 * BLOCK + 500, 9);
  const client = await cluster.client();
  await client.writeFile('/corrupt/data.bin', data, { blockSize: BLOCK, replication: 3 });
  await waitFor('full replication', async () => fullyReplicated(await cluster!.fsck('/corrupt'), 3));

  const block = (await cluster.fsck('/corrupt')).files[0].blocks[1];
  const victim = cluster.datanodes.find((node) => node.nodeId === block.live[0].nodeId)!;
  const blockFile = join(victim.dataDir, 'current', block.blockId);
  const handle = await open(blockFile, 'r+');
  await handle.write(Buffer.from('flipped bytes!'), 0, 14, 1000);
  await handle.close();

  // Each read picks a random replica; read the damaged block until one read has hit the corrupt copy.
  let detected = false;
  for (let attempt = 0; attempt < 200 && !detected; attempt++) {
    const input = await client.open('/corrupt/data.bin');
    expect(sha256(await input.read(BLOCK, BLOCK))).toBe(sha256(data.subarray(BLOCK, 2 * BLOCK)));
    const now = (await client.fsck('/corrupt')).files[0].blocks[1];
    detected = now.corrupt.some((l) => l.nodeId === victim.nodeId) || !now.live.some((l) => l.nodeId === victim.nodeId);
  }
  expect(detected).toBe(true);

  await waitFor('the corrupt replica to be replaced', async () => {
    const now = (await cluster!.fsck('/corrupt')).files[0].blocks[1];
    return now.live.length === 3 && now.corrupt.length === 0 && !now.live.some((l) => l.nodeId === victim.nodeId);
  });
  await waitFor('the corrupt block file to be deleted from disk', () => !existsSync(blockFile));
  expect(fullyReplicated(await cluster.fsck('/corrupt'), 3)).toBe(true);
  const replacement = cluster.datanodes.find((node) => !block.live.some((l) => l.nodeId === node.nodeId))!;
  expect(sha256(await readFile(join(replacement.dataDir, 'current', block.blockId)))).toBe(sha256(data.subarray(BLOCK, 2 * BLOCK)));
  const cat = await cluster.cli(['dfs', 'cat', '/corrupt/data.bin']);
  expect(cat.code).toBe(0);
  expect(sha256(cat.stdoutBytes)).toBe(sha256(data));
});
