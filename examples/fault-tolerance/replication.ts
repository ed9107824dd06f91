import type { DfsClient, FsckReport } from '@flint/dfs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where one DFS block's live replicas are (datanode ids), as fsck reports them. */
export interface BlockReplicas {
  readonly blockId: string;
  readonly path: string;
  readonly offset: number;
  readonly nodes: readonly string[];
}

/** How the namenode repaired the blocks that had a replica on a dead datanode. */
export interface ReReplication {
  readonly deadNode: string;
  /** When the namenode declared the node dead (clock of `now`), if it did within the wait. */
  readonly declaredDeadAtMs: number | undefined;
  /** When every affected block had its full replication again, if it did within the wait. */
  readonly repairedAtMs: number | undefined;
  /** The affected blocks: their replicas before the kill and at the end of the wait. */
  readonly blocks: readonly { readonly before: BlockReplicas; readonly after: BlockReplicas | undefined }[];
  /** fsck's verdict over the directory at the end of the wait. */
  readonly healthy: boolean;
}

const POLL_MS = 250;

export function blockReplicas(report: FsckReport): BlockReplicas[] {
  return report.files.flatMap((file) =>
    file.blocks.map((block) => ({ blockId: block.blockId, path: file.path, offset: block.offset, nodes: block.live.map((node) => node.nodeId) })),
  );
}

/**
 * Polls fsck until the namenode has declared `deadNode` dead and every block that had a replica
 * there has `replication` live replicas elsewhere, or until `timeoutMs` has passed.
 */
export async function awaitReReplication(
  client: DfsClient,
  dir: string,
  before: readonly BlockReplicas[],
  deadNode: string,
  replication: number,
  now: () => number,
  timeoutMs: number,
): Promise<ReReplication> {
  const affected = before.filter((block) => block.nodes.includes(deadNode));
  const deadline = now() + timeoutMs;
  let declaredDeadAtMs: number | undefined;
  for (;;) {
    const report = await client.fsck(dir);
    if (declaredDeadAtMs === undefined && report.deadDatanodes.includes(deadNode)) declaredDeadAtMs = now();
    const current = new Map(blockReplicas(report).map((block) => [block.blockId, block]));
    const repaired = affected.every((block) => {
      const nodes = current.get(block.blockId)?.nodes ?? [];
      return !nodes.includes(deadNode) && nodes.length >= replication;
    });
    const done = declaredDeadAtMs !== undefined && repaired;
    if (done || now() >= deadline) {
      return {
        deadNode,
        declaredDeadAtMs,
        repairedAtMs: done ? now() : undefined,
        blocks: affected.map((block) => ({ before: block, after: current.get(block.blockId) })),
        healthy: report.healthy,
      };
    }
    await sleep(POLL_MS);
  }
}
