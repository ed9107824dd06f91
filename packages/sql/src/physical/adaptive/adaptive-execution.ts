/**
 * Adaptive query execution (Spark 3's AQE), on the RDD core's pre-job hook: the reader of each
 * shuffle the planner builds (the final phase of an aggregation, the join of a shuffled hash join)
 * carries a step that runs before the query's job. The step runs the shuffle's map stage on its
 * own (query-stage.ts), measures its outputs, and re-plans the reader with what it learnt:
 *  - small reduce partitions are coalesced into partitions of about the target size
 *    (partition-coalescing.ts), so fewer tasks read them;
 *  - a shuffled join whose one side turns out no larger than the broadcast threshold becomes a
 *    broadcast hash join: the small side's shuffled rows are collected into a hash table that
 *    every task gets as a broadcast. Each side has a shuffle of its own, and the side that may be
 *    broadcast and is likelier small (the smaller bound from its leaves) runs first, alone: when
 *    it is small, the other side is never shuffled but streams past the table from its own plan
 *    (TPC-H q05 at SF 1: 227,000 orders of a year are broadcast, 6M lineitem rows are not shuffled).
 * Each decision is recorded against its logical plan node (`decisions`), for the final plan's
 * text (not printed by explain() yet). Mapreduce mode keeps no shuffle outputs between jobs, so there the plan stays as it is.
 */
import { coalesceGroups, withPreJobStep, type MapPartitionsNode, type RDD, type RddContext } from '@flint/rdd';
import type { LogicalPlan, PlanOf } from '../../plan/logical-plan.js';
import { initialJoinPartitions } from './initial-partitions.js';
import { broadcastableSides } from '../broadcast-join.js';
import type { AdaptiveOptions } from './adaptive-options.js';
import { coalescedGroups, targetPartitionSize } from './partition-coalescing.js';
import { materializeShuffles, reduceSizes } from './query-stage.js';
import type { AdaptiveJoin, JoinSide } from './broadcast-from-shuffle.js';

export type AdaptiveDecision =
  /** The shuffle ran as query stage `stage`; its `from` partitions are read as `to`. */
  | { readonly kind: 'shuffleRead'; readonly stage: number; readonly from: number; readonly to: number }
  /** The shuffled join became a broadcast join building the `build` side. */
  | { readonly kind: 'broadcastJoin'; readonly stage: number; readonly from: number; readonly to: number; readonly build: JoinSide };

export class AdaptiveExecution {
  private stages = 0;
  readonly decisions = new Map<LogicalPlan, AdaptiveDecision>();

  constructor(
    readonly options: AdaptiveOptions,
    private readonly broadcastThreshold: number,
  ) {}

  /**
   * The partitions a shuffled join hashes into: sized by its input (initial-partitions.ts) where
   * the shuffle will be measured and coalesced (not in mapreduce mode, which keeps no shuffle
   * outputs), else `n`.
   */
  joinPartitions(context: RddContext, join: PlanOf<'join'>, n: number): number {
    const coalesces = this.options.enabled && context.mode !== 'mapreduce' && context.mapOutputSizes !== undefined;
    return coalesces ? initialJoinPartitions(join, n, this.options) : n;
  }

  /** `reader` (a mapPartitions over a shuffle) with its partitions coalesced once the shuffle is measured. */
  shuffleRead(plan: LogicalPlan, reader: RDD<unknown[]>): RDD<unknown[]> {
    if (!this.options.enabled) return reader;
    return withPreJobStep(reader, async (node) => {
      const measured = await this.measure(node);
      if (!measured) return settled(node);
      const { stage, totals, read } = measured;
      this.decisions.set(plan, { kind: 'shuffleRead', stage, from: totals.length, to: read.getNumPartitions() });
      return { ...settled(node), parent: read };
    });
  }

