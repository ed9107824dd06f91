/**
 * Fuzzes each framed server of a real cluster (namenode RPC, datanode transfer, executor service)
 * with seeded hostile inputs (2,000 each in `npm test`; `npm run fuzz` sends 20,000), half of them after
 * authenticating, and each HTTP server (the namenode's cluster UI, the driver UI, the history server
 * over the driver's event log) with as many malformed requests and one half-sent request in 25, and
 * checks afterwards that every process is alive, its resident memory grew less than a bound, and
 * the cluster's state is what it was: the same files and blocks, the same registered nodes, the
 * executor's stored block.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetAddress } from '@flint/net';
import { DfsTestCluster, pseudoRandomBytes } from '../dfs/cluster-harness.js';
import { SeededRandom, hostileFrame, type Protocol } from './frame-fuzzer.js';
import { fuzzHttp } from './http-fuzzer.js';
import { FlintContext } from '@flint/driver';
import { startHistoryServer, type HistoryServer } from '../../packages/driver/src/ui/history/history-server.js';
import { alive, authenticate, closedByServer, clusterPorts, dialWithSecret, executorPid, rawConnection, rawSocket, residentBytes } from './security-harness.js';

process.env.FLINT_NET_FRAME_TIMEOUT_MS = '1500';
process.env.FLINT_NET_HANDSHAKE_TIMEOUT_MS = '1500';

const INPUTS_PER_SERVER = Number(process.env.FLINT_FUZZ_INPUTS ?? 2_000);
const IN_FLIGHT = 16;
const MEMORY_BOUND = 150 * 2 ** 20;

let cluster: DfsTestCluster;
let ports: Record<Protocol, NetAddress>;
const fileBytes = pseudoRandomBytes(300_000, 7);

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 1 });
  const client = await cluster.client();
  await client.writeFile('/kept/file.bin', fileBytes, { replication: 1, blockSize: 128 * 1024 });
  await heartbeatCounts(Math.ceil(fileBytes.length / (128 * 1024)));
  ports = await clusterPorts(cluster);
  const executor = await dialWithSecret(ports.executor, process.env.FLINT_SECRET);
  await executor.send({ type: 'putBlock', requestId: 1, key: 'app_rdd_1_0', storageLevel: 'DISK_ONLY', block: { lz4: false, bytes: Buffer.from('kept') } });
  await executor.receive(5_000);
  executor.destroy();
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

/** A node's block count reaches the namenode with its next heartbeat: wait for it before taking the state to compare. */
async function heartbeatCounts(blocks: number): Promise<void> {
  const client = await cluster.client();
  const deadline = Date.now() + 30_000;
  while ((await client.liveNodes())[0]?.blockCount !== blocks) {
    if (Date.now() > deadline) throw new Error(`the datanode's heartbeat did not report ${blocks} blocks within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What must not change: the namespace, the blocks and where they are, the nodes, the executor's blocks. */
async function clusterState() {
  const client = await cluster.client();
  const fsck = await client.fsck('/');
  const nodes = await client.liveNodes();
  return {
    files: fsck.files.map((file) => ({ path: file.path, length: file.length, blocks: file.blocks.map((b) => [b.blockId, b.live.map((l) => l.nodeId)]) })),
    directories: fsck.directories,
    nodes: nodes.map((node) => [node.nodeId, node.services.executor, node.blockCount]),
    executorBlocks: readdirSync(join(cluster.datanodes[0].dataDir, 'executor-blocks')).sort(),
  };
}

async function sendOne(address: NetAddress, bytes: Buffer, authenticated: boolean): Promise<void> {
  if (authenticated) {
    const connection = await rawConnection(address);
    await authenticate(connection, process.env.FLINT_SECRET!);
    connection.socket.end(bytes);
    await closedByServer(connection.socket, 5_000);
    connection.destroy();
    return;
  }
  const socket = await rawSocket(address);
  socket.end(bytes);
  await closedByServer(socket, 5_000);
  socket.destroy();
}

describe('fuzzing every framed server', () => {
  for (const server of ['namenode', 'datanode', 'executor'] as const) {
    it(`${server}: ${INPUTS_PER_SERVER} hostile inputs leave it alive, within its memory bound, and its state unchanged`, async () => {
      const before = await clusterState();
      const executor = executorPid(cluster.datanodes[0]);
      const pid = server === 'executor' ? executor : (server === 'namenode' ? cluster.namenode! : cluster.datanodes[0]).child.pid!;
      const memoryBefore = residentBytes(pid);
      const random = new SeededRandom(0x5eed + server.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < INPUTS_PER_SERVER) {
            const i = next++;
            await sendOne(ports[server], hostileFrame(random, server), i % 2 === 1);
          }
        }),
      );
      expect([cluster.namenode!, cluster.datanodes[0]].every(alive)).toBe(true);
      expect(executorPid(cluster.datanodes[0])).toBe(executor);
      expect(residentBytes(pid) - memoryBefore).toBeLessThan(MEMORY_BOUND);
      expect(await clusterState()).toEqual(before);
      const client = await cluster.client();
      expect(Buffer.from(await client.readFile('/kept/file.bin')).equals(fileBytes)).toBe(true);
    }, 300_000);
  }
});

let driver: FlintContext;
let eventLogDir: string;
let history: HistoryServer;
const driverUiPaths = () => {
  const app = `/api/v1/applications/${driver.applicationId}`;
  return ['/', '/index.html', '/api/v1/ui', '/api/v1/applications', app, `${app}/jobs`, `${app}/jobs/0`, `${app}/stages`, `${app}/executors`, `${app}/storage/rdd`, `${app}/environment`, `${app}/timeline`, `${app}/jobs/%E0%A4%A`, '//x:99999'];
};

describe('fuzzing every HTTP server', () => {
  beforeAll(async () => {
    eventLogDir = mkdtempSync(join(tmpdir(), 'flint-fuzz-history-'));
    driver = await FlintContext.create({ master: 'local[1]', uiPort: 0, progress: false, eventLog: eventLogDir });
    await driver.parallelize([1, 2, 3], 2).map((x) => x * 2).collect();
    // The history server (`flint history`'s) over the driver's event log, in this process as the driver UI is.
    history = await startHistoryServer({ dir: eventLogDir, host: '127.0.0.1', port: 0, refreshMs: 60_000, log: () => undefined });
    // The job's end reaches the log after collect() answers: read it again until the history server has it.
    const jobStatuses = async () => {
      await history.refresh();
      const jobs = (await (await fetch(`${history.url}/api/v1/applications/${driver.applicationId}/jobs`)).json()) as { status: string }[];
      return jobs.map((job) => job.status);
    };
    for (const deadline = Date.now() + 10_000; (await jobStatuses()).join() !== 'SUCCEEDED'; ) {
      if (Date.now() > deadline) throw new Error("the history server did not read the job's end from the event log within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    await history?.stop();
    await driver?.stop();
    rmSync(eventLogDir, { recursive: true, force: true });
  });

  const clusterUi = () => /cluster UI on (\S+)/.exec(cluster.namenode!.stdout.join('\n'))![1];
  // Known pages, so that some requests reach the handlers (not /api/events: a stream stays open), and a
  // request target that is no URL (a 500 once, when a handler parsed it).
  const clusterUiPaths = ['/', '/assets/cluster-ui.js', '/api/workers', '/api/files?path=/kept', '/api/files?path=/../../etc', '/api/files?path=%00', '//x:99999', '/api/blocks', '/api/namenode', '/api/snapshot'];
  const servers = [
    { name: 'namenode cluster UI', url: clusterUi, pid: () => cluster.namenode!.child.pid!, paths: () => clusterUiPaths, check: '/api/workers', servesJobs: false },
    // The driver UI runs in this process (its driver is this test).
    { name: 'driver UI', url: () => driver.uiWebUrl!, pid: () => process.pid, paths: driverUiPaths, check: '/api/v1/applications', servesJobs: true },
    { name: 'history server', url: () => history.url, pid: () => process.pid, paths: driverUiPaths, check: '/api/v1/applications', servesJobs: true },
  ];
  for (const server of servers) {
    it(`${server.name}: ${INPUTS_PER_SERVER} malformed requests and ${INPUTS_PER_SERVER / 25} half-sent ones leave it alive, bounded and unchanged; half-sent ones time out`, async () => {
      const served = async () => (server.servesJobs ? ((await (await fetch(new URL(`/api/v1/applications/${driver.applicationId}/jobs`, server.url()))).json()) as { jobId: number; status: string }[]) : undefined);
      const state = async () => ({ cluster: await clusterState(), jobs: driver.statusTracker().getJobIdsForGroup(), served: await served() });
      const before = await state();
      // The driver UI and the history server both know the driver's one job (the history server from its event log).
      if (server.servesJobs) expect(before.served?.map((job) => [job.jobId, job.status])).toEqual([[0, 'SUCCEEDED']]);
      const memoryBefore = residentBytes(server.pid());
      const report = await fuzzHttp(server.url(), server.paths(), { requests: INPUTS_PER_SERVER, seed: 0x4774, halfSentEvery: 25 });
      expect([cluster.namenode!, cluster.datanodes[0]].every(alive)).toBe(true);
      expect(residentBytes(server.pid()) - memoryBefore).toBeLessThan(MEMORY_BOUND);
      expect(report.leaks).toBe(0);
      // Bad input is the client's error (4xx) or a closed connection, never the server's (5xx).
      expect([...report.statuses.keys()].filter((status) => status >= 500)).toEqual([]);
      // No upgrade is ever accepted: a WebSocket handshake gets an ordinary answer or a closed connection.
      expect(report.statuses.has(101)).toBe(false);
      expect(report.statuses.get(413)).toBeGreaterThan(0);
      expect(report.halfSentClosed).toBe(report.halfSent);
      expect(await state()).toEqual(before);
      const page = await fetch(new URL(server.check, server.url()));
      expect(page.status).toBe(200);
      await page.json();
    }, 300_000);
  }
});
