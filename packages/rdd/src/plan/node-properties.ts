/**
 * The structural properties of each kind of plan node: how many partitions it has, which parents
 * it depends on (narrowly, or through a shuffle), and which partitioner its output keeps.
 */
import type { RDD } from '../rdd.js';
import type { Partitioner } from '../partitioner/partitioner.js';
import type { NodeOf, PlanKind, PlanNode } from './plan-node.js';

export interface Dependency {
  readonly rdd: RDD<unknown>;
  /** A shuffle dependency is a stage boundary; a narrow one is pipelined into the same task. */
  readonly shuffle: boolean;
}

interface KindProperties<K extends PlanKind> {
  numPartitions(node: NodeOf<K>): number;
  parents(node: NodeOf<K>): readonly RDD<unknown>[];
  partitioner(node: NodeOf<K>): Partitioner | undefined;
}

const none = (): undefined => undefined;
const noParents = (): readonly RDD<unknown>[] => [];
const sameAsParent = (node: { parent: RDD<unknown> }): number => node.parent.getNumPartitions();

const PROPERTIES: { [K in PlanKind]: KindProperties<K> } = {
  parallelize: { numPartitions: (n) => n.slices.length, parents: noParents, partitioner: none },
  range: { numPartitions: (n) => n.numSlices, parents: noParents, partitioner: none },
  textFile: { numPartitions: (n) => n.splits.length, parents: noParents, partitioner: none },
  empty: { numPartitions: () => 0, parents: noParents, partitioner: none },
  elementwise: {
    numPartitions: sameAsParent,
    parents: (n) => [n.parent],
    // Steps that leave keys alone keep the parent's partitioning, as in Spark.
    partitioner: (n) => (n.preservesPartitioning || ['filter', 'mapValues', 'flatMapValues'].includes(n.step.op) ? n.parent.partitioner : undefined),
  },
  mapPartitions: {
    numPartitions: sameAsParent,
    parents: (n) => [n.parent],
    partitioner: (n) => (n.preservesPartitioning ? n.parent.partitioner : undefined),
  },
  union: {
    numPartitions: (n) => (n.partitionerAware ? n.parents[0].getNumPartitions() : n.parents.reduce((sum, p) => sum + p.getNumPartitions(), 0)),
    parents: (n) => n.parents,
    partitioner: (n) => (n.partitionerAware ? n.parents[0].partitioner : undefined),
  },
  coalesce: { numPartitions: (n) => n.groups.length, parents: (n) => [n.parent], partitioner: none },
  zip: { numPartitions: (n) => n.parents[0].getNumPartitions(), parents: (n) => n.parents, partitioner: none },
  cartesian: {
    numPartitions: (n) => n.parents[0].getNumPartitions() * n.parents[1].getNumPartitions(),
    parents: (n) => n.parents,
    partitioner: none,
  },
  pipe: { numPartitions: sameAsParent, parents: (n) => [n.parent], partitioner: none },
  shuffled: { numPartitions: (n) => n.partitioner.numPartitions, parents: (n) => [n.parent], partitioner: (n) => n.partitioner },
};

function properties<K extends PlanKind>(node: NodeOf<K>): KindProperties<K> {
  return PROPERTIES[node.kind as K];
}

export function nodeNumPartitions(node: PlanNode): number {
  return properties(node).numPartitions(node);
}

export function nodePartitioner(node: PlanNode): Partitioner | undefined {
  return properties(node).partitioner(node);
}

/** The RDDs this one is computed from; none once it is checkpointed (its lineage is cut). */
export function dependencies(rdd: RDD<unknown>): Dependency[] {
  if (rdd.storedPartitions) return [];
  const shuffle = rdd.node.kind === 'shuffled';
  return properties(rdd.node).parents(rdd.node).map((parent) => ({ rdd: parent, shuffle }));
}
