/**
 * Where a datanode may forward a block write: only to datanodes the namenode has registered, at
 * the address they registered (the pipeline the namenode gave the writer). Anyone able to write
 * could otherwise name any address as downstream and make the datanode connect there.
 * The registered nodes are asked of the namenode when a write names one not seen yet, at most
 * once per interval (a flood of bad names costs the namenode little); a legitimate write that
 * names a node which registered just now waits for the next ask instead of being refused.
 */
import { DfsError } from '../errors.js';
import type { DatanodeLocation } from '../protocol/common.js';

const MIN_REFRESH_INTERVAL_MS = 200;

export class PipelinePeers {
  private known = new Map<string, string>();
  private lastRefresh = 0;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly registeredDatanodes: () => Promise<DatanodeLocation[]>) {}

  /** Resolves if every node of `downstream` is registered at that address; refuses the write otherwise. */
  async check(downstream: readonly DatanodeLocation[]): Promise<void> {
    if (downstream.every((node) => this.isKnown(node))) return;
    await this.refresh();
    const stranger = downstream.find((node) => !this.isKnown(node));
    if (stranger) {
      throw new DfsError('INVALID_ARGUMENT', `downstream ${stranger.nodeId} at ${stranger.host}:${stranger.port} is not a registered datanode: the write is refused`);
    }
  }

  private isKnown(node: DatanodeLocation): boolean {
    return this.known.get(node.nodeId) === `${node.host}:${node.port}`;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const wait = this.lastRefresh + MIN_REFRESH_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const nodes = await this.registeredDatanodes();
        this.known = new Map(nodes.map((node) => [node.nodeId, `${node.host}:${node.port}`]));
      } catch {
        // The namenode is unreachable: what was known stays, and unknown nodes are refused.
      } finally {
        this.lastRefresh = Date.now();
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
