/**
 * A datanode: a block store on local disk, a data port serving block reads and writes, and a
 * link to the namenode that registers, heartbeats and carries out the namenode's commands.
 * `startDatanode` is what `flint worker` runs; it returns a handle the worker process keeps.
 */
import { mkdir } from 'node:fs/promises';
import { lockDataDirectory, type DataDirLock } from '../data-dir-lock.js';
import { resolve } from 'node:path';
import { formatAddress, type NodeAddress } from '../address.js';
import type { DatanodeCommand } from '../protocol/datanode-namenode.js';
import { PipelineWriter } from '../transfer/pipeline-writer.js';
import { DEFAULT_TRANSFER_TIMEOUTS, type TransferTimeouts } from '../transfer/timeouts.js';
import { BlockStore } from './block-store.js';
import { NamenodeLink } from './namenode-link.js';
import { PipelinePeers } from './pipeline-peers.js';
import { loadOrCreateNodeId } from './node-id.js';
import { startTransferServer } from './transfer-server.js';

export interface DatanodeOptions {
  namenode: NodeAddress;
  dataDir: string;
  /** Address to bind and advertise (default 127.0.0.1). */
  host?: string;
  /** Data port; 0 picks a free one. */
  port?: number;
  /** Other services of this worker (e.g. its executor's address), published through the namenode. */
  services?: Record<string, string>;
  /** How many tasks this worker runs now, reported with each heartbeat (for the cluster UI). */
  runningTasks?: () => number;
  timeouts?: TransferTimeouts;
  log?: (line: string) => void;
}

export interface DatanodeHandle {
  readonly nodeId: string;
  readonly address: NodeAddress;
  readonly dataDir: string;
  /** Replaces the published services; the namenode sees them with the next heartbeat. */
  setServices(services: Record<string, string>): void;
  stop(): Promise<void>;
}

export async function startDatanode(options: DatanodeOptions): Promise<DatanodeHandle> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = lockDataDirectory(dataDir, 'datanode');
  try {
    return await startOnLockedDirectory(options, dataDir, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startOnLockedDirectory(options: DatanodeOptions, dataDir: string, lock: DataDirLock): Promise<DatanodeHandle> {
  const host = options.host ?? '127.0.0.1';
  const timeouts = options.timeouts ?? DEFAULT_TRANSFER_TIMEOUTS;
  const log = options.log ?? (() => undefined);
  const nodeId = await loadOrCreateNodeId(dataDir);
  const store = await BlockStore.open(dataDir);

  let link: NamenodeLink | undefined;
  const pipelinePeers = new PipelinePeers(() => link?.registeredDatanodes() ?? Promise.resolve([]));
  const transferServer = await startTransferServer(host, options.port ?? 0, {
    nodeId,
    store,
    timeouts,
    blockReceived: (block) => link?.blockReceived(block) ?? Promise.resolve(),
    checkDownstream: (downstream) => (downstream.length === 0 ? Promise.resolve() : pipelinePeers.check(downstream)),
    corruptReplicaFound: (blockId) => link?.reportCorruptReplica(blockId),
    log,
  });

  const execute = async (command: DatanodeCommand): Promise<void> => {
    if (command.type === 'delete') {
      for (const blockId of command.blockIds) await store.delete(blockId);
      return;
    }
    await copyReplica(store, command.blockId, command, timeouts, (blockId) => link?.reportCorruptReplica(blockId));
  };

  link = new NamenodeLink({
    namenode: options.namenode,
    nodeId,
    host,
    dataPort: transferServer.address.port,
    store,
    services: { ...options.services },
    activeTransfers: () => transferServer.activeTransfers,
    runningTasks: options.runningTasks,
    execute,
    log,
  });
  link.start();
  log(`datanode ${nodeId} storing blocks in ${dataDir}, namenode ${formatAddress(options.namenode)}`);

  return {
    nodeId,
    address: transferServer.address,
    dataDir,
    setServices: (services) => link?.setServices(services),
    stop: async () => {
      link?.stop();
      await transferServer.close();
      lock.release();
    },
  };
}

/** Re-replication: stream a verified local replica through a pipeline of new targets. */
async function copyReplica(
  store: BlockStore,
  blockId: string,
  command: Extract<DatanodeCommand, { type: 'transfer' }>,
  timeouts: TransferTimeouts,
  corruptReplicaFound: (blockId: string) => void,
): Promise<void> {
  const length = store.lengthOf(blockId);
  if (length === undefined) return;
  const pipeline = await PipelineWriter.open(blockId, command.targets, timeouts);
  try {
    for await (const bytes of store.read(blockId, 0, length)) await pipeline.send(bytes);
  } catch (error) {
    pipeline.abort();
    if (error instanceof Error && 'code' in error && error.code === 'CORRUPT_REPLICA') corruptReplicaFound(blockId);
    throw error;
  }
  await pipeline.finish(length);
}
