/**
 * Datanode ↔ namenode: registration, heartbeats (answered with commands), block reports and
 * incremental "block received" notices. The namenode never calls a datanode: like HDFS, it only
 * answers, and its orders (copy a block, delete blocks) ride on heartbeat responses.
 */
import { datanodeLocation, emptyResponse } from './common.js';
import { array, count, message, object, optional, record, string, union, type Infer } from '@flint/net';

/** `runningTasks`: tasks the worker's executor is running (absent from a bare datanode). */
const nodeStats = { capacityBytes: count, usedBytes: count, blockCount: count, activeTransfers: count, runningTasks: optional(count) };

export const datanodeNamenodeRequest = union(
  message('registerDatanode', { nodeId: string, host: string, dataPort: count, services: record(string), ...nodeStats }),
  message('heartbeat', { nodeId: string, services: record(string), ...nodeStats }),
  message('blockReport', { nodeId: string, blocks: array(object({ blockId: string, length: count })) }),
  message('blockReceived', { nodeId: string, blockId: string, length: count }),
  message('reportCorruptReplica', { blockId: string, nodeId: string }),
);
export type DatanodeNamenodeRequest = Infer<typeof datanodeNamenodeRequest>;

export const datanodeCommand = union(
  /** Copy a local replica to the targets (as a pipeline: the first forwards to the rest). */
  message('transfer', { blockId: string, targets: array(datanodeLocation) }),
  message('delete', { blockIds: array(string) }),
);
export type DatanodeCommand = Infer<typeof datanodeCommand>;

/** The namenode owns the timing so `2 × recheck + 10 × heartbeat` holds by construction. */
export const registerResponse = object({ heartbeatIntervalMs: count, blockReportIntervalMs: count });
export const commandsResponse = object({ commands: array(datanodeCommand) });
export { emptyResponse };
