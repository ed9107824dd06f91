/**
 * The replication monitor (HDFS's RedundancyMonitor), run every replication interval outside
 * safe mode. For every complete block it counts the live replicas: replicas on live datanodes
 * that are not known to be corrupt.
 *
 *   - fewer than the file's replication factor: schedule a copy from a live replica to new
 *     targets, blocks with the fewest live replicas first (a block with one copy left is the most
 *     urgent). A scheduled copy counts as pending until the target reports the block or the
 *     pending timeout passes, so one shortfall is not repaired twice.
 *   - more than the factor: delete the surplus, from the nodes with the least free space.
 *   - corrupt replicas: delete them once the block has its full factor of good replicas again,
 *     or earlier when their nodes are the only place a new copy could go (small clusters).
 *   - no live replica at all: the block is missing; nothing can be done until a holder returns.
 *
 * It scans the whole block map each round; fine at Flint's scale (HDFS keeps priority queues).
 */
import { locationOf, type DatanodeDescriptor, type DatanodeManager } from './datanode-manager.js';
import type { BlockMap, BlockRecord } from './block-map.js';
import { chooseTargets } from './placement.js';

export interface ReplicaCount {
  live: string[];
  corrupt: string[];
}

export function countReplicas(record: BlockRecord, datanodes: DatanodeManager): ReplicaCount {
  const live: string[] = [];
  const corrupt: string[] = [];
  for (const [nodeId, replica] of record.replicas) {
    if (!datanodes.isLive(nodeId)) continue;
    (replica.corrupt ? corrupt : live).push(nodeId);
  }
  return { live, corrupt };
}

interface PendingCopy {
  targetNodeId: string;
  deadline: number;
}

export interface MonitorRound {
  copiesScheduled: number;
  surplusDeleted: number;
  corruptDeleted: number;
}

export class ReplicationMonitor {
  private readonly pending = new Map<string, PendingCopy[]>();

  constructor(
    private readonly blockMap: BlockMap,
    private readonly datanodes: DatanodeManager,
    private readonly options: { pendingTimeoutMs: number; maxQueuedTransfersPerNode: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** A target confirmed a copy (or any new replica arrived). */
  replicaReceived(blockId: string, nodeId: string): void {
    const copies = this.pending.get(blockId)?.filter((copy) => copy.targetNodeId !== nodeId);
    if (copies && copies.length > 0) this.pending.set(blockId, copies);
    else this.pending.delete(blockId);
  }

  pendingCopies(blockId: string): number {
    return this.pending.get(blockId)?.length ?? 0;
  }

  run(): MonitorRound {
    this.expirePending();
    const round: MonitorRound = { copiesScheduled: 0, surplusDeleted: 0, corruptDeleted: 0 };
    const needy: { record: BlockRecord; live: string[]; corrupt: string[] }[] = [];
    for (const record of this.blockMap.all()) {
      if (!record.complete) continue;
      const { live, corrupt } = countReplicas(record, this.datanodes);
      const expected = record.owner.replication;
      if (live.length > 0 && live.length + this.pendingCopies(record.blockId) < expected) needy.push({ record, live, corrupt });
      if (live.length > expected) round.surplusDeleted += this.deleteSurplus(record, live, live.length - expected);
      if (corrupt.length > 0 && live.length >= expected) {
        for (const nodeId of corrupt) this.deleteReplica(record.blockId, nodeId);
        round.corruptDeleted += corrupt.length;
      }
    }
    needy.sort((a, b) => a.live.length - b.live.length);
    for (const { record, live, corrupt } of needy) {
      const outcome = this.scheduleCopy(record, live);
      if (outcome === 'scheduled') round.copiesScheduled++;
      if (outcome === 'no-target' && corrupt.length > 0) {
        for (const nodeId of corrupt) this.deleteReplica(record.blockId, nodeId);
        round.corruptDeleted += corrupt.length;
      }
    }
    return round;
  }

  private scheduleCopy(record: BlockRecord, live: string[]): 'scheduled' | 'no-source' | 'no-target' {
    const sources = live
      .map((nodeId) => this.datanodes.get(nodeId))
      .filter((node): node is DatanodeDescriptor => node !== undefined && node.queuedTransfers.length < this.options.maxQueuedTransfersPerNode)
      .sort((a, b) => a.queuedTransfers.length - b.queuedTransfers.length);
    const source = sources[0];
    if (!source) return 'no-source';
    const pending = this.pending.get(record.blockId) ?? [];
    const excluded = new Set([...record.replicas.keys(), ...pending.map((copy) => copy.targetNodeId)]);
    for (const node of this.datanodes.live()) if (node.queuedDeletes.has(record.blockId)) excluded.add(node.nodeId);
    const targets = chooseTargets(this.datanodes.live(), {
      count: record.owner.replication - live.length - pending.length,
      excluded,
      blockSize: record.length,
    });
    if (targets.length === 0) return 'no-target';
    this.datanodes.queueTransfer(source.nodeId, { type: 'transfer', blockId: record.blockId, targets: targets.map(locationOf) });
    const deadline = this.now() + this.options.pendingTimeoutMs;
    this.pending.set(record.blockId, [...pending, ...targets.map((target) => ({ targetNodeId: target.nodeId, deadline }))]);
    return 'scheduled';
  }

  private deleteSurplus(record: BlockRecord, live: string[], surplus: number): number {
    const byFreeSpace = live
      .map((nodeId) => this.datanodes.get(nodeId))
      .filter((node): node is DatanodeDescriptor => node !== undefined)
      .sort((a, b) => a.capacityBytes - a.usedBytes - (b.capacityBytes - b.usedBytes));
    for (const node of byFreeSpace.slice(0, surplus)) this.deleteReplica(record.blockId, node.nodeId);
    return Math.min(surplus, byFreeSpace.length);
  }

  private deleteReplica(blockId: string, nodeId: string): void {
    this.blockMap.removeReplica(blockId, nodeId);
    this.datanodes.queueDeletes(nodeId, [blockId]);
  }

  private expirePending(): void {
    const now = this.now();
    for (const [blockId, copies] of this.pending) {
      const waiting = copies.filter((copy) => copy.deadline > now && this.datanodes.isLive(copy.targetNodeId));
      if (waiting.length > 0) this.pending.set(blockId, waiting);
      else this.pending.delete(blockId);
    }
  }
}
