/**
 * The part of the lineage one stage's tasks compute, as plain data for the wire: every node
 * reachable from the stage's RDD through narrow dependencies, with parents referenced by RDD id.
 * Shuffled and stored (checkpointed) RDDs are leaves: their data is read, not recomputed. Parallelized
 * data is not in the plan; each task carries only the slices it reads.
 */
import type { RDD } from '../rdd.js';
import type { ElementOp, TextSplit } from './plan-node.js';
import type { FnRef } from '../fn/fn-ref.js';
import type { StoredFormat } from '../context.js';

type WireBody =
  | { readonly kind: 'parallelize' }
  | { readonly kind: 'range'; readonly start: number; readonly end: number; readonly step: number; readonly numSlices: number }
  | { readonly kind: 'textFile'; readonly splits: readonly TextSplit[] }
  | { readonly kind: 'empty' }
  | { readonly kind: 'stored'; readonly dir: string; readonly format: StoredFormat }
  | { readonly kind: 'elementwise'; readonly parent: number; readonly step: ElementOp }
  | { readonly kind: 'mapPartitions'; readonly parent: number; readonly fn: FnRef; readonly withIndex: boolean }
  | { readonly kind: 'union'; readonly parents: readonly number[]; readonly partitionerAware: boolean }
  | { readonly kind: 'coalesce'; readonly parent: number; readonly groups: readonly (readonly number[])[] }
  | { readonly kind: 'zip'; readonly parents: readonly [number, number] }
  | { readonly kind: 'cartesian'; readonly parents: readonly [number, number] }
  | { readonly kind: 'pipe'; readonly parent: number; readonly command: string; readonly env: Readonly<Record<string, string>>; readonly checkCode: boolean }
  | { readonly kind: 'shuffled'; readonly shuffleId: number };

export type WireNode = WireBody & {
  readonly id: number;
  readonly numPartitions: number;
  /** The storage level name when computed partitions are kept in the block manager. */
  readonly storageLevel: string | undefined;
};

export interface TaskPlan {
  readonly root: number;
  readonly nodes: readonly WireNode[];
}

export function stagePlan(root: RDD<unknown>): TaskPlan {
  const nodes = new Map<number, WireNode>();
  const pending: RDD<unknown>[] = [root];
  while (pending.length > 0) {
    const rdd = pending.pop()!;
    if (nodes.has(rdd.id())) continue;
    const { body, parents } = wireBody(rdd);
    nodes.set(rdd.id(), { ...body, id: rdd.id(), numPartitions: rdd.getNumPartitions(), storageLevel: rdd.isCached ? rdd.storageLevel.name : undefined });
    pending.push(...parents);
  }
  return { root: root.id(), nodes: [...nodes.values()] };
}

function wireBody(rdd: RDD<unknown>): { body: WireBody; parents: RDD<unknown>[] } {
  const stored = rdd.storedPartitions;
  if (stored) return { body: { kind: 'stored', dir: stored.dir, format: stored.format }, parents: [] };
  const node = rdd.node;
  switch (node.kind) {
    case 'parallelize':
      return { body: { kind: 'parallelize' }, parents: [] };
    case 'range':
    case 'textFile':
    case 'empty':
      return { body: node, parents: [] };
    case 'shuffled':
      return { body: { kind: 'shuffled', shuffleId: node.shuffleId }, parents: [] };
    case 'elementwise':
      return { body: { kind: node.kind, parent: node.parent.id(), step: node.step }, parents: [node.parent] };
    case 'mapPartitions':
      return { body: { kind: node.kind, parent: node.parent.id(), fn: node.fn, withIndex: node.withIndex }, parents: [node.parent] };
    case 'coalesce':
      return { body: { kind: node.kind, parent: node.parent.id(), groups: node.groups }, parents: [node.parent] };
    case 'pipe':
      return { body: { kind: node.kind, parent: node.parent.id(), command: node.command, env: node.env, checkCode: node.checkCode }, parents: [node.parent] };
    case 'union':
      return { body: { kind: node.kind, parents: node.parents.map((p) => p.id()), partitionerAware: node.partitionerAware }, parents: [...node.parents] };
    case 'zip':
    case 'cartesian':
      return { body: { kind: node.kind, parents: [node.parents[0].id(), node.parents[1].id()] }, parents: [...node.parents] };
  }
}

/** The partitions of narrow parents that partition `split` of `node` is computed from. */
export function parentSplits(node: WireNode, split: number, byId: ReadonlyMap<number, WireNode>): [number, number][] {
  switch (node.kind) {
    case 'elementwise':
    case 'mapPartitions':
    case 'pipe':
      return [[node.parent, split]];
    case 'coalesce':
      return node.groups[split].map((p) => [node.parent, p]);
    case 'zip':
      return [
        [node.parents[0], split],
        [node.parents[1], split],
      ];
    case 'cartesian': {
      const right = byId.get(node.parents[1])!.numPartitions;
      return [
        [node.parents[0], Math.floor(split / right)],
        [node.parents[1], split % right],
      ];
    }
    case 'union': {
      if (node.partitionerAware) return node.parents.map((parent) => [parent, split]);
      let offset = split;
      for (const parent of node.parents) {
        const count = byId.get(parent)!.numPartitions;
        if (offset < count) return [[parent, offset]];
        offset -= count;
      }
      throw new Error(`union partition ${split} out of range`);
    }
    default:
      return [];
  }
}

/** Data a task reads rather than computes. */
export type TaskLeaf =
  | { readonly kind: 'slice'; readonly rddId: number; readonly split: number }
  | { readonly kind: 'cached'; readonly rddId: number; readonly split: number }
  | { readonly kind: 'shuffle'; readonly shuffleId: number; readonly split: number }
  /** A DFS block read by the task: where it is stored is where the task prefers to run. */
  | { readonly kind: 'block'; readonly nodeIds: readonly string[] };

/**
 * Walks the plan from the root partition down to what must be read: parallelized slices, cached
 * partitions (where `isCached` says one exists) and shuffle outputs.
 */
export function taskLeaves(plan: TaskPlan, split: number, isCached: (rddId: number, split: number) => boolean): TaskLeaf[] {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const leaves: TaskLeaf[] = [];
  const seen = new Set<string>();
  const visit = (id: number, part: number): void => {
    const key = `${id}:${part}`;
    if (seen.has(key)) return;
    seen.add(key);
    const node = byId.get(id)!;
    if (node.storageLevel !== undefined && isCached(id, part)) {
      leaves.push({ kind: 'cached', rddId: id, split: part });
    } else if (node.kind === 'parallelize') {
      leaves.push({ kind: 'slice', rddId: id, split: part });
    } else if (node.kind === 'shuffled') {
      leaves.push({ kind: 'shuffle', shuffleId: node.shuffleId, split: part });
    } else if (node.kind === 'textFile') {
      leaves.push({ kind: 'block', nodeIds: node.splits[part].nodeIds ?? [] });
    } else {
      for (const [parent, parentSplit] of parentSplits(node, part, byId)) visit(parent, parentSplit);
    }
  };
  visit(plan.root, split);
  return leaves;
}
