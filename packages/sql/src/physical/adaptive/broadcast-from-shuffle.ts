/**
 * The broadcast hash join a shuffled hash join turns into when adaptive execution finds one side
 * small (Spark's AQE demoting a shuffle join to a broadcast join): the stream side's rows are read
 * from the shuffle already written (join batches, runtime/join-batches.ts) and the small
 * side is computed again from its own plan, collected and broadcast as a hash table (broadcast-join.ts).
 */
import type { RDD } from '@flint/rdd';
import type { JoinType } from '../../plan/logical-plan.js';
import { broadcastHashJoin } from '../broadcast-join.js';
import { CodegenContext } from '../codegen/codegen-context.js';
import { carriedLayout, firstSide, fullRow, type EquiJoinKeys } from '../join.js';
import { outputAfter, pipelineOf, streamPartitionsGenerated, type Pipeline } from '../pipeline.js';
import type { AdaptiveJoin } from './adaptive-execution.js';
import { JOIN_BATCH_RUNTIME } from '../runtime/join-batches.js';

/** `shuffledBuild`: the side the shuffled join builds its hash table of (its map tasks may come first in the shuffle). */
export function adaptiveJoin(left: Pipeline, right: Pipeline, joinType: JoinType, keys: EquiJoinKeys, shuffledBuild: 'left' | 'right', site: string, isRead: (id: number) => boolean = () => true): AdaptiveJoin {
  return {
    joinType,
    hasEquiKeys: keys.leftKeys.length > 0,
    mapTasks: () => {
      const [leftMaps, rightMaps] = [left.base.getNumPartitions(), right.base.getNumPartitions()];
      return firstSide(joinType, shuffledBuild) === 'right'
        ? { left: [rightMaps, rightMaps + leftMaps], right: [0, rightMaps] }
        : { left: [0, leftMaps], right: [leftMaps, leftMaps + rightMaps] };
    },
    broadcast: (build: 'left' | 'right', shuffleRead: RDD<unknown>) => {
      const streamSide = build === 'right' ? 0 : 1;
      // A shuffled row holds the columns something reads (join.ts carriedLayout): back to full width.
      const layout = carriedLayout(outputAfter(build === 'right' ? left : right), isRead);
      const ctx = new CodegenContext();
      ctx.env.joinRecords = JOIN_BATCH_RUNTIME.ref('joinRecords');
      const body = `for (const record of env.joinRecords(input)) if (record[1][0] === ${streamSide}) { const row = record[1][1]; yield ${fullRow(layout, 'row')}; }`;
      const rows = streamPartitionsGenerated<unknown[]>(shuffleRead, ctx, body, site);
      const stream = pipelineOf(rows, layout.output);
      return build === 'right'
        ? broadcastHashJoin(stream, right, build, joinType, keys, keys.residual, site, isRead)
        : broadcastHashJoin(left, stream, build, joinType, keys, keys.residual, site, isRead);
    },
  };
}
