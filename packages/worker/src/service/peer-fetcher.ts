/**
 * Fetches blocks from other workers' executor services: one ws connection per peer, requests
 * matched to responses by id, each with a timeout. A peer that cannot be reached or does not have
 * the block yields `undefined`, which the executor turns into a fetch failure for the driver.
 */
import WebSocket from 'ws';
import { encodeMessage, parseMessage } from './messages.js';
import { decompressBlock } from './block-transfer.js';
import { parseExecutorId } from './executor-id.js';

const FETCH_TIMEOUT_MS = 30_000;

interface Pending {
  resolve(bytes: Uint8Array | undefined): void;
  timer: NodeJS.Timeout;
}

export class PeerFetcher {
  private readonly connections = new Map<string, Promise<WebSocket>>();
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 0;

  async fetch(executor: string, key: string): Promise<Uint8Array | undefined> {
    let socket: WebSocket;
    try {
      socket = await this.connection(executor);
    } catch {
      return undefined;
    }
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, undefined), FETCH_TIMEOUT_MS);
      this.pending.set(requestId, { resolve, timer });
      socket.send(encodeMessage({ type: 'fetchBlock', requestId, key }));
    });
  }

  close(): void {
    for (const connection of this.connections.values()) connection.then((s) => s.terminate(), () => undefined);
    this.connections.clear();
    for (const id of [...this.pending.keys()]) this.settle(id, undefined);
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
        if (message.type === 'block') this.settle(message.requestId, message.compressed ? decompressBlock(message.compressed) : undefined);
      } catch {
        socket.terminate();
      }
    });
    socket.on('close', () => {
      this.connections.delete(executor);
      for (const id of [...this.pending.keys()]) this.settle(id, undefined);
    });
  }

  private settle(requestId: number, bytes: Uint8Array | undefined): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.resolve(bytes);
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
