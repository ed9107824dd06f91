/**
 * Client ↔ namenode: namespace operations, block allocation for writers, block locations for
 * readers, corrupt-replica reports, and cluster membership/health queries.
 */
import { datanodeLocation } from './common.js';
import {
  array, boolean, count, message, nullable, object, oneOfStrings, optional, record, string, union, type Infer,
} from '@flint/net';

export const clientNamenodeRequest = union(
  message('mkdirs', { path: string }),
  /** Starts a file under construction; the file appears in the namespace on `complete`. */
  message('create', { path: string, replication: count, blockSize: count, overwrite: boolean }),
  message('addBlock', { path: string, leaseId: string, excludeNodeIds: array(string), writerNodeId: optional(string) }),
  message('abandonBlock', { path: string, leaseId: string, blockId: string }),
  message('complete', { path: string, leaseId: string, blockLengths: array(count) }),
  message('abandonFile', { path: string, leaseId: string }),
  message('getFileInfo', { path: string }),
  message('listing', { path: string }),
  message('contentSummary', { path: string }),
  message('getBlockLocations', { path: string, start: count, length: count }),
  message('delete', { path: string, recursive: boolean }),
  message('setReplication', { path: string, replication: count }),
  message('reportCorruptReplica', { blockId: string, nodeId: string }),
  message('liveNodes', {}),
  message('report', {}),
  message('fsck', { path: string }),
);
export type ClientNamenodeRequest = Infer<typeof clientNamenodeRequest>;

export const fileStatus = object({
  path: string,
  kind: oneOfStrings('file', 'directory'),
  length: count,
  replication: count,
  blockSize: count,
  modificationTime: count,
});
export type FileStatus = Infer<typeof fileStatus>;

export const createResponse = object({ leaseId: string });
export const addBlockResponse = object({ blockId: string, targets: array(datanodeLocation) });
export const completeResponse = object({ completed: boolean });
export const fileInfoResponse = object({ status: nullable(fileStatus) });
export const listingResponse = object({ entries: array(fileStatus) });
export const contentSummaryResponse = object({ length: count, fileCount: count, directoryCount: count, spaceConsumed: count });
export type ContentSummary = Infer<typeof contentSummaryResponse>;
export const deleteResponse = object({ deleted: boolean });

export const locatedBlock = object({ blockId: string, offset: count, length: count, locations: array(datanodeLocation) });
export type LocatedBlock = Infer<typeof locatedBlock>;
export const blockLocationsResponse = object({ fileLength: count, blocks: array(locatedBlock) });
export type BlockLocations = Infer<typeof blockLocationsResponse>;

const datanodeFields = {
  nodeId: string,
  host: string,
  dataPort: count,
  /** Other services of the worker, e.g. its executor's address. */
  services: record(string),
  lastHeartbeat: count,
  capacityBytes: count,
  usedBytes: count,
  blockCount: count,
};

/** A worker as the rest of Flint sees it: membership comes from datanode heartbeats. */
export const liveNode = object(datanodeFields);
export type LiveNode = Infer<typeof liveNode>;
export const liveNodesResponse = object({ nodes: array(liveNode) });

export const datanodeReport = object({ ...datanodeFields, state: oneOfStrings('live', 'dead') });
export type DatanodeReport = Infer<typeof datanodeReport>;
export const safeModeStatus = object({ on: boolean, reason: string });
export type SafeModeStatus = Infer<typeof safeModeStatus>;
export const clusterReport = object({
  safeMode: safeModeStatus,
  files: count,
  directories: count,
  blocks: count,
  underReplicatedBlocks: count,
  missingBlocks: count,
  corruptReplicas: count,
  datanodes: array(datanodeReport),
});
export type ClusterReport = Infer<typeof clusterReport>;

export const fsckBlock = object({
  blockId: string,
  offset: count,
  length: count,
  expectedReplicas: count,
  live: array(datanodeLocation),
  corrupt: array(datanodeLocation),
  status: oneOfStrings('healthy', 'under-replicated', 'over-replicated', 'missing'),
});
export type FsckBlock = Infer<typeof fsckBlock>;
export const fsckFile = object({ path: string, length: count, replication: count, blocks: array(fsckBlock) });
export type FsckFile = Infer<typeof fsckFile>;
export const fsckReport = object({
  path: string,
  /** Every block has its full replication on live nodes and no corrupt replica is counted. */
  healthy: boolean,
  files: array(fsckFile),
  directories: count,
  totalBytes: count,
  totalBlocks: count,
  underReplicatedBlocks: count,
  overReplicatedBlocks: count,
  missingBlocks: count,
  corruptReplicas: count,
  liveDatanodes: array(string),
  deadDatanodes: array(string),
  safeMode: safeModeStatus,
});
export type FsckReport = Infer<typeof fsckReport>;
