/**
 * Talks to other workers' executor services: fetches blocks (shuffle buckets, cached partitions)
 * and stores replicas of cached partitions. One connection per peer; requests are matched to
 * responses by id, each with a timeout. A peer that cannot be reached, or does not have the block,
 * yields `undefined` (or `false`), which the executor turns into a fetch failure or a missing replica.
 */
import { dialFrames, PendingRequests, type FramedConnection } from '@flint/net';
import { toPeer, type ToExecutor, type ToPeer } from './messages.js';
import { packBlock, unpackBlock } from './block-transfer.js';
import { parseExecutorId } from './executor-id.js';

const REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;

interface Peer {
  readonly connection: Promise<FramedConnection>;
  /** This peer's requests waiting for answers: a lost connection settles them, and only them. */
  readonly pending: PendingRequests<ToPeer | undefined>;
}

export class PeerClient {
  private readonly peers = new Map<string, Peer>();

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
    for (const peer of this.peers.values()) {
      peer.connection.then((c) => c.destroy(), () => undefined);
      peer.pending.resolveAll(undefined);
    }
    this.peers.clear();
  }

  private async request(executor: string, message: (requestId: number) => ToExecutor): Promise<ToPeer | undefined> {
    const peer = this.peer(executor);
    let connection: FramedConnection;
    try {
      connection = await peer.connection;
    } catch {
      return undefined;
    }
    const requestId = peer.pending.newId();
    const response = peer.pending.wait(requestId, REQUEST_TIMEOUT_MS, () => undefined);
    connection.send(message(requestId)).catch(() => peer.pending.resolve(requestId, undefined));
    return response;
  }

  private peer(executor: string): Peer {
    let peer = this.peers.get(executor);
    if (!peer) {
      const { host, port } = parseExecutorId(executor);
      const connection = dialFrames({ host, port }, `executor ${executor}`, CONNECT_TIMEOUT_MS);
      const created: Peer = { connection, pending: new PendingRequests() };
      connection.then(
        (c) => void this.readResponses(executor, created, c),
        () => this.forget(executor, created),
      );
      this.peers.set(executor, created);
      peer = created;
    }
    return peer;
  }

  private async readResponses(executor: string, peer: Peer, connection: FramedConnection): Promise<void> {
    try {
      for (;;) {
        const message = await connection.receiveMessage(toPeer, 'peer response');
        peer.pending.resolve(message.requestId, message);
      }
    } catch {
      connection.destroy();
      this.forget(executor, peer);
    }
  }

  private forget(executor: string, peer: Peer): void {
    if (this.peers.get(executor) === peer) this.peers.delete(executor);
    peer.pending.resolveAll(undefined);
  }
}
