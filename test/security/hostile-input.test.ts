/**
 * Regression tests for the findings on a real cluster (separate processes on loopback):
 * frames claiming 4 GiB allocate nothing, half-sent frames and idle handshakes are timed out,
 * a second handshake on an authenticated connection closes it, 500 idle or half-sent connections
 * do not stop service, a replica cannot be overwritten and a false corruption report does not
 * make a file unreadable, garbage and WebSocket handshakes on the
 * executor port crash nothing, putBlock keys that could name a path are refused without a
 * file written outside the block directory, and a block write cannot make the datanode connect
 * to an address that is not a registered datanode. After each, the processes are alive and serving.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { frameHeader, type NetAddress } from '@flint/net';
import { DfsTestCluster, pseudoRandomBytes } from '../dfs/cluster-harness.js';
import { alive, authenticate, closedByServer, clusterPorts, dialWithSecret, executorPid, rawConnection, rawSocket, residentBytes, type PortName } from './security-harness.js';

// Short limits for the processes this file starts (they inherit the environment).
process.env.FLINT_NET_FRAME_TIMEOUT_MS = '1500';
process.env.FLINT_NET_HANDSHAKE_TIMEOUT_MS = '1500';
const CONNECTIONS_PER_PEER = 520;
process.env.FLINT_NET_MAX_CONNECTIONS_PER_PEER = String(CONNECTIONS_PER_PEER);

let cluster: DfsTestCluster;
let ports: Record<PortName, NetAddress>;
/** The executor process at the start: a crash would show as a new one (its worker restarts it). */
let executorAtStart: number;
const SERVERS = ['namenode', 'datanode', 'executor'] as const;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 1 });
  await (await cluster.client()).mkdirs('/kept');
  ports = await clusterPorts(cluster);
  executorAtStart = executorPid(cluster.datanodes[0]);
});

afterAll(async () => {
  await cluster?.stop();
});

const processes = () => [cluster.namenode!, cluster.datanodes[0]];
const pidOf = (server: PortName) => (server === 'executor' ? executorAtStart : (server === 'namenode' ? cluster.namenode! : cluster.datanodes[0]).child.pid!);

async function stillServing(): Promise<void> {
  expect(processes().every(alive)).toBe(true);
  expect(executorPid(cluster.datanodes[0])).toBe(executorAtStart);
  const client = await DfsClient.connect(cluster.namenodeAddress, { rpcTimeoutMs: 5_000 });
  try {
    expect((await client.stat('/kept')).kind).toBe('directory');
    const nodes = await client.liveNodes();
    expect(nodes.map((node) => node.services.executor)).toEqual([`${cluster.datanodes[0].nodeId}@${ports.executor.host}:${ports.executor.port}`]);
  } finally {
    client.close();
  }
  for (const server of SERVERS) (await dialWithSecret(ports[server], process.env.FLINT_SECRET)).destroy();
}