  /**
   * A shuffled hash join's reader (`joined`: a partitioner-aware union of the two sides' shuffles):
   * switched to a broadcast join when a side that may be broadcast is small, measured in order
   * (broadcastOrder); else coalesced once both sides are measured.
   */
  joinRead(plan: LogicalPlan, joined: RDD<unknown[]>, join: AdaptiveJoin): RDD<unknown[]> {
    if (!this.options.enabled) return joined;
    return withPreJobStep(joined, async (node) => {
      const both = node.parent;
      if (both.context.mode === 'mapreduce' || both.getNumPartitions() <= 1) return settled(node);
      const measured: { [side in JoinSide]?: { stage: number; totals: number[] } } = {};
      for (const side of this.broadcastOrder(plan, join)) {
        const sizes = await this.measureShuffles([join.shuffles[side]]);
        if (!sizes) return settled(node);
        const [totals] = sizes.totals;
        measured[side] = { stage: sizes.stage, totals };
        if (sum(totals) > this.broadcastThreshold) continue;
        const buildRead = this.coalesced(join.shuffles[side], totals);
        const other = measured[side === 'left' ? 'right' : 'left'];
        const streamRead = other && this.coalesced(join.shuffles[side === 'left' ? 'right' : 'left'], other.totals);
        this.decisions.set(plan, { kind: 'broadcastJoin', stage: sizes.stage, from: totals.length, to: buildRead.getNumPartitions(), build: side });
        // The broadcast join has a pre-job step of its own (it collects and broadcasts its hash table): run it now.
        const switched = join.broadcast(side, buildRead, streamRead).node as MapPartitionsNode;
        return switched.beforeJob ? switched.beforeJob(switched) : switched;
      }
      const rest = (['left', 'right'] as const).filter((side) => measured[side] === undefined);
      const sizes = rest.length > 0 ? await this.measureShuffles(rest.map((side) => join.shuffles[side])) : undefined;
      if (rest.length > 0 && !sizes) return settled(node);
      rest.forEach((side, i) => (measured[side] = { stage: sizes!.stage, totals: sizes!.totals[i] }));
      const totals = measured.left!.totals.map((bytes, r) => bytes + measured.right!.totals[r]);
      const read = this.coalesced(both, totals);
      this.decisions.set(plan, { kind: 'shuffleRead', stage: sizes?.stage ?? measured.left!.stage, from: totals.length, to: read.getNumPartitions() });
      return { ...settled(node), parent: read };
    });
  }

  /**
   * The sides whose measure may turn the join into a broadcast join, the likelier small first
   * (the smaller bound on its bytes): none when there is no equality key, broadcasting is off or
   * a hint asks for a shuffled join (which stays one, as in Spark's AQE).
   */
  private broadcastOrder(plan: LogicalPlan, join: AdaptiveJoin): JoinSide[] {
    const shuffleHinted = plan.kind === 'join' && Object.values(plan.hints ?? {}).some((h) => h !== 'broadcast');
    if (!join.hasEquiKeys || this.broadcastThreshold < 0 || shuffleHinted) return [];
    const bound = (side: JoinSide) => join.upperBounds[side] ?? Infinity;
    return broadcastableSides(join.joinType).sort((a, b) => bound(a) - bound(b));
  }

  /** Runs the map stage under the reader; the shuffle as coalesced partitions (or as it is). */
  private async measure(node: MapPartitionsNode) {
    const shuffled = node.parent;
    // One partition (a global aggregate, a join without equality keys): nothing to coalesce or broadcast.
    if (shuffled.context.mode === 'mapreduce' || shuffled.getNumPartitions() <= 1) return undefined;
    const sizes = await this.measureShuffles([shuffled]);
    if (!sizes) return undefined;
    const [totals] = sizes.totals;
    return { stage: sizes.stage, totals, read: this.coalesced(shuffled, totals) };
  }

  /** Runs the shuffles' map stages as one query stage; each one's bytes per reduce partition. */
  private async measureShuffles(shuffles: readonly RDD<unknown>[]) {
    const stage = this.stages++;
    const sizes = await materializeShuffles(shuffles, stage);
    if (!sizes) return undefined;
    return { stage, totals: sizes.map((s, i) => reduceSizes(s, shuffles[i].getNumPartitions())) };
  }

  /** `rdd`'s partitions of `totals` bytes, contiguous small ones read together. */
  private coalesced<T>(rdd: RDD<T>, totals: readonly number[]): RDD<T> {
    const groups = coalescedGroups(totals, targetPartitionSize(sum(totals), this.options));
    return groups.length < totals.length ? coalesceGroups(rdd, groups) : rdd;
  }
}

const settled = (node: MapPartitionsNode): MapPartitionsNode => ({ ...node, beforeJob: undefined });

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
