/**
 * A shuffled inner join that adaptive execution may turn into a broadcast join with its stream
 * side never shuffled (broadcast-from-shuffle.ts) carries that switch's fused form: the stream
 * side's pipeline with a probe step (broadcast-probe.ts), as a join planned as a broadcast join
 * from the start runs it. The operator that consumes the join's rows generates its loop both ways
 * (pipeline.ts genLoop) and, once the switch is made, runs the fused loop over the stream side's
 * partitions (pipeline.ts withFusedSwitch): no joined row is built as an array and no generator
 * hands the rows over one by one (the sales join's 10M probing rows spent a third of their task
 * time in that hand-over, as the CSV customers side is switched to a broadcast after measuring).
 * Only the side that adaptive execution measures first (the smaller bound from its leaves) is
 * prepared for: when the other side is the one broadcast, both were shuffled and the rows path runs.
 */
import type { Broadcast } from '@flint/rdd';
import type { PlanOf } from '../../plan/logical-plan.js';
import { broadcastProbe } from '../broadcast-join.js';
import type { BuildTable } from '../broadcast-probe.js';
import type { EquiJoinKeys } from '../join.js';
import { withStep, type AdaptiveProbe, type Pipeline } from '../pipeline.js';
import type { RowCounter } from '../row-counter.js';
import type { JoinSide } from './broadcast-from-shuffle.js';
import { producedBytes } from './initial-partitions.js';

/** The side whose broadcast the join's consumer is prepared for, and the table once adaptive execution switched to it. */
export interface FusedSwitch {
  readonly build: JoinSide;
  table?: () => Promise<Broadcast<BuildTable>>;
}

/** The switch's state (handed to adaptiveJoin) and the fused form (a Pipeline's adaptiveProbe) of an inner join's rows. */
export function fusedSwitch(plan: PlanOf<'join'>, left: Pipeline, right: Pipeline, keys: EquiJoinKeys, isRead: (id: number) => boolean, rows: RowCounter): { state: FusedSwitch; probe: AdaptiveProbe } {
  // As adaptive execution orders the sides (broadcastOrder): the smaller bound first, the right side on a tie.
  const bound = (side: PlanOf<'join'>['left']) => producedBytes(side) ?? Infinity;
  const build: JoinSide = bound(plan.left) < bound(plan.right) ? 'left' : 'right';
  const state: FusedSwitch = { build };
  const [stream, small] = build === 'right' ? [left, right] : [right, left];
  const probe = broadcastProbe(stream, small, build, keys, isRead, () => state.table!());
  return { state, probe: { stream: withStep(stream, { kind: 'probe', probe, rows }), switched: () => state.table !== undefined } };
}
