import { afterEach, expect, it } from 'vitest';
import { DfsTestCluster, fullyReplicated, pseudoRandomBytes, sha256, waitFor } from './cluster-harness.js';

const BLOCK = 256 * 1024;
let cluster: DfsTestCluster | undefined;

afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

it('re-replicates the blocks of a SIGKILLed datanode and still reads the file', async () => {
  cluster = await DfsTestCluster.start({ datanodes: 4 });
  const data = pseudoRandomBytes(10 * BLOCK + 777, 3);
  const client = await cluster.client();
  await client.writeFile('/failure/data.bin', data, { blockSize: BLOCK, replication: 3 });
  await waitFor('the file to be fully replicated', async () => fullyReplicated(await cluster!.fsck('/failure'), 3));

  const holders = new Map((await cluster.fsck('/failure')).files[0].blocks.flatMap((b) => b.live).map((l) => [l.nodeId, l]));
  const victim = cluster.datanodes.find((node) => holders.has(node.nodeId))!;
  await cluster.killAndWait(victim);

  await waitFor('fsck to report the killed datanode dead', async () => (await cluster!.fsck('/failure')).deadDatanodes.includes(victim.nodeId));
  await waitFor('every block to be back to 3 live replicas', async () => fullyReplicated(await cluster!.fsck('/failure'), 3));
  const report = await cluster.fsck('/failure');
  for (const block of report.files[0].blocks) {
    expect(block.live.map((l) => l.nodeId)).not.toContain(victim.nodeId);
    expect(new Set(block.live.map((l) => l.nodeId)).size).toBe(3);
  }
  const cat = await cluster.cli(['dfs', 'cat', '/failure/data.bin']);
  expect(sha256(cat.stdoutBytes)).toBe(sha256(data));
});

it('takes back a restarted datanode with its blocks and trims the surplus replicas', async () => {
  cluster = await DfsTestCluster.start({ datanodes: 3 });
  const data = pseudoRandomBytes(4 * BLOCK, 4);
  const client = await cluster.client();
  await client.writeFile('/restart/data.bin', data, { blockSize: BLOCK, replication: 2 });
  const victim = cluster.datanodes[0];
  await cluster.killAndWait(victim);
  await waitFor('the killed datanode to be declared dead', async () => (await cluster!.fsck('/')).deadDatanodes.includes(victim.nodeId));
  await waitFor('re-replication onto the two live nodes', async () => fullyReplicated(await cluster!.fsck('/restart'), 2));

  const restarted = await cluster.startDatanode(victim.dataDir);
  expect(restarted.nodeId).toBe(victim.nodeId);
  await waitFor('the restarted datanode to be live again', async () => (await client.liveNodes()).some((n) => n.nodeId === victim.nodeId));
  await waitFor('surplus replicas trimmed back to 2', async () => fullyReplicated(await cluster!.fsck('/restart'), 2));
  expect(sha256(await client.readFile('/restart/data.bin'))).toBe(sha256(data));
});
