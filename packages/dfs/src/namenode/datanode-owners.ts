/**
 * Which connection speaks for each datanode id. The connection that registers a node owns its id
 * while it stays open: another connection may not register, heartbeat or report blocks under that
 * id, so a stray or fake datanode cannot take a live node's place (its replicas forgotten, empty
 * block reports). When the owner's connection closes (the node died or reconnects), the next
 * connection that speaks for the id owns it.
 */
import { DfsError } from '../errors.js';

export class DatanodeOwners {
  private readonly ownerOf = new Map<string, number>();

  /** Claims `nodeId` for `connectionId`, or refuses when another open connection owns it. */
  claim(nodeId: string, connectionId: number): void {
    const owner = this.ownerOf.get(nodeId);
    if (owner !== undefined && owner !== connectionId) {
      throw new DfsError('INVALID_ARGUMENT', `datanode id ${nodeId} belongs to another live connection; each datanode needs its own id`);
    }
    this.ownerOf.set(nodeId, connectionId);
  }

  connectionClosed(connectionId: number): void {
    for (const [nodeId, owner] of this.ownerOf) if (owner === connectionId) this.ownerOf.delete(nodeId);
  }
}
