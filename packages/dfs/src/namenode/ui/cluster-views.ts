/**
 * The cluster UI's JSON views of the namesystem (`/api/workers`, `/api/files`, `/api/blocks`,
 * `/api/namenode`): plain data, computed on request, nothing cached. Block health comes from
 * fsck, so the UI and `flint dfs fsck` never disagree.
 */
import { DfsError } from '../../errors.js';
import type { FsckBlock } from '../../protocol/client-namenode.js';
import type { DatanodeLocation } from '../../protocol/common.js';
import type { DatanodeDescriptor } from '../datanode-manager.js';
import { expiryMs } from '../datanode-manager.js';
import { fileLength, normalizePath } from '../namespace.js';
import type { Namesystem } from '../namesystem.js';
import { fsck } from '../reports.js';

export interface WorkerView {
  nodeId: string;
  host: string;
  dataPort: number;
  state: 'live' | 'dead';
  lastHeartbeat: number;
  heartbeatAgeMs: number;
  capacityBytes: number;
  usedBytes: number;
  /** As of the last heartbeat: a dead worker keeps the count it last reported. */
  blockCount: number;
  /** Null for a datanode without an executor. */
  runningTasks: number | null;
  executorId: string | null;
  executorThreads: number | null;
  /** Block copies to or from this node now, and queued for its next heartbeat. */
  activeTransfers: number;
  queuedTransfers: number;
}

export interface ReplicaView extends DatanodeLocation {
  state: 'live' | 'corrupt';
}

export interface BlockView {
  blockId: string;
  offset: number;
  length: number;
  status: FsckBlock['status'];
  expectedReplicas: number;
  replicas: ReplicaView[];
  /** Copies scheduled by the replication monitor and not confirmed yet. */
  pendingCopies: number;
}

export type FilesView =
  | { path: string; kind: 'directory'; entries: { name: string; path: string; kind: 'file' | 'directory'; length: number; replication: number; modificationTime: number }[] }
  | { path: string; kind: 'file'; length: number; replication: number; blockSize: number; modificationTime: number; blocks: BlockView[] };

export interface BlockProblem {
  blockId: string;
  path: string;
  expectedReplicas: number;
  liveReplicas: string[];
  corruptReplicas: string[];
  pendingCopies: number;
}

export interface BlocksView {
  totalBlocks: number;
  healthy: boolean;
  underReplicated: BlockProblem[];
  overReplicated: BlockProblem[];
  missing: BlockProblem[];
  /** Blocks with at least one replica known to be corrupt. */
  corrupt: BlockProblem[];
  /** Blocks being copied now: the replication monitor scheduled copies not yet confirmed. */
  replicating: BlockProblem[];
}

export interface CheckpointStatus {
  /** Epoch ms of the last checkpoint written by this process; null before the first. */
  lastCheckpointTime: number | null;
  lastCheckpointTxid: number;
}

export interface NamenodeView {
  startTime: number;
  safeMode: { on: boolean; reason: string };
  editLog: { lastTxid: number; editsSinceCheckpoint: number } & CheckpointStatus;
  namespace: { files: number; directories: number; blocks: number };
  timing: { heartbeatIntervalMs: number; recheckIntervalMs: number; deadAfterMs: number; replicationIntervalMs: number };
}

export function workersView(system: Namesystem, now = Date.now()): WorkerView[] {
  return system.datanodes
    .all()
    .sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1))
    .map((node) => workerView(node, now));
}

function workerView(node: DatanodeDescriptor, now: number): WorkerView {
  const threads = node.services.executorThreads;
  return {
    nodeId: node.nodeId,
    host: node.host,
    dataPort: node.dataPort,
    state: node.state,
    lastHeartbeat: node.lastHeartbeat,
    heartbeatAgeMs: Math.max(0, now - node.lastHeartbeat),
    capacityBytes: node.capacityBytes,
    usedBytes: node.usedBytes,
    blockCount: node.blockCount,
    runningTasks: node.runningTasks ?? null,
    executorId: node.services.executor ?? null,
    executorThreads: threads === undefined ? null : Number(threads),
    activeTransfers: node.activeTransfers,
    queuedTransfers: node.queuedTransfers.length,
  };
}

/** A directory's listing, or a file with its blocks and where each replica is. */
export function filesView(system: Namesystem, rawPath: string): FilesView {
  const path = normalizePath(rawPath);
  const node = system.namespace.lookup(path);
  if (!node) throw new DfsError('NOT_FOUND', `${path}: no such file or directory`);
  if (node.kind === 'directory') {
    const entries = system.namespace.list(path).map((status) => ({
      name: status.path.slice(status.path.lastIndexOf('/') + 1),
      path: status.path,
      kind: status.kind,
      length: status.length,
      replication: status.replication,
      modificationTime: status.modificationTime,
    }));
    return { path, kind: 'directory', entries };
  }
  const blocks = fsck(system, path).files[0].blocks.map((block) => ({
    blockId: block.blockId,
    offset: block.offset,
    length: block.length,
    status: block.status,
    expectedReplicas: block.expectedReplicas,
    replicas: [...block.live.map((at) => ({ ...at, state: 'live' as const })), ...block.corrupt.map((at) => ({ ...at, state: 'corrupt' as const }))],
    pendingCopies: system.monitor.pendingCopies(block.blockId),
  }));
  return { path, kind: 'file', length: fileLength(node), replication: node.replication, blockSize: node.blockSize, modificationTime: node.modificationTime, blocks };
}

export function blocksView(system: Namesystem): BlocksView {
  const report = fsck(system, '/');
  const view: BlocksView = { totalBlocks: report.totalBlocks, healthy: report.healthy, underReplicated: [], overReplicated: [], missing: [], corrupt: [], replicating: [] };
  for (const file of report.files) {
    for (const block of file.blocks) {
      const problem: BlockProblem = {
        blockId: block.blockId,
        path: file.path,
        expectedReplicas: block.expectedReplicas,
        liveReplicas: block.live.map((at) => at.nodeId),
        corruptReplicas: block.corrupt.map((at) => at.nodeId),
        pendingCopies: system.monitor.pendingCopies(block.blockId),
      };
      if (block.status === 'under-replicated') view.underReplicated.push(problem);
      if (block.status === 'over-replicated') view.overReplicated.push(problem);
      if (block.status === 'missing') view.missing.push(problem);
      if (problem.corruptReplicas.length > 0) view.corrupt.push(problem);
      if (problem.pendingCopies > 0) view.replicating.push(problem);
    }
  }
  return view;
}

export function namenodeView(system: Namesystem, startTime: number, checkpoint: CheckpointStatus): NamenodeView {
  const { config } = system;
  let files = 0;
  let directories = 0;
  let blocks = 0;
  for (const [, node] of system.namespace.walk('/')) {
    if (node.kind === 'directory') {
      directories++;
      continue;
    }
    files++;
    blocks += node.blocks.length;
  }
  return {
    startTime,
    safeMode: system.safeMode.status(),
    editLog: { lastTxid: system.editLog.lastWrittenTxid, editsSinceCheckpoint: system.editLog.editsSinceCheckpoint, ...checkpoint },
    namespace: { files, directories, blocks },
    timing: {
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      recheckIntervalMs: config.recheckIntervalMs,
      deadAfterMs: expiryMs(config.heartbeatIntervalMs, config.recheckIntervalMs),
      replicationIntervalMs: config.replicationIntervalMs,
    },
  };
}
