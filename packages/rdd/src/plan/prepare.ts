/**
 * Pre-job steps. Some nodes need data before they can be computed, as in Spark: a range
 * partitioner samples its bounds, and a mapPartitions node may carry a step of its own (`beforeJob`:
 * zipWithIndex counts the records of every partition; the SQL layer re-plans after a shuffle, which
 * may change a node's partition count — a coalesce over such a node then groups the new count).
 * The driver calls `prepare` on an RDD before running a job over it. For every ancestor, parents
 * first, the hook of its kind runs the jobs it needs and returns the node to compute instead; the
 * RDD then points to that node. Nodes are never changed in place.
 */
import type { RDD } from '../rdd.js';
import type { NodeOf, PlanKind } from './plan-node.js';
import { boundsFromSamples } from '../partitioner/partitioner.js';
import { dependencies } from './node-properties.js';
import { lineage } from './lineage.js';
import { evenGroups, runtimePartitions } from '../ops/narrow.js';

/** Spark samples about 20 keys per output partition, oversampled 3x to cope with skew. */
const SAMPLES_PER_PARTITION = 60;

/** Runs what `node` needs and returns the node to use instead; undefined when it needs nothing (now). */
export type PrepareHook<K extends PlanKind> = (node: NodeOf<K>) => Promise<NodeOf<K>> | undefined;

const PREPARE_HOOKS: { readonly [K in PlanKind]: PrepareHook<K> | undefined } = {
  parallelize: undefined,
  range: undefined,
  textFile: undefined,
  empty: undefined,
  elementwise: undefined,
  mapPartitions: (node) => node.beforeJob?.(node),
  union: undefined,
  coalesce: regroupAfterReplanning,
  zip: undefined,
  cartesian: undefined,
  pipe: undefined,
  shuffled: sampleRangeBounds,
};

export async function prepare(root: RDD<unknown>, prepared = new Set<number>()): Promise<void> {
  for (const rdd of lineage(root)) {
    if (prepared.has(rdd.id())) continue;
    prepared.add(rdd.id());
    const replacement = await hookFor(rdd.node)?.(rdd.node);
    if (!replacement) continue;
    rdd.replaceNode(replacement);
    // A re-planned node may be computed from RDDs not walked yet: they are prepared before it runs.
    for (const dependency of dependencies(rdd)) await prepare(dependency.rdd, prepared);
  }
}

function hookFor<K extends PlanKind>(node: NodeOf<K>): PrepareHook<K> | undefined {
  return PREPARE_HOOKS[node.kind as K];
}

/** A sort's range partitioner gets its bounds from a sample of the keys of the shuffle's input. */
function sampleRangeBounds(node: NodeOf<'shuffled'>): Promise<NodeOf<'shuffled'>> | undefined {
  const { parent, partitioner } = node;
  if (partitioner.kind !== 'range' || partitioner.bounds !== undefined) return undefined;
  const perPartition = Math.ceil((SAMPLES_PER_PARTITION * partitioner.numPartitions) / Math.max(parent.getNumPartitions(), 1));
  const sampler = runtimePartitions<unknown>(parent, 'sampleKeys', { num: perPartition, keyfunc: partitioner.keyfunc }, { withIndex: true });
  return parent.context.submitJob<unknown>(sampler, { description: 'sortByKey (sample range bounds)' }).then((partials) => ({
    ...node,
    partitioner: { ...partitioner, bounds: boundsFromSamples(partials.flat(), partitioner.numPartitions) },
  }));
}

/**
 * A coalesce whose groups no longer cover its parent's partitions (the parent was re-planned into
 * another count, see the SQL layer's adaptive execution) groups them again, as many groups as before at most.
 */
function regroupAfterReplanning(node: NodeOf<'coalesce'>): Promise<NodeOf<'coalesce'>> | undefined {
  const n = node.parent.getNumPartitions();
  const covered = node.groups.reduce((count, group) => count + group.length, 0);
  if (covered === n && node.groups.every((group) => group.every((p) => p < n))) return undefined;
  return Promise.resolve({ ...node, groups: evenGroups(n, node.groups.length) });
}
