/**
 * How many partitions a shuffled join hashes into before adaptive execution coalesces them: enough
 * that each holds about the advisory size of the join's estimated input, at least the shuffle
 * partitions and at most `coalescePartitions.initialPartitionNum` (Spark starts every shuffle at
 * its 200 shuffle partitions; a small join here keeps the few it needs, as each partition costs
 * every map task a bucket and the reduce side a read).
 */
import type { LogicalPlan, PlanOf } from '../../plan/logical-plan.js';
import type { AdaptiveOptions } from './adaptive-options.js';

export function initialJoinPartitions(join: PlanOf<'join'>, shufflePartitions: number, options: AdaptiveOptions): number {
  const left = producedBytes(join.left);
  const right = producedBytes(join.right);
  const wanted = left === undefined || right === undefined ? options.initialPartitionNum : Math.ceil((left + right) / options.advisoryPartitionSize);
  return Math.max(shufflePartitions, Math.min(wanted, options.initialPartitionNum));
}

/**
 * The bytes a plan produces, roughly: its leaves' sizes passed up through every operator, a join or
 * a union as the sum of its sides, a semi or anti join as its left side (an overestimate after filters and projections, which is what a
 * partition count wants: coalescing then merges the partitions that turn out small).
 */
export function producedBytes(p: LogicalPlan): number | undefined {
  switch (p.kind) {
    case 'relation':
      return p.source.sizeInBytes;
    case 'unresolvedRelation':
      return undefined;
    case 'join':
    case 'setOp': {
      // A semi or anti join keeps some of its left side's rows (an existence join each, and a flag).
      if (p.kind === 'join' && (p.joinType === 'left_semi' || p.joinType === 'left_anti' || p.joinType === 'existence')) return producedBytes(p.left);
      const left = producedBytes(p.left);
      const right = producedBytes(p.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    default:
      return producedBytes(p.child);
  }
}