describe('hostile input on every port', () => {
  for (const server of SERVERS) {
    it(`${server}: a 4 GiB length prefix, before and after authenticating, is refused at once and allocates nothing`, async () => {
      const before = residentBytes(pidOf(server));
      const unauthenticated = await rawSocket(ports[server]);
      unauthenticated.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]));
      const authenticated = await dialWithSecret(ports[server], process.env.FLINT_SECRET);
      authenticated.socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00]));
      expect(await closedByServer(unauthenticated, 1_000)).toBe(true);
      expect(await closedByServer(authenticated.socket, 1_000)).toBe(true);
      expect(residentBytes(pidOf(server)) - before).toBeLessThan(64 * 2 ** 20);
      await stillServing();
    });

    it(`${server}: a second handshake on an authenticated connection closes only that connection`, async () => {
      for (const secondHello of [false, true]) {
        const connection = await rawConnection(ports[server]);
        await authenticate(connection, process.env.FLINT_SECRET!);
        const nonce = Buffer.alloc(32, 2);
        if (secondHello) await connection.send({ type: 'hello', version: 'flint-1', nonce, auth: true });
        await connection.send({ type: 'prove', nonce, proof: Buffer.alloc(32) });
        expect(await closedByServer(connection.socket)).toBe(true);
      }
      await stillServing();
    });

    it(`${server}: a half-sent frame is timed out, and so is a handshake that never comes`, async () => {
      const authenticated = await dialWithSecret(ports[server], process.env.FLINT_SECRET);
      authenticated.socket.write(Buffer.concat([frameHeader(1, 1000), Buffer.alloc(10)]));
      const silent = await rawSocket(ports[server]);
      expect(await closedByServer(authenticated.socket, 10_000)).toBe(true);
      expect(await closedByServer(silent, 10_000)).toBe(true);
      await stillServing();
    });
  }

  it('500 idle connections to the namenode, half of them with a half-sent frame, do not stop service, and are closed', async () => {
    const idle = await Promise.all(Array.from({ length: 500 }, () => rawSocket(ports.namenode)));
    idle.forEach((socket, i) => i % 2 === 1 && socket.write(Buffer.concat([frameHeader(0, 200), Buffer.alloc(10)])));
    await stillServing();
    const closed = await Promise.all(idle.map((socket) => closedByServer(socket, 10_000)));
    expect(closed.every(Boolean)).toBe(true);
  });

  it('connections beyond the per-peer cap are refused at once and logged; service comes back when the idle ones time out', async () => {
    const refusedBefore = cluster.namenode!.stderr.filter((line) => line.includes(`it already has ${CONNECTIONS_PER_PEER} open`)).length;
    const flood = await Promise.all(Array.from({ length: CONNECTIONS_PER_PEER + 20 }, () => rawSocket(ports.namenode)));
    await expect
      .poll(() => cluster.namenode!.stderr.filter((line) => line.includes(`it already has ${CONNECTIONS_PER_PEER} open`)).length - refusedBefore)
      .toBeGreaterThanOrEqual(20);
    expect((await Promise.all(flood.map((socket) => closedByServer(socket, 10_000)))).every(Boolean)).toBe(true);
    await stillServing();
  });

  it('executor: garbage, a WebSocket upgrade and frames of unknown kinds close only their connection', async () => {
    const inputs = [
      Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'),
      Buffer.from([0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      Buffer.concat([frameHeader(7, 3), Buffer.from('abc')]),
      Buffer.concat([frameHeader(0, 3), Buffer.from([0xc1, 0xc1, 0xc1])]),
    ];
    for (const bytes of inputs) {
      const socket = await rawSocket(ports.executor);
      socket.write(bytes);
      expect(await closedByServer(socket)).toBe(true);
      const authenticated = await rawConnection(ports.executor);
      await authenticate(authenticated, process.env.FLINT_SECRET!);
      authenticated.socket.write(bytes);
      expect(await closedByServer(authenticated.socket)).toBe(true);
    }
    await stillServing();
  });

  it('executor: putBlock keys that are empty, hold a NUL, are too long, climb out or name a directory are refused', async () => {
    const blockDir = join(cluster.datanodes[0].dataDir, 'executor-blocks');
    const escapeName = `flint-escape-${process.pid}-${Date.now()}`;
    const escapeTarget = join(blockDir, '../../..', escapeName);
    const block = { lz4: false, bytes: Buffer.from('replica bytes') };
    const closedWithReason = () => cluster.datanodes[0].stderr.filter((line) => line.startsWith('executor: closed connection')).length;
    const closedBefore = closedWithReason();
    const badKeys = ['', 'app_rdd_1_0\0', 'a'.repeat(300), `../../../${escapeName}`, 'missing/dir/app_rdd_1_0', 'app_rdd_1_0/..'];
    for (const key of badKeys) {
      const connection = await dialWithSecret(ports.executor, process.env.FLINT_SECRET);
      await connection.send({ type: 'putBlock', requestId: 1, key, storageLevel: 'DISK_ONLY', block });
      expect(await closedByServer(connection.socket)).toBe(true);
    }
    const garbageLz4 = await dialWithSecret(ports.executor, process.env.FLINT_SECRET);
    await garbageLz4.send({ type: 'putBlock', requestId: 2, key: 'app_rdd_1_0', storageLevel: 'DISK_ONLY', block: { lz4: true, bytes: Buffer.from('not lz4 at all') } });
    expect(await closedByServer(garbageLz4.socket)).toBe(true);
    expect(existsSync(escapeTarget)).toBe(false);
    await expect.poll(closedWithReason).toBe(closedBefore + badKeys.length + 1);

    // The control: a proper key is stored, on disk in the block directory, and can be fetched back.
    const good = await dialWithSecret(ports.executor, process.env.FLINT_SECRET);
    await good.send({ type: 'putBlock', requestId: 3, key: 'app_rdd_1_0', storageLevel: 'DISK_ONLY', block });
    expect(await good.receive(5_000)).toEqual({ kind: 'message', value: { type: 'blockStored', requestId: 3 } });
    await good.send({ type: 'fetchBlock', requestId: 4, key: 'app_rdd_1_0' });
    const fetched = (await good.receive(5_000)) as { value: { block: { bytes: Uint8Array } } };
    expect(Buffer.from(fetched.value.block.bytes).toString()).toBe('replica bytes');
    expect(readdirSync(blockDir)).toContain('app_rdd_1_0');
    good.destroy();
    await stillServing();
  });

  it("datanode: a write over a stored replica is refused, so its bytes cannot be swapped for others of the same length", async () => {
    const client = await cluster.client();
    const original = Buffer.from('the bytes the writer wrote');
    await client.writeFile('/kept/replica.txt', original, { replication: 1 });
    const [block] = (await client.fsck('/kept/replica.txt')).files[0].blocks;
    const forged = Buffer.alloc(original.length, 'x');
    const connection = await dialWithSecret(ports.datanode, process.env.FLINT_SECRET);
    await connection.send({ type: 'writeBlock', blockId: block.blockId, downstream: [] });
    await connection.sendData(forged);
    await connection.send({ type: 'writeEnd', length: forged.length });
    expect(await connection.receive(10_000)).toEqual({
      kind: 'message',
      value: { type: 'error', code: 'INVALID_ARGUMENT', message: `Block ${block.blockId} already exists in state FINALIZED and thus cannot be created.` },
    });
    connection.destroy();
    expect(Buffer.from(await client.readFile('/kept/replica.txt')).equals(original)).toBe(true);
    await stillServing();
  });

  it('namenode: a false corruption report on the only replica does not make its file unreadable', async () => {
    const client = await cluster.client();
    const bytes = Buffer.from('one replica, falsely reported corrupt');
    await client.writeFile('/kept/reported.txt', bytes, { replication: 1 });
    const [block] = (await client.fsck('/kept/reported.txt')).files[0].blocks;
    await client.reportCorruptReplica(block.blockId, block.live[0].nodeId);
    expect((await client.fsck('/kept/reported.txt')).files[0].blocks[0].corrupt.map((node) => node.nodeId)).toEqual([block.live[0].nodeId]);
    expect(Buffer.from(await client.readFile('/kept/reported.txt')).equals(bytes)).toBe(true);
    // A replica that is truly corrupt still fails its read, naming the checksum.
    const blockFile = join(cluster.datanodes[0].dataDir, 'current', block.blockId);
    writeFileSync(blockFile, Buffer.from(readFileSync(blockFile).toString().toUpperCase()));
    await expect(client.readFile('/kept/reported.txt')).rejects.toThrow(/cannot read block .*: dn-\w+: .*checksum mismatch in block/);
  });

  it('executor: a peer that asks for a block again and again and reads no answer makes it buffer a bounded amount', async () => {
    const BLOCK_BYTES = 3 * 2 ** 20;
    const REQUESTS = 50;
    const owner = await dialWithSecret(ports.executor, process.env.FLINT_SECRET);
    await owner.send({ type: 'putBlock', requestId: 1, key: 'app_rdd_7_0', storageLevel: 'MEMORY_ONLY', block: { lz4: false, bytes: pseudoRandomBytes(BLOCK_BYTES, 3) } });
    expect(await owner.receive(10_000)).toEqual({ kind: 'message', value: { type: 'blockStored', requestId: 1 } });
    owner.destroy();
    const before = residentBytes(executorAtStart);
    const greedy = await dialWithSecret(ports.executor, process.env.FLINT_SECRET);
    greedy.socket.pause();
    for (let requestId = 0; requestId < REQUESTS; requestId++) await greedy.send({ type: 'fetchBlock', requestId, key: 'app_rdd_7_0' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // Unbounded, the executor would hold every answer: 150 MiB.
    expect(residentBytes(executorAtStart) - before).toBeLessThan(48 * 2 ** 20);
    greedy.destroy();
    await stillServing();
  });

  it('datanode: a write whose downstream is not a registered datanode is refused, and nothing is dialed', async () => {
    let dialed = 0;
    const bait = createServer((socket) => {
      dialed++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    const baitPort = (bait.address() as AddressInfo).port;
    const [node] = await (await cluster.client()).liveNodes();
    // A made-up node, and a real node's id at an address that is not where it registered.
    const strangers = [
      { nodeId: 'dn-made-up', host: '127.0.0.1', port: baitPort },
      { nodeId: node.nodeId, host: '127.0.0.1', port: baitPort },
    ];
    try {
      for (const stranger of strangers) {
        const connection = await dialWithSecret(ports.datanode, process.env.FLINT_SECRET);
        await connection.send({ type: 'writeBlock', blockId: 'blk_1_1', downstream: [stranger] });
        expect(await connection.receive(10_000)).toEqual({
          kind: 'message',
          value: { type: 'error', code: 'INVALID_ARGUMENT', message: `downstream ${stranger.nodeId} at 127.0.0.1:${baitPort} is not a registered datanode: the write is refused` },
        });
        connection.destroy();
      }
    } finally {
      bait.close();
    }
    expect(dialed).toBe(0);
    await stillServing();
  });
});
