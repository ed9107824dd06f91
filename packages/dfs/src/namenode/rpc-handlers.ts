/**
 * The namenode's RPC surface: one handler per request type of both of its boundaries
 * (client↔namenode and datanode↔namenode), checked exhaustively by the compiler.
 */
import { clientNamenodeRequest, type ClientNamenodeRequest } from '../protocol/client-namenode.js';
import { datanodeNamenodeRequest, type DatanodeNamenodeRequest } from '../protocol/datanode-namenode.js';
import type { RpcConnection, RpcHandler, Schema } from '@flint/net';
import { errorCode } from '../errors.js';
import type { Namesystem } from './namesystem.js';
import { DatanodeOwners } from './datanode-owners.js';
import { clusterReport, fsck, liveNodes } from './reports.js';

type NamenodeRequest = ClientNamenodeRequest | DatanodeNamenodeRequest;
type Handlers = {
  [K in NamenodeRequest['type']]: (request: Extract<NamenodeRequest, { type: K }>, connection: RpcConnection) => object;
};

const DATANODE_REQUEST_TYPES = new Set(['registerDatanode', 'heartbeat', 'blockReport', 'blockReceived']);

const namenodeRequest: Schema<NamenodeRequest> = {
  parse(value, where) {
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    return typeof type === 'string' && DATANODE_REQUEST_TYPES.has(type)
      ? datanodeNamenodeRequest.parse(value, where)
      : clientNamenodeRequest.parse(value, where);
  },
};

export function namenodeRpcHandler(system: Namesystem): RpcHandler<NamenodeRequest> {
  const { config, datanodes, blockMap } = system;
  const owners = new DatanodeOwners();
  const handlers: Handlers = {
    mkdirs: (r) => (system.mkdirs(r.path), {}),
    create: (r, connection) => ({ leaseId: system.create(r.path, r.replication, r.blockSize, r.overwrite, connection.id) }),
    addBlock: (r) => system.addBlock(r.path, r.leaseId, r.excludeNodeIds, r.writerNodeId),
    abandonBlock: (r) => (system.abandonBlock(r.path, r.leaseId, r.blockId), {}),
    complete: (r) => ({ completed: system.complete(r.path, r.leaseId, r.blockLengths) }),
    abandonFile: (r) => (system.abandonFile(r.path, r.leaseId), {}),
    getFileInfo: (r) => ({ status: system.fileInfo(r.path) }),
    listing: (r) => ({ entries: system.namespace.list(r.path) }),
    contentSummary: (r) => system.contentSummary(r.path),
    getBlockLocations: (r) => system.blockLocations(r.path, r.start, r.length),
    delete: (r) => (system.delete(r.path, r.recursive), { deleted: true }),
    setReplication: (r) => (system.setReplication(r.path, r.replication), {}),
    reportCorruptReplica: (r) => (system.reportCorruptReplica(r.blockId, r.nodeId), {}),
    liveNodes: () => ({ nodes: liveNodes(system) }),
    report: () => clusterReport(system),
    fsck: (r) => fsck(system, r.path),

    registerDatanode: (r, connection) => {
      owners.claim(r.nodeId, connection.id);
      datanodes.register(r);
      blockMap.removeNode(r.nodeId);
      return { heartbeatIntervalMs: config.heartbeatIntervalMs, blockReportIntervalMs: config.blockReportIntervalMs };
    },
    heartbeat: (r, connection) => {
      owners.claim(r.nodeId, connection.id);
      datanodes.heartbeat(r.nodeId, r.services, r);
      return { commands: datanodes.takeCommands(r.nodeId, config.maxTransfersPerHeartbeat) };
    },
    blockReport: (r, connection) => {
      owners.claim(r.nodeId, connection.id);
      datanodes.requireLive(r.nodeId);
      const knownCorrupt = [...blockMap.blocksOn(r.nodeId)].filter((blockId) => blockMap.get(blockId)?.replicas.get(r.nodeId)?.corrupt);
      blockMap.removeNode(r.nodeId);
      const unknown = r.blocks.filter((block) => blockMap.addReplica(block.blockId, r.nodeId, block.length) === 'unknown-block');
      for (const blockId of knownCorrupt) blockMap.markCorrupt(blockId, r.nodeId);
      system.updateSafeMode();
      return { commands: unknown.length > 0 ? [{ type: 'delete', blockIds: unknown.map((block) => block.blockId) }] : [] };
    },
    blockReceived: (r, connection) => {
      owners.claim(r.nodeId, connection.id);
      datanodes.requireLive(r.nodeId);
      if (blockMap.addReplica(r.blockId, r.nodeId, r.length) === 'unknown-block') datanodes.queueDeletes(r.nodeId, [r.blockId]);
      system.monitor.replicaReceived(r.blockId, r.nodeId);
      return {};
    },
  };
  return {
    requestSchema: namenodeRequest,
    handle: (request, connection) => (handlers[request.type] as (r: NamenodeRequest, c: RpcConnection) => object)(request, connection),
    onDisconnect: (connection) => {
      system.connectionClosed(connection.id);
      owners.connectionClosed(connection.id);
    },
    errorCode,
  };
}
