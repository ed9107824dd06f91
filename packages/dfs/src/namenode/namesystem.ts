/**
 * The namenode's state and the operations on it (HDFS's FSNamesystem): the namespace with its
 * edit log, files under construction, the block map, datanode membership, safe mode and the
 * replication monitor. RPC handlers and timers call into this; nothing else mutates the state.
 * JavaScript runs one handler at a time, so each operation is atomic without locks.
 */
import { randomBytes } from 'node:crypto';
import { DfsError } from '../errors.js';
import type { BlockLocations, ContentSummary, FileStatus } from '../protocol/client-namenode.js';
import type { DatanodeLocation } from '../protocol/common.js';
import { BlockMap } from './block-map.js';
import type { NamenodeConfig } from './config.js';
import { DatanodeManager, expiryMs, locationOf } from './datanode-manager.js';
import type { EditLog } from './edit-log.js';
import { applyEdit, type Edit } from './edits.js';
import { Leases } from './leases.js';
import { fileLength, normalizePath, type FileNode, type Namespace } from './namespace.js';
import { checkNewPath } from './fs-limits.js';
import { chooseTargets } from './placement.js';
import { countReplicas, ReplicationMonitor } from './replication-monitor.js';
import { SafeMode } from './safe-mode.js';

const MAX_REPLICATION = 512;

export class Namesystem {
  readonly blockMap = new BlockMap();
  readonly leases = new Leases();
  readonly datanodes: DatanodeManager;
  readonly safeMode: SafeMode;
  readonly monitor: ReplicationMonitor;

  constructor(
    readonly namespace: Namespace,
    readonly editLog: EditLog,
    readonly config: NamenodeConfig,
    /** Called when the edit log cannot be written: the namenode must not go on. */
    private readonly onFatal: (error: unknown) => void,
  ) {
    this.datanodes = new DatanodeManager(expiryMs(config.heartbeatIntervalMs, config.recheckIntervalMs));
    this.safeMode = new SafeMode(config.safeModeThreshold, config.safeModeExtensionMs);
    this.monitor = new ReplicationMonitor(this.blockMap, this.datanodes, {
      pendingTimeoutMs: config.pendingReplicationTimeoutMs,
      maxQueuedTransfersPerNode: 2 * config.maxTransfersPerHeartbeat,
    });
    for (const file of namespace.files()) {
      for (const block of file.blocks) this.blockMap.add(block.blockId, file, block.length, true);
    }
    this.updateSafeMode();
  }

  mkdirs(path: string): void {
    const normalized = normalizePath(path);
    this.safeMode.assertOff(`create directory ${normalized}`);
    checkNewPath(this.namespace, normalized, this.config);
    this.journal({ type: 'mkdirs', path: normalized, time: Date.now() });
  }

  create(path: string, replication: number, blockSize: number, overwrite: boolean, connectionId: number): string {
    const normalized = normalizePath(path);
    this.safeMode.assertOff(`create ${normalized}`);
    checkReplication(replication);
    if (blockSize < 1) throw new DfsError('INVALID_ARGUMENT', `block size must be positive, got ${blockSize}`);
    this.namespace.checkCreatable(normalized, overwrite);
    checkNewPath(this.namespace, normalized, this.config);
    return this.leases.grant({ path: normalized, replication, blockSize, overwrite, connectionId }).leaseId;
  }

  addBlock(path: string, leaseId: string, excludeNodeIds: string[], writerNodeId: string | undefined): { blockId: string; targets: DatanodeLocation[] } {
    const lease = this.leases.get(normalizePath(path), leaseId);
    this.safeMode.assertOff(`add a block to ${lease.path}`);
    const live = this.datanodes.live();
    const targets = chooseTargets(live, { count: lease.replication, excluded: new Set(excludeNodeIds), writerNodeId, blockSize: lease.blockSize });
    if (targets.length === 0) {
      throw new DfsError('NO_DATANODES', `no datanode can take a block of ${lease.path}: ${live.length} live, ${excludeNodeIds.length} excluded by the writer`);
    }
    const blockId = `blk_${randomBytes(8).toString('hex')}`;
    this.blockMap.add(blockId, lease, 0, false);
    lease.blockIds.push(blockId);
    return { blockId, targets: targets.map(locationOf) };
  }

  abandonBlock(path: string, leaseId: string, blockId: string): void {
    const lease = this.leases.get(normalizePath(path), leaseId);
    if (lease.blockIds[lease.blockIds.length - 1] !== blockId) throw new DfsError('INVALID_ARGUMENT', `${blockId} is not the last block of ${lease.path}`);
    lease.blockIds.pop();
    this.dropBlock(blockId);
  }

  /** Adds the written file to the namespace once every block has a reported replica. */
  complete(path: string, leaseId: string, blockLengths: number[]): boolean {
    const lease = this.leases.get(normalizePath(path), leaseId);
    if (blockLengths.length !== lease.blockIds.length) {
      throw new DfsError('INVALID_ARGUMENT', `${lease.path} has ${lease.blockIds.length} blocks, the writer sent ${blockLengths.length} lengths`);
    }
    const reported = lease.blockIds.every((blockId) => [...(this.blockMap.get(blockId)?.replicas.values() ?? [])].some((r) => !r.corrupt));
    if (!reported) return false;
    const blocks = lease.blockIds.map((blockId, i) => ({ blockId, length: blockLengths[i] }));
    const effects = this.journal({
      type: 'addFile',
      path: lease.path,
      replication: lease.replication,
      blockSize: lease.blockSize,
      blocks,
      time: Date.now(),
      overwrite: lease.overwrite,
    });
    const file = effects.addedFile as FileNode;
    for (const block of blocks) this.blockMap.complete(block.blockId, file, block.length);
    this.leases.release(lease.path);
    return true;
  }

