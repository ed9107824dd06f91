/**
 * The DFS side of a killed worker, watched from the moment of the kill: the namenode first has
 * to declare the silent datanode dead (until then fsck still counts its replicas as live and the
 * file looks healthy), then re-replicates its blocks onto the survivors.
 */
import { join } from 'node:path';
import type { DfsClient, FsckReport } from '@flint/dfs';
import { repo, sleep, tryRun } from './shell.js';

const flint = join(repo, 'packages/driver/dist/cli/flint.js');
const POLL_MS = 250;

/** `flint dfs fsck PATH` from the command line: true when it exits 0 (HEALTHY). */
export function fsckCommandHealthy(namenode: string, path: string): boolean {
  return tryRun(process.execPath, [flint, 'dfs', 'fsck', path, '--namenode', namenode]).status === 0;
}

/** Block id -> the datanodes holding a live replica. */
export function replicaNodes(report: FsckReport): Map<string, string[]> {
  return new Map(report.files.flatMap((file) => file.blocks.map((block) => [block.blockId, block.live.map((l) => l.nodeId)] as const)));
}

const summary = (report: FsckReport): string =>
  `live ${report.liveDatanodes.join(',') || 'none'}; dead ${report.deadDatanodes.join(',') || 'none'}; ` +
  `${report.underReplicatedBlocks} of ${report.totalBlocks} blocks under-replicated, ${report.missingBlocks} missing`;

export interface ReReplication {
  /** Milliseconds from the kill to the first fsck that listed the node dead. */
  readonly deadAfterMs: number;
  /** Under-replicated blocks in that report. */
  readonly underReplicatedWhenDead: number;
  /** Milliseconds from the kill to the first fsck that was HEALTHY with every lost replica copied. */
  readonly healthyAfterMs: number;
  readonly blocksCopied: number;
}

export interface WatchOptions {
  readonly path: string;
  readonly deadNode: string;
  /** Block id -> live replica nodes before the kill. */
  readonly before: Map<string, string[]>;
  /** performance.now() at the kill. */
  readonly killedAt: number;
  readonly deadTimeoutMs: number;
  readonly deadExpectation: string;
  readonly healthyTimeoutMs: number;
}

/**
 * Polls fsck from the kill on, in two phases, each bounded: until the namenode lists `deadNode`
 * dead; then until the path is HEALTHY with every block that had a replica on it back at its
 * replication on other nodes, each on a node that did not hold it before (a copy the namenode
 * made). `stop()` ends the polling early (the result then rejects).
 */
export class ReplicationWatch {
  private stopped = false;
  readonly result: Promise<ReReplication>;

  constructor(
    private readonly client: DfsClient,
    private readonly options: WatchOptions,
  ) {
    this.result = this.watch();
    this.result.catch(() => {}); // awaited by the test later; a failure must not count as unhandled meanwhile
  }

  stop(): void {
    this.stopped = true;
  }

  private async watch(): Promise<ReReplication> {
    const { path, deadNode, before, killedAt } = this.options;
    const lost = [...before].filter(([, nodes]) => nodes.includes(deadNode));
    const notCopied = (report: FsckReport): string[] => {
      const now = replicaNodes(report);
      return lost
        .filter(([block, nodes]) => {
          const live = now.get(block) ?? [];
          return live.length < nodes.length || live.includes(deadNode) || live.every((node) => nodes.includes(node));
        })
        .map(([block]) => block);
    };
    const dead = await this.pollUntil(
      `the namenode to declare ${deadNode} dead within ${this.options.deadTimeoutMs / 1000} s of the kill (${this.options.deadExpectation})`,
      killedAt + this.options.deadTimeoutMs,
      (report) => report.deadDatanodes.includes(deadNode),
      summary,
    );
    const deadAfterMs = performance.now() - killedAt;
    await this.pollUntil(
      `${path} to be HEALTHY within ${this.options.healthyTimeoutMs / 1000} s of that, with the ${lost.length} blocks that had a replica on ${deadNode} copied to another node`,
      performance.now() + this.options.healthyTimeoutMs,
      (report) => report.healthy && notCopied(report).length === 0,
      (report) => `${summary(report)}; not yet copied: ${notCopied(report).join(', ') || 'none'}`,
    );
    return { deadAfterMs, underReplicatedWhenDead: dead.underReplicatedBlocks, healthyAfterMs: performance.now() - killedAt, blocksCopied: lost.length };
  }

  private async pollUntil(what: string, deadline: number, done: (report: FsckReport) => boolean, describe: (report: FsckReport) => string): Promise<FsckReport> {
    let last: FsckReport | undefined;
    for (;;) {
      if (this.stopped) throw new Error(`stopped while waiting for ${what}`);
      last = await this.client.fsck(this.options.path);
      if (done(last)) return last;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; last fsck: ${describe(last)}`);
      await sleep(POLL_MS);
    }
  }
}
