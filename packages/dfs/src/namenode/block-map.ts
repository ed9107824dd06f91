/**
 * Block → replica locations, learned only from datanodes (block reports and "block received"
 * notices), never persisted: after a restart the namenode relearns them, as HDFS does.
 * Each block also points at its owner (a file, or a file still being written) for the
 * replication factor it should have.
 */

export interface BlockOwner {
  replication: number;
}

export interface Replica {
  corrupt: boolean;
  length: number;
}

export interface BlockRecord {
  readonly blockId: string;
  /** Final length; unknown (and not checked) until the writer completes the file. */
  length: number;
  complete: boolean;
  owner: BlockOwner;
  readonly replicas: Map<string, Replica>;
}

export type ReplicaOutcome = 'added' | 'unknown-block' | 'wrong-length';

export class BlockMap {
  private readonly blocks = new Map<string, BlockRecord>();
  private readonly byNode = new Map<string, Set<string>>();

  get size(): number {
    return this.blocks.size;
  }

  has(blockId: string): boolean {
    return this.blocks.has(blockId);
  }

  get(blockId: string): BlockRecord | undefined {
    return this.blocks.get(blockId);
  }

  all(): IterableIterator<BlockRecord> {
    return this.blocks.values();
  }

  add(blockId: string, owner: BlockOwner, length: number, complete: boolean): BlockRecord {
    const record: BlockRecord = { blockId, length, complete, owner, replicas: new Map() };
    this.blocks.set(blockId, record);
    return record;
  }

  /** Forgets a block; returns the nodes that held replicas (they should delete them). */
  remove(blockId: string): string[] {
    const record = this.blocks.get(blockId);
    if (!record) return [];
    this.blocks.delete(blockId);
    const nodes = [...record.replicas.keys()];
    for (const nodeId of nodes) this.byNode.get(nodeId)?.delete(blockId);
    return nodes;
  }

  /** A replica of a complete block with another length than the file's is corrupt, as in HDFS. */
  addReplica(blockId: string, nodeId: string, length: number): ReplicaOutcome {
    const record = this.blocks.get(blockId);
    if (!record) return 'unknown-block';
    const wrongLength = record.complete && record.length !== length;
    const known = record.replicas.get(nodeId);
    record.replicas.set(nodeId, { corrupt: wrongLength || (known?.corrupt ?? false), length });
    this.nodeBlocks(nodeId).add(blockId);
    return wrongLength ? 'wrong-length' : 'added';
  }

  /** The writer completed the file: fix the block's owner and length, and check the replicas. */
  complete(blockId: string, owner: BlockOwner, length: number): void {
    const record = this.blocks.get(blockId);
    if (!record) return;
    record.owner = owner;
    record.length = length;
    record.complete = true;
    for (const replica of record.replicas.values()) if (replica.length !== length) replica.corrupt = true;
  }

  removeReplica(blockId: string, nodeId: string): void {
    this.blocks.get(blockId)?.replicas.delete(nodeId);
    this.byNode.get(nodeId)?.delete(blockId);
  }

  markCorrupt(blockId: string, nodeId: string): boolean {
    const replica = this.blocks.get(blockId)?.replicas.get(nodeId);
    if (!replica) return false;
    replica.corrupt = true;
    return true;
  }

  blocksOn(nodeId: string): ReadonlySet<string> {
    return this.byNode.get(nodeId) ?? new Set();
  }

  /** Forgets every replica on a node (it died, or re-registered and will report again). */
  removeNode(nodeId: string): void {
    for (const blockId of this.byNode.get(nodeId) ?? []) this.blocks.get(blockId)?.replicas.delete(nodeId);
    this.byNode.delete(nodeId);
  }

  private nodeBlocks(nodeId: string): Set<string> {
    let blocks = this.byNode.get(nodeId);
    if (!blocks) this.byNode.set(nodeId, (blocks = new Set()));
    return blocks;
  }
}