  abandonFile(path: string, leaseId: string): void {
    const lease = this.leases.get(normalizePath(path), leaseId);
    this.releaseLease(lease.path, lease.blockIds);
  }

  /** A writer's connection closed: its unfinished files go away with it. */
  connectionClosed(connectionId: number): void {
    for (const lease of this.leases.heldBy(connectionId)) this.releaseLease(lease.path, lease.blockIds);
  }

  delete(path: string, recursive: boolean): void {
    const normalized = normalizePath(path);
    this.safeMode.assertOff(`delete ${normalized}`);
    this.journal({ type: 'delete', path: normalized, recursive, time: Date.now() });
  }

  setReplication(path: string, replication: number): void {
    const normalized = normalizePath(path);
    this.safeMode.assertOff(`set the replication of ${normalized}`);
    checkReplication(replication);
    this.namespace.getFile(normalized);
    this.journal({ type: 'setReplication', path: normalized, replication });
  }

  fileInfo(path: string): FileStatus | null {
    const normalized = normalizePath(path);
    const node = this.namespace.lookup(normalized);
    return node ? this.namespace.status(normalized, node) : null;
  }

  contentSummary(path: string): ContentSummary {
    const normalized = normalizePath(path);
    if (!this.namespace.lookup(normalized)) throw new DfsError('NOT_FOUND', `${normalized}: no such file or directory`);
    const summary: ContentSummary = { length: 0, fileCount: 0, directoryCount: 0, spaceConsumed: 0 };
    for (const [, node] of this.namespace.walk(normalized)) {
      if (node.kind === 'directory') {
        summary.directoryCount++;
        continue;
      }
      const length = fileLength(node);
      summary.fileCount++;
      summary.length += length;
      summary.spaceConsumed += length * node.replication;
    }
    return summary;
  }

  /**
   * The blocks overlapping [start, start + length), each with its live, uncorrupted replicas; or,
   * as HDFS does, its live replicas marked corrupt when every one is (those of the right length:
   * datanodes verify every chunk they serve, so a truly corrupt replica still fails its read,
   * while a false corruption report cannot make a file unreadable).
   */
  blockLocations(path: string, start: number, length: number): BlockLocations {
    const file = this.namespace.getFile(normalizePath(path));
    const end = start + length;
    const blocks: BlockLocations['blocks'] = [];
    let offset = 0;
    for (const block of file.blocks) {
      if (offset < end && offset + block.length > start) {
        const record = this.blockMap.get(block.blockId);
        const { live, corrupt } = record ? countReplicas(record, this.datanodes) : { live: [], corrupt: [] };
        const readable = live.length > 0 ? live : corrupt.filter((nodeId) => record?.replicas.get(nodeId)?.length === block.length);
        const locations = shuffle(readable).flatMap((nodeId) => {
          const node = this.datanodes.get(nodeId);
          return node ? [locationOf(node)] : [];
        });
        blocks.push({ blockId: block.blockId, offset, length: block.length, locations });
      }
      offset += block.length;
    }
    return { fileLength: offset, blocks };
  }

  reportCorruptReplica(blockId: string, nodeId: string): void {
    this.blockMap.markCorrupt(blockId, nodeId);
  }

  /** Safe mode counts the blocks of complete files that have at least one live replica. */
  updateSafeMode(): void {
    if (!this.safeMode.isOn) return;
    let total = 0;
    let reported = 0;
    for (const record of this.blockMap.all()) {
      if (!record.complete) continue;
      total++;
      if (countReplicas(record, this.datanodes).live.length > 0) reported++;
    }
    this.safeMode.update(total, reported);
  }

  /** Removes a block from the map and has its holders delete their replicas. */
  dropBlock(blockId: string): void {
    for (const nodeId of this.blockMap.remove(blockId)) this.datanodes.queueDeletes(nodeId, [blockId]);
  }

  /** Applies a namespace change, then makes it durable before anyone is told it happened. */
  private journal(change: Edit) {
    const effects = applyEdit(this.namespace, change);
    try {
      this.editLog.append(change);
    } catch (error) {
      this.onFatal(error);
      throw new DfsError('INTERNAL', `namenode cannot write its edit log: ${(error as Error).message}`);
    }
    for (const file of effects.removedFiles) for (const block of file.blocks) this.dropBlock(block.blockId);
    return effects;
  }

  private releaseLease(path: string, blockIds: string[]): void {
    for (const blockId of blockIds) this.dropBlock(blockId);
    this.leases.release(path);
  }
}

function checkReplication(replication: number): void {
  if (replication < 1 || replication > MAX_REPLICATION) {
    throw new DfsError('INVALID_ARGUMENT', `replication must be between 1 and ${MAX_REPLICATION}, got ${replication}`);
  }
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
