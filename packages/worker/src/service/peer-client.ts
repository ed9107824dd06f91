/**
 * Talks to other workers' executor services: fetches blocks (shuffle buckets, cached partitions)
 * and stores replicas of cached partitions. One ws connection per peer; requests are matched to
 * responses by id, each with a timeout. A peer that cannot be reached, or does not have the block,
 * yields `undefined` (or `false`), which the executor turns into a fetch failure or a missing replica.
 */
import WebSocket from 'ws';
import { encodeMessage, parseMessage, type ServiceMessage } from './messages.js';
import { packBlock, unpackBlock } from './block-transfer.js';
import { parseExecutorId } from './executor-id.js';

const REQUEST_TIMEOUT_MS = 30_000;

type Response = Extract<ServiceMessage, { type: 'block' | 'blockStored' }>;

interface Pending {
  resolve(response: Response | undefined): void;
  timer: NodeJS.Timeout;
}

export class PeerClient {
  private readonly connections = new Map<string, Promise<WebSocket>>();
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 0;

  async fetch(executor: string, key: string): Promise<Uint8Array | undefined> {
    const response = await this.request(executor, (requestId) => ({ type: 'fetchBlock', requestId, key }));
    return response?.type === 'block' && response.block ? unpackBlock(response.block) : undefined;
  }

  /** Stores a copy of a cached partition on `executor`; resolves whether it did. */
  async replicate(executor: string, key: string, storageLevel: string, bytes: Uint8Array): Promise<boolean> {
    const block = packBlock(bytes);
    const response = await this.request(executor, (requestId) => ({ type: 'putBlock', requestId, key, storageLevel, block }));
    return response?.type === 'blockStored';
  }

  close(): void {
    for (const connection of this.connections.values()) connection.then((s) => s.terminate(), () => undefined);
    this.connections.clear();
    for (const id of [...this.pending.keys()]) this.settle(id, undefined);
  }

  private async request(executor: string, message: (requestId: number) => ServiceMessage): Promise<Response | undefined> {
    let socket: WebSocket;
    try {
      socket = await this.connection(executor);
    } catch {
      return undefined;
    }
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, undefined), REQUEST_TIMEOUT_MS);
      this.pending.set(requestId, { resolve, timer });
      socket.send(encodeMessage(message(requestId)));
    });
  }

  private connection(executor: string): Promise<WebSocket> {
    let connection = this.connections.get(executor);
    if (!connection) {
      const { host, port } = parseExecutorId(executor);
      connection = openSocket(`ws://${host}:${port}`, (socket) => this.attach(executor, socket));
      connection.catch(() => this.connections.delete(executor));
      this.connections.set(executor, connection);
    }
    return connection;
  }

  private attach(executor: string, socket: WebSocket): void {
    socket.on('message', (data: Buffer) => {
      try {
        const message = parseMessage(data);
        if (message.type === 'block' || message.type === 'blockStored') this.settle(message.requestId, message);
      } catch {
        socket.terminate();
      }
    });
    socket.on('close', () => {
      this.connections.delete(executor);
      for (const id of [...this.pending.keys()]) this.settle(id, undefined);
    });
  }

  private settle(requestId: number, response: Response | undefined): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.resolve(response);
  }
}

export function openSocket(url: string, attach: (socket: WebSocket) => void, timeoutMs = 5_000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 2 ** 31 });
    socket.once('open', () => {
      attach(socket);
      resolve(socket);
    });
    socket.once('error', (error) => reject(new Error(`cannot connect to ${url}: ${error.message}`)));
  });
}
