/**
 * The part of the lineage one stage's tasks compute, as plain data for the wire: every node
 * reachable from the stage's RDD through narrow dependencies, with parents referenced by RDD id.
 * Shuffled and stored (checkpointed) RDDs are leaves: their data is read, not recomputed. Parallelized
 * data is not in the plan; each task carries only the slices it reads.
 *
 * A node's wire form is derived from its PlanNode (plan-node.ts): the same fields, RDDs replaced
 * by their ids, less the fields that stay on the driver (DRIVER_ONLY).
 */
import { RDD } from '../rdd.js';
import type { NodeOf, PlanKind } from './plan-node.js';
import type { StoredFormat } from '../context.js';
import { lineage, narrowDependencies } from './lineage.js';

/**
 * Fields that stay on the driver: parallelized slices (each task carries its own), what lies
 * behind a shuffle (another stage), and driver-side steps.
 */
const DRIVER_ONLY = {
  parallelize: ['slices'],
  range: [],
  textFile: [],
  empty: [],
  elementwise: ['preservesPartitioning'],
  mapPartitions: ['preservesPartitioning', 'barrier', 'beforeJob'],
  union: [],
  coalesce: [],
  zip: [],
  cartesian: [],
  pipe: [],
  shuffled: ['parent', 'partitioner'],
} as const satisfies { readonly [K in PlanKind]: readonly (keyof NodeOf<K>)[] };

type WireValue<V> = V extends RDD<unknown>
  ? number
  : V extends readonly [RDD<unknown>, RDD<unknown>]
    ? readonly [number, number]
    : V extends readonly RDD<unknown>[]
      ? readonly number[]
      : V;

/** The wire form of a node of kind K. */
export type WireOf<K extends PlanKind> = {
  readonly [F in Exclude<keyof NodeOf<K>, (typeof DRIVER_ONLY)[K][number]>]: WireValue<NodeOf<K>[F]>;
};

/** A checkpointed (or, in mapreduce mode, stored) RDD: its partitions are read from files. */
interface StoredBody {
  readonly kind: 'stored';
  readonly dir: string;
  readonly format: StoredFormat;
}

type WireBody = { [K in PlanKind]: WireOf<K> }[PlanKind] | StoredBody;
export type WireKind = WireBody['kind'];

export type WireNode = WireBody & {
  readonly id: number;
  readonly numPartitions: number;
  /** The storage level name when computed partitions are kept in the block manager. */
  readonly storageLevel: string | undefined;
};

export type WireNodeOf<K extends WireKind> = Extract<WireNode, { kind: K }>;

export interface TaskPlan {
  readonly root: number;
  readonly nodes: readonly WireNode[];
}

export function stagePlan(root: RDD<unknown>): TaskPlan {
  const nodes = lineage(root, narrowDependencies).map((rdd): WireNode => {
    const storageLevel = rdd.isCached ? rdd.storageLevel.name : undefined;
    return { ...wireBody(rdd), id: rdd.id(), numPartitions: rdd.getNumPartitions(), storageLevel };
  });
  return { root: root.id(), nodes };
}

/** The node's wire form: its fields less the driver-only ones, RDDs as their ids. */
function wireBody(rdd: RDD<unknown>): WireBody {
  const stored = rdd.storedPartitions;
  if (stored) return { kind: 'stored', dir: stored.dir, format: stored.format };
  const driverOnly: readonly string[] = DRIVER_ONLY[rdd.node.kind];
  const wire = (value: unknown): unknown => {
    if (value instanceof RDD) return value.id();
    if (Array.isArray(value) && value.some((item) => item instanceof RDD)) return value.map(wire);
    return value;
  };
  const body = Object.entries(rdd.node).filter(([field]) => !driverOnly.includes(field)).map(([field, value]) => [field, wire(value)]);
  return Object.fromEntries(body) as WireBody;
}

type ParentSplits<K extends WireKind> = (node: WireNodeOf<K>, split: number, byId: ReadonlyMap<number, WireNode>) => [number, number][];
const none = (): [number, number][] => [];
const sameSplit = (node: { parent: number }, split: number): [number, number][] => [[node.parent, split]];

/** Per kind, the partitions of narrow parents that one partition is computed from; leaves have none. */
const PARENT_SPLITS: { readonly [K in WireKind]: ParentSplits<K> } = {
  parallelize: none,
  range: none,
  textFile: none,
  empty: none,
  stored: none,
  shuffled: none,
  elementwise: sameSplit,
  mapPartitions: sameSplit,
  pipe: sameSplit,
  coalesce: (node, split) => node.groups[split].map((p) => [node.parent, p]),
  zip: (node, split) => [
    [node.parents[0], split],
    [node.parents[1], split],
  ],
  cartesian: (node, split, byId) => {
    const right = byId.get(node.parents[1])!.numPartitions;
    return [
      [node.parents[0], Math.floor(split / right)],
      [node.parents[1], split % right],
    ];
  },
  union: (node, split, byId) => {
    if (node.partitionerAware) return node.parents.map((parent) => [parent, split]);
    let offset = split;
    for (const parent of node.parents) {
      const count = byId.get(parent)!.numPartitions;
      if (offset < count) return [[parent, offset]];
      offset -= count;
    }
    throw new Error(`union partition ${split} out of range`);
  },
};

/** The partitions of narrow parents that partition `split` of `node` is computed from. */
export function parentSplits(node: WireNode, split: number, byId: ReadonlyMap<number, WireNode>): [number, number][] {
  return (PARENT_SPLITS[node.kind] as ParentSplits<WireKind>)(node, split, byId);
}

/** Data a task reads rather than computes. */
export type TaskLeaf =
  | { readonly kind: 'slice'; readonly rddId: number; readonly split: number }
  | { readonly kind: 'cached'; readonly rddId: number; readonly split: number }
  | { readonly kind: 'shuffle'; readonly shuffleId: number; readonly split: number }
  /** A DFS block read by the task: where it is stored is where the task prefers to run. */
  | { readonly kind: 'block'; readonly nodeIds: readonly string[] };

type LeafOf<K extends WireKind> = ((node: WireNodeOf<K>, split: number) => TaskLeaf) | undefined;

/** Per kind, what a partition reads from outside the task, if anything (range, empty and stored data need no fetch). */
const TASK_LEAF: { readonly [K in WireKind]: LeafOf<K> } = {
  parallelize: (node, split) => ({ kind: 'slice', rddId: node.id, split }),
  shuffled: (node, split) => ({ kind: 'shuffle', shuffleId: node.shuffleId, split }),
  textFile: (node, split) => ({ kind: 'block', nodeIds: node.splits[split].nodeIds ?? [] }),
  range: undefined,
  empty: undefined,
  stored: undefined,
  elementwise: undefined,
  mapPartitions: undefined,
  pipe: undefined,
  coalesce: undefined,
  zip: undefined,
  cartesian: undefined,
  union: undefined,
};

/**
 * Walks the plan from the root partition down to what must be read: parallelized slices, cached
 * partitions (where `isCached` says one exists), shuffle outputs and DFS blocks.
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
    const leaf = node.storageLevel !== undefined && isCached(id, part) ? { kind: 'cached' as const, rddId: id, split: part } : (TASK_LEAF[node.kind] as LeafOf<WireKind>)?.(node, part);
    if (leaf) leaves.push(leaf);
    else for (const [parent, parentSplit] of parentSplits(node, part, byId)) visit(parent, parentSplit);
  };
  visit(plan.root, split);
  return leaves;
}
