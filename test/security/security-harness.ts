/**
 * Helpers for the security tests: the three framed ports of a real cluster (namenode RPC,
 * datanode transfer, executor service), raw connections that skip or forge the handshake, and
 * checks that a process is still alive and serving.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { FramedConnection, dialFrames, proofOf, type NetAddress } from '@flint/net';
import { parseAddress } from '@flint/dfs';
import { parseExecutorId } from '@flint/worker';
import type { DfsTestCluster, NodeProcess } from '../dfs/cluster-harness.js';

export type PortName = 'namenode' | 'datanode' | 'executor';

export async function clusterPorts(cluster: DfsTestCluster): Promise<Record<PortName, NetAddress>> {
  const [node] = await (await cluster.client()).liveNodes();
  const executor = parseExecutorId(node.services.executor);
  return {
    namenode: parseAddress(cluster.namenodeAddress),
    datanode: { host: node.host, port: node.dataPort },
    executor: { host: executor.host, port: executor.port },
  };
}

export async function rawSocket(address: NetAddress): Promise<Socket> {
  const socket = connect({ host: address.host, port: address.port });
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

/** A connection that has not authenticated: the test speaks (or skips) the handshake itself. */
export async function rawConnection(address: NetAddress): Promise<FramedConnection> {
  return new FramedConnection(await rawSocket(address), 'server', 1 << 20, { frameTimeoutMs: 10_000 });
}

/** The server's hello on a raw connection. */
export async function helloNonce(connection: FramedConnection): Promise<Uint8Array> {
  const hello = await connection.receive(5_000);
  return (hello as { value: { nonce: Uint8Array } }).value.nonce;
}

/** Proves the test's secret on a raw connection, as dialFrames would. */
export async function authenticate(connection: FramedConnection, secret: string): Promise<void> {
  const nonce = await helloNonce(connection);
  const clientNonce = Buffer.alloc(32, 1);
  await connection.send({ type: 'prove', nonce: clientNonce, proof: proofOf(Buffer.from(secret), 'client', nonce, clientNonce) });
  await connection.receive(5_000);
}

/** Whether the server closes `socket` within `timeoutMs` (reading and dropping whatever it sends). */
export function closedByServer(socket: Socket, timeoutMs = 10_000): Promise<boolean> {
  if (socket.destroyed || socket.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.on('data', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Dials with the given secret in place of this process's own (undefined: none). */
export async function dialWithSecret(address: NetAddress, secret: string | undefined): Promise<FramedConnection> {
  const own = process.env.FLINT_SECRET;
  if (secret === undefined) delete process.env.FLINT_SECRET;
  else process.env.FLINT_SECRET = secret;
  try {
    return await dialFrames(address, 'test peer', 5_000);
  } finally {
    process.env.FLINT_SECRET = own;
  }
}

export function alive(node: NodeProcess): boolean {
  return node.child.exitCode === null && node.child.signalCode === null;
}

/** The worker's executor process: its one child (the worker's supervisor replaces it if it dies, under a new PID). */
export function executorPid(worker: NodeProcess): number {
  const children = readFileSync(`/proc/${worker.child.pid}/task/${worker.child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  if (children.length !== 1) throw new Error(`worker ${worker.child.pid} has ${children.length} child processes, expected its executor alone`);
  return Number(children[0]);
}

/** Resident memory of a process, from /proc. */
export function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}
