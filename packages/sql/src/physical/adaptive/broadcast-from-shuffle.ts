/**
 * The broadcast hash join a shuffled hash join turns into when adaptive execution finds one side
 * small (Spark's AQE demoting a shuffle join to a broadcast join): the small side's hash table is
 * made of the batches its shuffle already wrote (no second computation of that side), and the
 * other side streams past it from its own shuffle when that ran too, else straight from its plan,
 * fused with its scan and filters and never shuffled (broadcast-join.ts).
 */
import type { RDD } from '@flint/rdd';
import type { JoinType, PlanOf } from '../../plan/logical-plan.js';
import { broadcastHashJoin, onceLoaded, type BuildPart, type BuildRows } from '../broadcast-join.js';
import { CodegenContext } from '../codegen/codegen-context.js';
import { fullRow, type CarriedLayout, type EquiJoinKeys, type ShuffledJoin } from '../join.js';
import { mapPartitionsGenerated, pipelineOf, streamPartitionsGenerated, type Pipeline } from '../pipeline.js';
import { JOIN_BATCH_RUNTIME } from '../runtime/join-batches.js';
import { producedBytes } from './initial-partitions.js';
import type { FusedSwitch } from './fused-switch.js';

export type JoinSide = 'left' | 'right';

/** What adaptive execution needs to re-plan a shuffled join. */
export interface AdaptiveJoin {
  readonly joinType: JoinType;
  readonly hasEquiKeys: boolean;
  /** Each side's shuffle, to run and measure on its own. */
  readonly shuffles: { readonly [side in JoinSide]: RDD<unknown> };
  /** Each side's bytes at most, from its leaves (undefined: unknown): the likelier small side is measured first. */
  readonly upperBounds: { readonly [side in JoinSide]: number | undefined };
  /**
   * The broadcast hash join building `build` from its shuffle's partitions `buildRead`; the other
   * side streams from `streamRead` (its shuffle, when it ran) or else from its own plan.
   */
  broadcast(build: JoinSide, buildRead: RDD<unknown>, streamRead: RDD<unknown> | undefined): RDD<unknown[]>;
}

export function adaptiveJoin(
  left: Pipeline,
  right: Pipeline,
  plan: PlanOf<'join'>,
  keys: EquiJoinKeys,
  joined: ShuffledJoin,
  site: string,
  isRead: (id: number) => boolean,
  fused?: FusedSwitch,
): AdaptiveJoin {
  return {
    joinType: plan.joinType,
    hasEquiKeys: keys.leftKeys.length > 0,
    shuffles: joined.shuffles,
    upperBounds: { left: producedBytes(plan.left), right: producedBytes(plan.right) },
    broadcast: (build, buildRead, streamRead) => {
      const streamSide: JoinSide = build === 'right' ? 'left' : 'right';
      const planned = { left, right };
      const stream = streamRead === undefined ? planned[streamSide] : shuffledRows(streamRead, joined.layouts[streamSide], site);
      const table = shuffledBuildRows(buildRead, joined.layouts[build], site);
      // The consumer of the join's rows runs its fused loop over the stream side instead (fused-switch.ts).
      if (fused !== undefined && streamRead === undefined && build === fused.build) fused.table = table.table;
      // The small side's pipeline only names its columns here: its rows come from the shuffle.
      return build === 'right'
        ? broadcastHashJoin(stream, right, build, plan.joinType, keys, keys.residual, site, isRead, table, plan.nullAware)
        : broadcastHashJoin(left, stream, build, plan.joinType, keys, keys.residual, site, isRead, table, plan.nullAware);
    },
  };
}

/** A side's rows read back from its shuffle, full width (a shuffled row holds only the carried columns). */
function shuffledRows(read: RDD<unknown>, layout: CarriedLayout, site: string): Pipeline {
  const ctx = new CodegenContext();
  ctx.env.joinRecords = JOIN_BATCH_RUNTIME.ref('joinRecords');
  const body = `for (const record of env.joinRecords(input)) { const row = record[1][1]; yield ${fullRow(layout, 'row')}; }`;
  return pipelineOf(streamPartitionsGenerated<unknown[]>(read, ctx, body, site), layout.output);
}

/**
 * The broadcast table's parts from a side's shuffle: each join batch already holds its rows' keys
 * and carried columns, so it is one part as it stands. (A side that may be broadcast drops the rows
 * whose key has a null before its shuffle: only a kept side keeps them, join.ts.)
 */
function shuffledBuildRows(read: RDD<unknown>, layout: CarriedLayout, site: string): BuildRows {
  const columns = layout.slot.map((slot) => (slot < 0 ? 'null' : `columns[${slot}]`)).join(', ');
  const empty = layout.slot.map((slot) => (slot < 0 ? 'null' : '[]')).join(', ');
  // A task with no rows still sends an empty part: the table's width is read from the first part.
  const source = `const parts = [];
for (const record of input) {
  const [, keys, columns] = record[1];
  parts.push([keys, [${columns}]]);
}
if (parts.length === 0) parts.push([[], [${empty}]]);
return parts;`;
  const rows = mapPartitionsGenerated<BuildPart>(read, new CodegenContext(), source, site);
  return { rows, carried: layout.slot.map((slot) => slot >= 0), table: onceLoaded(rows, site) };
}
