/**
 * The namenode's cluster UI JSON API against a real namenode and worker processes: workers with
 * their state and heartbeat age, the file browser's listings and block replicas (checked against
 * `flint dfs fsck`), block health, the namenode's edit log, and a SIGKILLed worker turning dead
 * while its blocks are re-replicated. Also the server-sent snapshot stream and bad requests.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlocksView, FilesView, NamenodeView, WorkerView } from '@flint/dfs';
import { DfsTestCluster, fullyReplicated, pseudoRandomBytes, waitFor } from './cluster-harness.js';

const BLOCK = 64 * 1024;
const DATA = pseudoRandomBytes(3 * BLOCK + 100, 7);

type FileView = Extract<FilesView, { kind: 'file' }>;
type DirectoryView = Extract<FilesView, { kind: 'directory' }>;

let cluster: DfsTestCluster;
let ui: string;

async function getJson<T>(path: string, expectedStatus = 200): Promise<T> {
  const response = await fetch(new URL(path, ui));
  expect(response.status, `GET ${path}`).toBe(expectedStatus);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

const workers = () => getJson<WorkerView[]>('/api/workers');
const fileBlocks = async (path: string) => (await getJson<FileView>(`/api/files?path=${encodeURIComponent(path)}`)).blocks;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 3 });
  ui = await cluster.clusterUiUrl();
  const client = await cluster.client();
  await client.mkdirs('/ui/empty');
  await client.writeFile('/ui/data.bin', DATA, { blockSize: BLOCK, replication: 2 });
  await waitFor('the file to be fully replicated', async () => fullyReplicated(await cluster.fsck('/ui'), 2));
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('cluster UI JSON API', () => {
  it('lists every worker as live with a fresh heartbeat, capacity and its executor', async () => {
    const listed = await workers();
    expect(listed.map((w) => w.nodeId).sort()).toEqual(cluster.datanodes.map((node) => node.nodeId).sort());
    const namenode = await getJson<NamenodeView>('/api/namenode');
    for (const worker of listed) {
      expect(worker.state).toBe('live');
      expect(worker.heartbeatAgeMs).toBeLessThan(namenode.timing.deadAfterMs);
      expect(worker.capacityBytes).toBeGreaterThan(0);
      expect(worker.runningTasks).toBe(0);
      expect(worker.executorId).toMatch(new RegExp(`^${worker.nodeId}@`));
    }
  });

  it('browses directories and shows each block of a file with the nodes holding its replicas, as fsck does', async () => {
    const root = await getJson<DirectoryView>('/api/files?path=/');
    expect(root).toMatchObject({ kind: 'directory', entries: [{ name: 'ui', kind: 'directory' }] });
    const dir = await getJson<DirectoryView>('/api/files?path=/ui/');
    expect(dir.entries.map((e) => [e.name, e.kind, e.length])).toEqual([
      ['data.bin', 'file', DATA.length],
      ['empty', 'directory', 0],
    ]);

    const blocks = await fileBlocks('/ui/data.bin');
    const fsck = (await cluster.fsck('/ui/data.bin')).files[0].blocks;
    expect(blocks.map((b) => [b.blockId, b.offset, b.length])).toEqual(fsck.map((b) => [b.blockId, b.offset, b.length]));
    expect(blocks.map((b) => b.length)).toEqual([BLOCK, BLOCK, BLOCK, 100]);
    blocks.forEach((block, i) => {
      expect(block.status).toBe('healthy');
      expect(block.replicas.map((r) => r.nodeId).sort()).toEqual(fsck[i].live.map((l) => l.nodeId).sort());
      expect(block.replicas.every((r) => r.state === 'live')).toBe(true);
    });
  });

  it('reports block health and the namenode state', async () => {
    const health = await getJson<BlocksView>('/api/blocks');
    expect(health).toEqual({ totalBlocks: 4, healthy: true, underReplicated: [], overReplicated: [], missing: [], corrupt: [], replicating: [] });
    const namenode = await getJson<NamenodeView>('/api/namenode');
    expect(namenode.safeMode.on).toBe(false);
    expect(namenode.namespace).toEqual({ files: 1, directories: 3, blocks: 4 });
    // mkdirs /ui/empty and the completed file: two edits, none checkpointed yet.
    expect(namenode.editLog).toMatchObject({ lastTxid: 2, editsSinceCheckpoint: 2, lastCheckpointTime: null });
  });

  it('pushes snapshots of workers, blocks and the namenode as server-sent events', async () => {
    const response = await fetch(new URL('/api/events', ui));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const [eventLine, dataLine] = text.split('\n');
    expect(eventLine).toBe('event: snapshot');
    const snapshot = JSON.parse(dataLine.slice('data: '.length)) as { workers: WorkerView[]; blocks: BlocksView; namenode: NamenodeView };
    expect(snapshot.workers).toHaveLength(3);
    expect(snapshot.blocks.totalBlocks).toBe(4);
    expect(snapshot.namenode.safeMode.on).toBe(false);
  });

  it('ends a HEAD request of the event stream instead of holding it open', async () => {
    const { hostname, port } = new URL(ui);
    const socket = connect(Number(port), hostname);
    socket.write('HEAD /api/events HTTP/1.1\r\nHost: namenode\r\nConnection: close\r\n\r\n');
    let reply = '';
    // Connection: close — the namenode closes the socket once the response has ended.
    for await (const chunk of socket) reply += String(chunk);
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply).toContain('content-type: text/event-stream');
    expect(reply).not.toContain('event: snapshot');
  });

  it('answers bad requests with one-line errors and refuses anything but reads', async () => {
    expect(await getJson('/api/files?path=/nope', 404)).toEqual({ error: '/nope: no such file or directory' });
    expect(await getJson('/api/files?path=ui', 400)).toEqual({ error: 'path "ui" is not absolute' });
    expect((await getJson<{ error: string }>('/api/nothing', 404)).error).toMatch(/^\/api\/nothing: no such page; the API is \/api\/workers, /);
    const post = await fetch(new URL('/api/workers', ui), { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ error: 'POST is not allowed: the cluster UI is read-only' });
  });

  it('shows a SIGKILLed worker as dead and its blocks re-replicated onto the live ones', async () => {
    const before = await fileBlocks('/ui/data.bin');
    const holders = new Set(before.flatMap((b) => b.replicas.map((r) => r.nodeId)));
    const victim = cluster.datanodes.find((node) => holders.has(node.nodeId))!;
    await cluster.killAndWait(victim);

    await waitFor('the killed worker to be dead in /api/workers', async () => (await workers()).find((w) => w.nodeId === victim.nodeId)?.state === 'dead');
    const { timing } = await getJson<NamenodeView>('/api/namenode');
    const listed = await workers();
    expect(listed.find((w) => w.nodeId === victim.nodeId)!.heartbeatAgeMs).toBeGreaterThanOrEqual(timing.deadAfterMs);
    expect(listed.filter((w) => w.state === 'live')).toHaveLength(2);

    await waitFor('every block back to 2 live replicas', async () => (await fileBlocks('/ui/data.bin')).every((b) => b.status === 'healthy'));
    const after = await fileBlocks('/ui/data.bin');
    expect(after.map((b) => b.blockId)).toEqual(before.map((b) => b.blockId));
    for (const block of after) {
      const nodes = block.replicas.map((r) => r.nodeId);
      expect(nodes).not.toContain(victim.nodeId);
      expect(new Set(nodes).size).toBe(2);
    }
    expect(await getJson('/api/blocks')).toMatchObject({ healthy: true, underReplicated: [], missing: [] });
  });
});
