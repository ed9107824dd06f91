/**
 * What an RDD is, as data: one immutable node per RDD with a literal `kind`. This union is the one
 * definition of each kind; its wire form is derived from it (task-plan.ts). The behaviour of a kind
 * is one entry in each of these tables, all exhaustive over the kinds (a new kind does not compile
 * until every table has it; none has a fallback):
 *   node-properties.ts   PROPERTIES      partition count, parents, partitioner
 *   task-plan.ts         DRIVER_ONLY     fields left out of the wire form
 *                        PARENT_SPLITS   the parent partitions a partition is computed from
 *                        TASK_LEAF       what a partition reads from outside its task
 *   prepare.ts           PREPARE_HOOKS   the pre-job step (range bounds, beforeJob)
 *   debug-string.ts      CLASS_NAMES     Spark's class name, for toDebugString
 *   worker: partition-computer.ts  how a task computes a partition of each wire kind
 */
import type { FnRef } from '../fn/fn-ref.js';
import type { Partitioner } from '../partitioner/partitioner.js';
import type { RDD } from '../rdd.js';

/** A byte range of a text file; a line belongs to the split it starts in (Hadoop's rule). */
export interface TextSplit {
  readonly path: string;
  readonly start: number;
  readonly length: number;
  readonly hosts: readonly string[];
  /** For DFS blocks: the datanodes holding a replica, for node-local scheduling. */
  readonly nodeIds?: readonly string[];
  /**
   * How the split is read: lines of plain text (absent), lines of a whole compressed file (gzip
   * and deflate streams cannot be split, as in Hadoop), or the whole file as one `[path, content]`
   * record (wholeTextFiles: a string; binaryFiles: bytes); or a range format.
   */
  readonly format?: TextSplitFormat;
  /** For `fixedLength` splits: the bytes of each record. */
  readonly recordLength?: number;
  /** For `offsetLines` splits of a gzip or deflate file: the whole file, decompressed (offsets are into the decompressed text, as Hadoop's). */
  readonly compression?: 'gzip' | 'deflate';
}

/**
 * Formats read from a byte range, whose records are not lines: fixed-length records (binaryRecords)
 * and the msgpack batches of Flint's object files (pickleFile). A record belongs to the split it starts in.
 */
/** `sequence`: Hadoop SequenceFiles; `offsetLines`: [byte offset, line] pairs (Hadoop's TextInputFormat). */
export type RangeSplitFormat = 'fixedLength' | 'objects' | 'sequence' | 'offsetLines';

export type TextSplitFormat = 'gzip' | 'deflate' | 'wholeText' | 'wholeBinary' | RangeSplitFormat;

/** A per-record step of a fused narrow pipeline. */
export type ElementOp =
  | { readonly op: 'map'; readonly fn: FnRef }
  | { readonly op: 'filter'; readonly fn: FnRef }
  | { readonly op: 'flatMap'; readonly fn: FnRef }
  | { readonly op: 'mapValues'; readonly fn: FnRef }
  | { readonly op: 'flatMapValues'; readonly fn: FnRef }
  | { readonly op: 'keyBy'; readonly fn: FnRef };

/**
 * A partition function over a parent. `beforeJob`, when present, is a pre-job step of this node
 * (see plan/prepare.ts): it runs what the node needs (jobs over its parent) and returns the node to
 * compute instead, without it. zipWithIndex counts partitions this way; the SQL layer re-plans.
 */
export interface MapPartitionsNode {
  readonly kind: 'mapPartitions';
  readonly parent: RDD<unknown>;
  readonly fn: FnRef;
  readonly withIndex: boolean;
  readonly preservesPartitioning: boolean;
  /** From RDDBarrier: the stage that computes it is a barrier stage. */
  readonly barrier?: boolean;
  readonly beforeJob?: (node: MapPartitionsNode) => Promise<MapPartitionsNode>;
}

export type PlanNode =
  | { readonly kind: 'parallelize'; readonly slices: readonly (readonly unknown[])[] }
  | { readonly kind: 'range'; readonly start: number; readonly end: number; readonly step: number; readonly numSlices: number }
  | { readonly kind: 'textFile'; readonly splits: readonly TextSplit[] }
  | { readonly kind: 'empty' }
  /** `preservesPartitioning`: the user says a map/flatMap leaves keys alone (PySpark's flag). */
  | { readonly kind: 'elementwise'; readonly parent: RDD<unknown>; readonly step: ElementOp; readonly preservesPartitioning?: boolean }
  | MapPartitionsNode
  /**
   * Partitioner-aware when every parent has the same partitioner: partition i is the union of the
   * parents' partitions i and keeps the partitioner (Spark's PartitionerAwareUnionRDD), so a join of
   * co-partitioned RDDs needs no shuffle. Otherwise the parents' partitions are laid end to end.
   */
  | { readonly kind: 'union'; readonly parents: readonly RDD<unknown>[]; readonly partitionerAware: boolean }
  | { readonly kind: 'coalesce'; readonly parent: RDD<unknown>; readonly groups: readonly (readonly number[])[] }
  | { readonly kind: 'zip'; readonly parents: readonly [RDD<unknown>, RDD<unknown>] }
  | { readonly kind: 'cartesian'; readonly parents: readonly [RDD<unknown>, RDD<unknown>] }
  | {
      readonly kind: 'pipe';
      readonly parent: RDD<unknown>;
      readonly command: string;
      readonly env: Readonly<Record<string, string>>;
      /** Fail the task when the command exits non-zero (PySpark's checkCode; off by default). */
      readonly checkCode: boolean;
    }
  | { readonly kind: 'shuffled'; readonly parent: RDD<unknown>; readonly shuffleId: number; readonly partitioner: Partitioner };

export type PlanKind = PlanNode['kind'];
export type NodeOf<K extends PlanKind> = Extract<PlanNode, { kind: K }>;
