/**
 * The DFS client library used by the `flint dfs` commands, the driver and the workers.
 * Metadata goes to the namenode; block bytes go straight to and from datanodes.
 */
import { parseAddress, type NodeAddress } from '../address.js';
import { DfsError } from '../errors.js';
import type {
  BlockLocations, ClusterReport, ContentSummary, FileStatus, FsckReport, LiveNode,
} from '../protocol/client-namenode.js';
import { DEFAULT_TRANSFER_TIMEOUTS, type TransferTimeouts } from '../transfer/timeouts.js';
import { DEFAULT_NAMENODE_PORT } from './dfs-url.js';
import { DfsInputStream } from './input-stream.js';
import { NamenodeCalls } from './namenode-calls.js';
import { DfsOutputStream } from './output-stream.js';

export const DEFAULT_BLOCK_SIZE = 128 * 1024 * 1024;
export const DEFAULT_REPLICATION = 3;

export interface DfsClientOptions {
  /** The datanode id of the process using the client, if it runs one: first replicas go there. */
  localNodeId?: string;
  /** Timeout of one namenode call (default 30 s). */
  rpcTimeoutMs?: number;
  /** How long mutations wait for the namenode to leave safe mode (default 30 s). */
  safeModeWaitMs?: number;
  transferTimeouts?: TransferTimeouts;
}

export interface CreateOptions {
  replication?: number;
  blockSize?: number;
  overwrite?: boolean;
}

export class DfsClient {
  private readonly transferTimeouts: TransferTimeouts;

  private constructor(
    private readonly calls: NamenodeCalls,
    private readonly options: DfsClientOptions,
  ) {
    this.transferTimeouts = options.transferTimeouts ?? DEFAULT_TRANSFER_TIMEOUTS;
  }

  /** Connects to a namenode given as "host:port" or an address; fails fast if it is unreachable. */
  static async connect(namenode: string | NodeAddress, options: DfsClientOptions = {}): Promise<DfsClient> {
    const address = typeof namenode === 'string' ? parseAddress(namenode, DEFAULT_NAMENODE_PORT) : namenode;
    const calls = new NamenodeCalls(address, options.rpcTimeoutMs ?? 30_000, options.safeModeWaitMs ?? 30_000);
    await calls.connect();
    return new DfsClient(calls, options);
  }

  get namenode(): NodeAddress {
    return this.calls.address;
  }

  close(): void {
    this.calls.close();
  }

  async create(path: string, options: CreateOptions = {}): Promise<DfsOutputStream> {
    const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    const { leaseId } = await this.calls.create(path, options.replication ?? DEFAULT_REPLICATION, blockSize, options.overwrite ?? false);
    return new DfsOutputStream(path, leaseId, blockSize, this.calls, this.transferTimeouts, this.options.localNodeId);
  }

  /** Writes a whole file from memory or from an iterable of chunks (e.g. a Node stream). */
  async writeFile(path: string, data: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CreateOptions = {}): Promise<FileStatus> {
    const out = await this.create(path, options);
    if (data instanceof Uint8Array) {
      await out.write(data);
    } else {
      for await (const chunk of data) await out.write(chunk);
    }
    return out.close();
  }

  async open(path: string): Promise<DfsInputStream> {
    const status = await this.stat(path);
    if (status.kind !== 'file') throw new DfsError('IS_A_DIRECTORY', `${path} is a directory`);
    const { blocks, fileLength } = await this.calls.blockLocations(path, 0, status.length);
    return new DfsInputStream(path, fileLength, blocks, this.calls, this.transferTimeouts, this.options.localNodeId);
  }

  async readFile(path: string): Promise<Buffer> {
    return (await this.open(path)).readAll();
  }

  /** The file or directory's status; fails with NOT_FOUND if there is none. */
  async stat(path: string): Promise<FileStatus> {
    const status = await this.calls.fileInfo(path);
    if (!status) throw new DfsError('NOT_FOUND', `${path}: no such file or directory`);
    return status;
  }

  async exists(path: string): Promise<boolean> {
    return (await this.calls.fileInfo(path)) !== null;
  }

  /** A directory's entries (or a file's own status), sorted by name. */
  list(path: string): Promise<FileStatus[]> {
    return this.calls.listing(path);
  }

  async mkdirs(path: string): Promise<void> {
    await this.calls.mkdirs(path);
  }

  async delete(path: string, recursive = false): Promise<void> {
    await this.calls.delete(path, recursive);
  }

  async setReplication(path: string, replication: number): Promise<void> {
    await this.calls.setReplication(path, replication);
  }

  /** The blocks covering [start, start + length) with the datanodes holding good replicas. */
  getBlockLocations(path: string, start: number, length: number): Promise<BlockLocations> {
    return this.calls.blockLocations(path, start, length);
  }

  contentSummary(path: string): Promise<ContentSummary> {
    return this.calls.contentSummary(path);
  }

  /** The live workers of the cluster, with the services they registered. */
  liveNodes(): Promise<LiveNode[]> {
    return this.calls.liveNodes();
  }

  report(): Promise<ClusterReport> {
    return this.calls.report();
  }

  fsck(path: string): Promise<FsckReport> {
    return this.calls.fsck(path);
  }

  async reportCorruptReplica(blockId: string, nodeId: string): Promise<void> {
    await this.calls.reportCorruptReplica(blockId, nodeId);
  }
}

/** Lists the live nodes of the cluster whose namenode is at `namenode`, with one short-lived connection. */
export async function liveNodes(namenode: string | NodeAddress, options: DfsClientOptions = {}): Promise<LiveNode[]> {
  const client = await DfsClient.connect(namenode, options);
  try {
    return await client.liveNodes();
  } finally {
    client.close();
  }
}
