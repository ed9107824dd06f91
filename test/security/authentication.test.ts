/**
 * Every port of a real cluster (namenode RPC, datanode transfer, executor service; separate
 * processes on loopback) refuses a connection without the cluster secret or with a wrong one
 * before any handler runs, refuses a replayed or tampered proof, and logs each refusal once with
 * the peer's address. Nothing a refused connection sent changes the cluster.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FnRef } from '@flint/rdd';
import { RpcClient, encodeMessage, object, proofOf, type NetAddress } from '@flint/net';
import { DfsError } from '@flint/dfs';
import { DfsTestCluster } from '../dfs/cluster-harness.js';
import { collectTask, rangeMapPlan } from '../../packages/worker/test/collect-task.js';
import { alive, clusterPorts, closedByServer, dialWithSecret, helloNonce, rawConnection, type PortName } from './security-harness.js';

let cluster: DfsTestCluster;
let ports: Record<PortName, NetAddress>;
const secret = () => process.env.FLINT_SECRET!;
const emptyResponse = object({});
const errorFromWire = (code: string, message: string) => new DfsError('INTERNAL', `${code}: ${message}`);
const scratch = mkdtempSync(join(tmpdir(), 'flint-auth-test-'));

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 1 });
  const client = await cluster.client();
  await client.mkdirs('/kept');
  ports = await clusterPorts(cluster);
});

afterAll(async () => {
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const refusals = (server: PortName) =>
  [...cluster.namenode!.stderr, ...cluster.datanodes[0].stderr].filter((line) => line.startsWith(`${server}: refused connection from 127.0.0.1:`));

/** A `runTask` whose function writes `marker`: the remote-code-execution payload of the issue. */
function markerTask(marker: string): object {
  const write = new FnRef(`(x) => (process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'), x)`, undefined, 'attack.ts');
  return { type: 'runTask', request: collectTask('attacker', 1, rangeMapPlan(1, write), { inputs: [], broadcasts: [] }) };
}

describe('authentication on every port of a running cluster', () => {
  for (const server of ['namenode', 'datanode', 'executor'] as const) {
    it(`${server}: no secret and a wrong secret are refused, each logged once with the peer's address`, async () => {
      const before = refusals(server).length;
      await expect(dialWithSecret(ports[server], undefined)).rejects.toThrow(/requires authentication: set FLINT_SECRET/);
      await expect(dialWithSecret(ports[server], 'not-the-cluster-secret-at-all')).rejects.toThrow(/refused our secret/);
      await expect.poll(() => refusals(server).length).toBe(before + 2);
      const connection = await dialWithSecret(ports[server], secret());
      expect(connection.closed).toBe(false);
      connection.destroy();
    });

    it(`${server}: a recorded proof replayed on a new connection, and a tampered one, are refused`, async () => {
      const recorded = await rawConnection(ports[server]);
      const nonce = await helloNonce(recorded);
      const clientNonce = Buffer.alloc(32, 9);
      const prove = { type: 'prove', nonce: clientNonce, proof: proofOf(Buffer.from(secret()), 'client', nonce, clientNonce) };
      await recorded.send(prove);
      expect((await recorded.receive(5_000)) as unknown).toMatchObject({ value: { type: 'welcome' } });
      recorded.destroy();

      const replayed = await rawConnection(ports[server]);
      await helloNonce(replayed);
      await replayed.send(prove);
      expect(await closedByServer(replayed.socket)).toBe(true);

      const tampered = await rawConnection(ports[server]);
      const fresh = await helloNonce(tampered);
      const proof = proofOf(Buffer.from(secret()), 'client', fresh, clientNonce);
      proof[31] ^= 0x80;
      await tampered.send({ ...prove, proof });
      expect(await closedByServer(tampered.socket)).toBe(true);
    });
  }

  it("an authenticated peer cannot register, heartbeat or report blocks under a live datanode's id", async () => {
    const [real] = await (await cluster.client()).liveNodes();
    const rpc = await RpcClient.connect(ports.namenode, 'namenode', 5_000, errorFromWire);
    const stats = { capacityBytes: 1, usedBytes: 0, blockCount: 0, activeTransfers: 0 };
    const impostor = { nodeId: real.nodeId, host: '127.0.0.1', dataPort: 1, services: {}, ...stats };
    const refused = new RegExp(`datanode id ${real.nodeId} belongs to another live connection`);
    await expect(rpc.call({ type: 'registerDatanode', ...impostor }, emptyResponse)).rejects.toThrow(refused);
    const heartbeat = { type: 'heartbeat', nodeId: real.nodeId, services: {}, ...stats };
    const blockReport = { type: 'blockReport', nodeId: real.nodeId, blocks: [] };
    await expect(rpc.call(heartbeat, emptyResponse)).rejects.toThrow(refused);
    await expect(rpc.call(blockReport, emptyResponse)).rejects.toThrow(refused);
    rpc.close();
    const [after] = await (await cluster.client()).liveNodes();
    expect(after).toMatchObject({ nodeId: real.nodeId, dataPort: real.dataPort, services: real.services });
  });

  it('a namenode request sent instead of the proof is never handled', async () => {
    const connection = await rawConnection(ports.namenode);
    await helloNonce(connection);
    await connection.send({ type: 'request', id: 1, body: { type: 'delete', path: '/kept', recursive: true } });
    expect(await closedByServer(connection.socket)).toBe(true);
    expect((await (await cluster.client()).stat('/kept')).kind).toBe('directory');
  });

  it('the one-frame remote code execution: a runTask without the secret runs nothing; with it, the same bytes run', async () => {
    const refused = join(scratch, 'refused-marker');
    const socket = (await rawConnection(ports.executor)).socket;
    const payload = encodeMessage(markerTask(refused));
    const header = Buffer.alloc(5);
    header.writeUInt32BE(payload.length + 1);
    socket.write(Buffer.concat([header, payload]));
    expect(await closedByServer(socket)).toBe(true);

    // The control: the payload is real, it runs for a peer that knows the secret.
    const accepted = join(scratch, 'accepted-marker');
    const connection = await dialWithSecret(ports.executor, secret());
    await connection.send(markerTask(accepted));
    expect(await connection.receive(30_000)).toMatchObject({ value: { type: 'taskEnded', outcome: { kind: 'success' } } });
    connection.destroy();
    expect(existsSync(accepted)).toBe(true);
    expect(existsSync(refused)).toBe(false);
    expect(alive(cluster.datanodes[0])).toBe(true);
  });
});
