/**
 * Typed calls of the client↔namenode protocol over one RPC connection. The connection is
 * re-opened if it dropped (a restarted namenode); calls refused because the namenode is in safe
 * mode are retried until `safeModeWaitMs` has passed.
 */
import { formatAddress, type NodeAddress } from '../address.js';
import { RpcClient, type Schema } from '@flint/net';
import { DfsError, errorFromWire } from '../errors.js';
import {
  addBlockResponse, blockLocationsResponse, clusterReport, completeResponse, contentSummaryResponse, createResponse,
  deleteResponse, fileInfoResponse, fsckReport, listingResponse, liveNodesResponse, type ClientNamenodeRequest,
} from '../protocol/client-namenode.js';
import { emptyResponse } from '../protocol/common.js';

const SAFE_MODE_POLL_MS = 250;

export class NamenodeCalls {
  private rpc: Promise<RpcClient> | undefined;

  constructor(
    readonly address: NodeAddress,
    private readonly timeoutMs: number,
    private readonly safeModeWaitMs: number,
  ) {}

  /** Opens the connection now, so an unreachable namenode is reported up front. */
  async connect(): Promise<void> {
    await this.connection();
  }

  close(): void {
    const rpc = this.rpc;
    this.rpc = undefined;
    rpc?.then((client) => client.close()).catch(() => undefined);
  }

  mkdirs = (path: string) => this.call({ type: 'mkdirs', path }, emptyResponse);
  create = (path: string, replication: number, blockSize: number, overwrite: boolean) =>
    this.call({ type: 'create', path, replication, blockSize, overwrite }, createResponse);
  addBlock = (path: string, leaseId: string, excludeNodeIds: string[], writerNodeId: string | undefined) =>
    this.call({ type: 'addBlock', path, leaseId, excludeNodeIds, writerNodeId }, addBlockResponse);
  abandonBlock = (path: string, leaseId: string, blockId: string) => this.call({ type: 'abandonBlock', path, leaseId, blockId }, emptyResponse);
  complete = (path: string, leaseId: string, blockLengths: number[]) => this.call({ type: 'complete', path, leaseId, blockLengths }, completeResponse);
  abandonFile = (path: string, leaseId: string) => this.call({ type: 'abandonFile', path, leaseId }, emptyResponse);
  fileInfo = async (path: string) => (await this.call({ type: 'getFileInfo', path }, fileInfoResponse)).status;
  listing = async (path: string) => (await this.call({ type: 'listing', path }, listingResponse)).entries;
  contentSummary = (path: string) => this.call({ type: 'contentSummary', path }, contentSummaryResponse);
  blockLocations = (path: string, start: number, length: number) => this.call({ type: 'getBlockLocations', path, start, length }, blockLocationsResponse);
  delete = (path: string, recursive: boolean) => this.call({ type: 'delete', path, recursive }, deleteResponse);
  setReplication = (path: string, replication: number) => this.call({ type: 'setReplication', path, replication }, emptyResponse);
  reportCorruptReplica = (blockId: string, nodeId: string) => this.call({ type: 'reportCorruptReplica', blockId, nodeId }, emptyResponse);
  liveNodes = async () => (await this.call({ type: 'liveNodes' }, liveNodesResponse)).nodes;
  report = () => this.call({ type: 'report' }, clusterReport);
  fsck = (path: string) => this.call({ type: 'fsck', path }, fsckReport);

  private async call<T>(request: ClientNamenodeRequest, schema: Schema<T>): Promise<T> {
    const deadline = Date.now() + this.safeModeWaitMs;
    for (;;) {
      try {
        return await (await this.connection()).call(request, schema);
      } catch (error) {
        if (!(error instanceof DfsError && error.code === 'SAFE_MODE') || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, SAFE_MODE_POLL_MS));
      }
    }
  }

  private async connection(): Promise<RpcClient> {
    const current = await this.rpc?.catch(() => undefined);
    if (current && !current.closed) return current;
    const connecting = RpcClient.connect(this.address, 'namenode', this.timeoutMs, errorFromWire);
    this.rpc = connecting;
    try {
      return await connecting;
    } catch (error) {
      if (this.rpc === connecting) this.rpc = undefined;
      throw error;
    }
  }

  toString(): string {
    return `namenode ${formatAddress(this.address)}`;
  }
}
