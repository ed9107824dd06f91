/**
 * Cluster membership as the namenode sees it: registered datanodes, their last heartbeat and
 * load, whether they are live or dead, and the commands queued for their next heartbeat.
 *
 * Dead-node rule (HDFS's HeartbeatManager): a node is declared dead when it has not
 * heartbeated for `2 × recheckInterval + 10 × heartbeatInterval`; the check itself runs every
 * recheckInterval. A dead node stays listed (for `report`), but its replicas no longer count and
 * a heartbeat from it is refused with UNKNOWN_DATANODE, which makes it register again.
 */
import { DfsError } from '../errors.js';
import type { LiveNode, DatanodeReport } from '../protocol/client-namenode.js';
import type { DatanodeLocation } from '../protocol/common.js';
import type { DatanodeCommand } from '../protocol/datanode-namenode.js';

export interface DatanodeStats {
  capacityBytes: number;
  usedBytes: number;
  blockCount: number;
  activeTransfers: number;
  /** Tasks the worker's executor runs, as of its last heartbeat. */
  runningTasks?: number;
}

export interface DatanodeDescriptor extends DatanodeStats {
  nodeId: string;
  host: string;
  dataPort: number;
  services: Record<string, string>;
  lastHeartbeat: number;
  state: 'live' | 'dead';
  queuedTransfers: Extract<DatanodeCommand, { type: 'transfer' }>[];
  queuedDeletes: Set<string>;
}

export function expiryMs(heartbeatIntervalMs: number, recheckIntervalMs: number): number {
  return 2 * recheckIntervalMs + 10 * heartbeatIntervalMs;
}

function pickStats(stats: DatanodeStats): DatanodeStats {
  return {
    capacityBytes: stats.capacityBytes,
    usedBytes: stats.usedBytes,
    blockCount: stats.blockCount,
    activeTransfers: stats.activeTransfers,
    runningTasks: stats.runningTasks,
  };
}

export function locationOf(node: DatanodeDescriptor): DatanodeLocation {
  return { nodeId: node.nodeId, host: node.host, port: node.dataPort };
}

export class DatanodeManager {
  private readonly nodes = new Map<string, DatanodeDescriptor>();

  constructor(
    private readonly expiryMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  register(node: { nodeId: string; host: string; dataPort: number; services: Record<string, string> } & DatanodeStats): DatanodeDescriptor {
    const descriptor: DatanodeDescriptor = {
      nodeId: node.nodeId,
      host: node.host,
      dataPort: node.dataPort,
      services: node.services,
      ...pickStats(node),
      lastHeartbeat: this.now(),
      state: 'live',
      queuedTransfers: [],
      queuedDeletes: new Set(),
    };
    this.nodes.set(node.nodeId, descriptor);
    return descriptor;
  }

  heartbeat(nodeId: string, services: Record<string, string>, stats: DatanodeStats): DatanodeDescriptor {
    const node = this.requireLive(nodeId);
    Object.assign(node, pickStats(stats), { services, lastHeartbeat: this.now() });
    return node;
  }

  requireLive(nodeId: string): DatanodeDescriptor {
    const node = this.nodes.get(nodeId);
    if (!node || node.state !== 'live') throw new DfsError('UNKNOWN_DATANODE', `datanode ${nodeId} is not registered; register again`);
    return node;
  }

  get(nodeId: string): DatanodeDescriptor | undefined {
    return this.nodes.get(nodeId);
  }

  isLive(nodeId: string): boolean {
    return this.nodes.get(nodeId)?.state === 'live';
  }

  live(): DatanodeDescriptor[] {
    return [...this.nodes.values()].filter((node) => node.state === 'live');
  }

  all(): DatanodeDescriptor[] {
    return [...this.nodes.values()];
  }

  /** Marks nodes whose heartbeats stopped as dead and returns them. */
  expire(): DatanodeDescriptor[] {
    const deadline = this.now() - this.expiryMs;
    const expired = this.live().filter((node) => node.lastHeartbeat < deadline);
    for (const node of expired) {
      node.state = 'dead';
      node.queuedTransfers = [];
      node.queuedDeletes.clear();
    }
    return expired;
  }

  queueDeletes(nodeId: string, blockIds: Iterable<string>): void {
    const node = this.nodes.get(nodeId);
    if (node?.state !== 'live') return;
    for (const blockId of blockIds) node.queuedDeletes.add(blockId);
  }

  queueTransfer(nodeId: string, command: Extract<DatanodeCommand, { type: 'transfer' }>): void {
    this.nodes.get(nodeId)?.queuedTransfers.push(command);
  }

  /** The commands for one heartbeat response; transfers are capped to bound a node's load. */
  takeCommands(nodeId: string, maxTransfers: number): DatanodeCommand[] {
    const node = this.nodes.get(nodeId);
    if (!node) return [];
    const commands: DatanodeCommand[] = node.queuedTransfers.splice(0, maxTransfers);
    if (node.queuedDeletes.size > 0) {
      commands.push({ type: 'delete', blockIds: [...node.queuedDeletes] });
      node.queuedDeletes.clear();
    }
    return commands;
  }

  toLiveNode(node: DatanodeDescriptor): LiveNode {
    return {
      nodeId: node.nodeId,
      host: node.host,
      dataPort: node.dataPort,
      services: node.services,
      lastHeartbeat: node.lastHeartbeat,
      capacityBytes: node.capacityBytes,
      usedBytes: node.usedBytes,
      blockCount: node.blockCount,
    };
  }

  toReport(node: DatanodeDescriptor): DatanodeReport {
    return { ...this.toLiveNode(node), state: node.state };
  }
}
