/**
 * The datanode's side of the datanode↔namenode boundary: register, then heartbeat every
 * interval the namenode dictates, send a full block report after registering and periodically,
 * and carry out the commands that come back. If the namenode forgets the node (it restarted, or
 * declared the node dead) the next heartbeat fails with UNKNOWN_DATANODE and the node registers
 * again with a fresh block report. If the namenode is unreachable the link keeps retrying.
 */
import { formatAddress, type NodeAddress } from '../address.js';
import { RpcClient } from '@flint/net';
import { DfsError, errorFromWire, errorMessage } from '../errors.js';
import {
  commandsResponse, emptyResponse, registerResponse, type DatanodeCommand, type DatanodeNamenodeRequest,
} from '../protocol/datanode-namenode.js';
import { liveNodesResponse } from '../protocol/client-namenode.js';
import type { DatanodeLocation } from '../protocol/common.js';
import type { BlockStore, StoredBlock } from './block-store.js';

const UNREGISTERED_RETRY_MS = 500;
const RPC_TIMEOUT_MS = 10_000;

export interface NamenodeLinkOptions {
  namenode: NodeAddress;
  nodeId: string;
  host: string;
  dataPort: number;
  store: BlockStore;
  services: Record<string, string>;
  activeTransfers(): number;
  runningTasks?(): number;
  execute(command: DatanodeCommand): Promise<void>;
  log(line: string): void;
}

export class NamenodeLink {
  private rpc: Promise<RpcClient> | undefined;
  private registered = false;
  private heartbeatIntervalMs = UNREGISTERED_RETRY_MS;
  private blockReportIntervalMs = 0;
  private lastBlockReport = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastError = '';
  private ticking = false;
  /** A heartbeat was asked for while one was under way: send the next one at once. */
  private heartbeatSoon = false;

  constructor(private readonly options: NamenodeLinkOptions) {}

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.dropConnection();
  }

  /** Replaces the published services and heartbeats at once, so the namenode's clients see them now. */
  setServices(services: Record<string, string>): void {
    this.options.services = { ...services };
    if (this.stopped) return;
    if (this.ticking) {
      this.heartbeatSoon = true;
      return;
    }
    clearTimeout(this.timer);
    void this.tick();
  }

  /** Tells the namenode about a newly stored replica; best effort, block reports catch up. */
  async blockReceived(block: StoredBlock): Promise<void> {
    await this.send({ type: 'blockReceived', nodeId: this.options.nodeId, ...block }).catch(() => undefined);
  }

  /** The datanodes the namenode has registered now, where they serve block data. */
  async registeredDatanodes(): Promise<DatanodeLocation[]> {
    const { nodes } = await this.call({ type: 'liveNodes' }, liveNodesResponse);
    return nodes.map((node) => ({ nodeId: node.nodeId, host: node.host, port: node.dataPort }));
  }

  reportCorruptReplica(blockId: string): void {
    void this.send({ type: 'reportCorruptReplica', nodeId: this.options.nodeId, blockId }).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    try {
      if (!this.registered) await this.register();
      const { commands } = await this.call(this.heartbeatRequest(), commandsResponse);
      this.executeAll(commands);
      if (this.blockReportIntervalMs > 0 && Date.now() - this.lastBlockReport >= this.blockReportIntervalMs) await this.blockReport();
      this.lastError = '';
    } catch (error) {
      this.registered = false;
      if (!(error instanceof DfsError && error.code === 'UNKNOWN_DATANODE')) {
        this.dropConnection();
        this.logFailure(error);
      }
    }
    this.ticking = false;
    const delay = this.heartbeatSoon ? 0 : this.registered ? this.heartbeatIntervalMs : UNREGISTERED_RETRY_MS;
    this.heartbeatSoon = false;
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async register(): Promise<void> {
    const { options } = this;
    const timing = await this.call(
      {
        type: 'registerDatanode',
        nodeId: options.nodeId,
        host: options.host,
        dataPort: options.dataPort,
        services: options.services,
        ...(await this.stats()),
      },
      registerResponse,
    );
    this.heartbeatIntervalMs = timing.heartbeatIntervalMs;
    this.blockReportIntervalMs = timing.blockReportIntervalMs;
    await this.blockReport();
    this.registered = true;
    options.log(`datanode ${options.nodeId} registered with namenode ${formatAddress(options.namenode)}`);
  }

  private async blockReport(): Promise<void> {
    this.lastBlockReport = Date.now();
    const { commands } = await this.call(
      { type: 'blockReport', nodeId: this.options.nodeId, blocks: this.options.store.list() },
      commandsResponse,
    );
    this.executeAll(commands);
  }

  private heartbeatRequest(): Promise<DatanodeNamenodeRequest> {
    return this.stats().then((stats) => ({ type: 'heartbeat', nodeId: this.options.nodeId, services: this.options.services, ...stats }));
  }

  private async stats() {
    const { store } = this.options;
    return {
      capacityBytes: await store.capacityBytes(),
      usedBytes: store.usedBytes,
      blockCount: store.blockCount,
      activeTransfers: this.options.activeTransfers(),
      runningTasks: this.options.runningTasks?.(),
    };
  }

  private executeAll(commands: DatanodeCommand[]): void {
    for (const command of commands) {
      this.options.execute(command).catch((error) => this.options.log(`command ${command.type} failed: ${errorMessage(error)}`));
    }
  }

  private async send(request: DatanodeNamenodeRequest): Promise<void> {
    await this.call(request, emptyResponse);
  }

  private async call<T>(request: DatanodeNamenodeRequest | { type: 'liveNodes' } | Promise<DatanodeNamenodeRequest>, schema: { parse(value: unknown, where: string): T }): Promise<T> {
    let rpc = await (this.rpc ??= RpcClient.connect(this.options.namenode, 'namenode', RPC_TIMEOUT_MS, errorFromWire));
    if (rpc.closed) {
      this.rpc = RpcClient.connect(this.options.namenode, 'namenode', RPC_TIMEOUT_MS, errorFromWire);
      rpc = await this.rpc;
    }
    return rpc.call(await request, schema);
  }

  private dropConnection(): void {
    const rpc = this.rpc;
    this.rpc = undefined;
    rpc?.then((client) => client.close()).catch(() => undefined);
  }

  private logFailure(error: unknown): void {
    const message = errorMessage(error);
    if (message !== this.lastError) this.options.log(`datanode ${this.options.nodeId}: ${message}; retrying`);
    this.lastError = message;
  }
}
