/**
 * Adaptive query execution (Spark 3's AQE), on the RDD core's pre-job hook: the reader of each
 * shuffle the planner builds (the final phase of an aggregation, the join of a shuffled hash join)
 * carries a step that runs before the query's job. The step runs the shuffle's map stage on its
 * own (query-stage.ts), measures its outputs, and re-plans the reader with what it learnt:
 *  - small reduce partitions are coalesced into partitions of about the target size
 *    (partition-coalescing.ts), so fewer tasks read them;
 *  - a shuffled join whose one side turned out no larger than the broadcast threshold becomes a
 *    broadcast hash join: the other side's rows are read from the shuffle already written, and
 *    the small side is collected into a hash table that every task gets as a broadcast.
 * Each decision is recorded against its logical plan node (`decisions`), for the final plan's
 * text (not printed by explain() yet). Mapreduce mode keeps no shuffle outputs between jobs, so there the plan stays as it is.
 */
import { coalesceGroups, withPreJobStep, type MapPartitionsNode, type RDD, type RddContext } from '@flint/rdd';
import type { JoinType, LogicalPlan, PlanOf } from '../../plan/logical-plan.js';
import { initialJoinPartitions } from './initial-partitions.js';
import { broadcastableSides } from '../broadcast-join.js';
import type { AdaptiveOptions } from './adaptive-options.js';
import { coalescedGroups, targetPartitionSize } from './partition-coalescing.js';
import { materializeShuffle, reduceSizes } from './query-stage.js';

export type AdaptiveDecision =
  /** The shuffle ran as query stage `stage`; its `from` partitions are read as `to`. */
  | { readonly kind: 'shuffleRead'; readonly stage: number; readonly from: number; readonly to: number }
  /** The shuffled join became a broadcast join building the `build` side. */
  | { readonly kind: 'broadcastJoin'; readonly stage: number; readonly from: number; readonly to: number; readonly build: 'left' | 'right' };

/** What a join's re-planning needs: how its shuffle's map tasks divide between the sides, and the broadcast plan to switch to. */
export interface AdaptiveJoin {
  readonly joinType: JoinType;
  readonly hasEquiKeys: boolean;
  /** The map tasks of each side in the shuffle, as [first, end) ranges (join.ts decides which side comes first). */
  mapTasks(): { readonly left: readonly [number, number]; readonly right: readonly [number, number] };
  /** The broadcast hash join building `build`, streaming the other side's rows from `shuffleRead`. */
  broadcast(build: 'left' | 'right', shuffleRead: RDD<unknown>): RDD<unknown[]>;
}

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

  /** A shuffled hash join's reader: coalesced, or switched to a broadcast join when one side is small. */
  joinRead(plan: LogicalPlan, reader: RDD<unknown[]>, join: AdaptiveJoin): RDD<unknown[]> {
    if (!this.options.enabled) return reader;
    return withPreJobStep(reader, async (node) => {
      const measured = await this.measure(node);
      if (!measured) return settled(node);
      const { stage, sizes, totals, read } = measured;
      const decision = { stage, from: totals.length, to: read.getNumPartitions() };
      const maps = join.mapTasks();
      const sideBytes = { left: sum(reduceSizes(sizes, totals.length, ...maps.left)), right: sum(reduceSizes(sizes, totals.length, ...maps.right)) };
      // A join hinted to shuffle (MERGE, SHUFFLE_HASH, ...) stays a shuffled join, as in Spark's AQE.
      const shuffleHinted = plan.kind === 'join' && Object.values(plan.hints ?? {}).some((h) => h !== 'broadcast');
      const build = join.hasEquiKeys && this.broadcastThreshold >= 0 && !shuffleHinted
        ? broadcastableSides(join.joinType).filter((side) => sideBytes[side] <= this.broadcastThreshold).sort((a, b) => sideBytes[a] - sideBytes[b])[0]
        : undefined;
      if (build === undefined) {
        this.decisions.set(plan, { kind: 'shuffleRead', ...decision });
        return { ...settled(node), parent: read };
      }
      this.decisions.set(plan, { kind: 'broadcastJoin', ...decision, build });
      // The broadcast join has a pre-job step of its own (it collects and broadcasts its hash table): run it now.
      const switched = join.broadcast(build, read).node as MapPartitionsNode;
      return switched.beforeJob ? switched.beforeJob(switched) : switched;
    });
  }

  /** Runs the map stage under the reader; the shuffle as coalesced partitions (or as it is). */
  private async measure(node: MapPartitionsNode) {
    const shuffled = node.parent;
    // One partition (a global aggregate, a join without equality keys): nothing to coalesce or broadcast.
    if (shuffled.context.mode === 'mapreduce' || shuffled.getNumPartitions() <= 1) return undefined;
    const stage = this.stages++;
    const sizes = await materializeShuffle(shuffled, stage);
    if (!sizes) return undefined;
    const totals = reduceSizes(sizes, shuffled.getNumPartitions());
    const groups = coalescedGroups(totals, targetPartitionSize(sum(totals), this.options));
    const read = groups.length < totals.length ? coalesceGroups(shuffled, groups) : shuffled;
    return { stage, sizes, totals, read };
  }
}

const settled = (node: MapPartitionsNode): MapPartitionsNode => ({ ...node, beforeJob: undefined });

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
