/**
 * Join selection (Spark's JoinSelection, by size): a join with equality keys broadcasts a side
 * whose estimated size is at most `flint.sql.autoBroadcastJoinThreshold` (10 MB by default, -1
 * turns it off) and that the join type allows (not the side whose unmatched rows are kept);
 * otherwise both sides are shuffled. Sizes come from the leaves (in-memory rows, files) and
 * pass through filters and projections as upper bounds; a global aggregate is one row, a limit
 * its rows; grouped aggregates and joins are unknown.
 */
import type { LogicalPlan } from '../plan/logical-plan.js';
import { broadcastableSides } from './broadcast-join.js';
import { producedBytes } from './adaptive/initial-partitions.js';
import { equiJoinKeys } from './join.js';
import { buildsKeptSide } from './nested-loop-join.js';
import { outputOf } from '../plan/output.js';

export const DEFAULT_BROADCAST_THRESHOLD = 10 * 1024 * 1024;

/** The size taken for a row whose size is not known from its source. */
const ROW_BYTES = 64;

export type JoinStrategy = { readonly kind: 'broadcast'; readonly build: 'left' | 'right' } | { readonly kind: 'shuffle' } | { readonly kind: 'cartesian' };

export function estimatedSize(p: LogicalPlan): number | undefined {
  switch (p.kind) {
    case 'relation':
      return p.source.sizeInBytes;
    case 'project':
    case 'filter':
    case 'subqueryAlias':
    case 'sort':
    case 'sample':
    case 'distinct':
    case 'repartition':
    case 'cached':
    case 'hint':
    case 'collectMetrics':
      return estimatedSize(p.child);
    case 'limit': {
      const child = estimatedSize(p.child);
      return child === undefined ? p.n * ROW_BYTES : Math.min(child, p.n * ROW_BYTES);
    }
    case 'aggregate':
      // Without grouping, one row (an uncorrelated scalar subquery's aggregate, Spark's estimate too).
      return p.groupBy.length === 0 && p.groupingSets === undefined ? ROW_BYTES : undefined;
    default:
      return undefined;
  }
}

/**
 * A join without equality keys (a condition of other kinds, or none) is broadcast the same way
 * when a side is small, and also when only the side whose unmatched rows it keeps is: every row of
 * the other side is tested against all its rows, where it is (Spark's BroadcastNestedLoopJoin);
 * not broadcast, an inner one is a cartesian product of the sides' partitions and any other sends
 * both sides to one partition.
 */
export function chooseJoin(p: Extract<LogicalPlan, { kind: 'join' }>, threshold: number): JoinStrategy {
  const strategy = hintedJoin(p) ?? joinBySize(p, threshold);
  return strategy.kind === 'shuffle' && isCartesian(p) ? { kind: 'cartesian' } : strategy;
}

/**
 * An inner (or cross) join without equality keys that is not broadcast: Spark's CartesianProduct,
 * each partition of one side paired with each of the other (cartesian-product.ts).
 */
function isCartesian(p: Extract<LogicalPlan, { kind: 'join' }>): boolean {
  if (p.joinType !== 'inner' && p.joinType !== 'cross') return false;
  return equiJoinKeys(p.condition, outputOf(p.left), outputOf(p.right)).leftKeys.length === 0;
}

function joinBySize(p: Extract<LogicalPlan, { kind: 'join' }>, threshold: number): JoinStrategy {
  if (threshold < 0) return { kind: 'shuffle' };
  const fitting = (sides: ('left' | 'right')[]) =>
    sides
      .map((side) => ({ side, size: estimatedSize(side === 'left' ? p.left : p.right) }))
      .filter((c): c is { side: 'left' | 'right'; size: number } => c.size !== undefined && c.size <= threshold)
      .sort((a, b) => a.size - b.size);
  const candidates = fitting(broadcastableSides(p.joinType));
  if (candidates.length > 0) return { kind: 'broadcast', build: candidates[0].side };
  // Without keys, Spark broadcasts whichever side fits (BroadcastNestedLoopJoin building the side
  // whose unmatched rows are kept: nested-loop-join.ts) rather than gather both into one task.
  const kept = fitting(keptSides(p));
  return kept.length === 0 ? { kind: 'shuffle' } : { kind: 'broadcast', build: kept[0].side };
}

/** The sides a keyless join may also build whose unmatched rows it keeps (none for a join with keys). */
function keptSides(p: Extract<LogicalPlan, { kind: 'join' }>): ('left' | 'right')[] {
  if (equiJoinKeys(p.condition, outputOf(p.left), outputOf(p.right)).leftKeys.length > 0) return [];
  return (['left', 'right'] as const).filter((side) => buildsKeptSide(p.joinType, side));
}

/**
 * Spark's join strategy hints: a side hinted BROADCAST is broadcast whatever its size and the
 * threshold, if the join type lets it be built (without keys, also the side the join keeps, as
 * Spark's BroadcastNestedLoopJoin; both hinted: the smaller); any other hint
 * (MERGE, SHUFFLE_HASH, SHUFFLE_REPLICATE_NL) asks for a shuffled join. Unusable hints are ignored.
 */
function hintedJoin(p: Extract<LogicalPlan, { kind: 'join' }>): JoinStrategy | undefined {
  const hints = p.hints;
  if (hints === undefined) return undefined;
  const sides = [...broadcastableSides(p.joinType), ...keptSides(p)].filter((side) => hints[side] === 'broadcast');
  if (sides.length > 0) {
    const size = (side: 'left' | 'right') => estimatedSize(side === 'left' ? p.left : p.right) ?? Infinity;
    return { kind: 'broadcast', build: sides.reduce((a, b) => (size(b) < size(a) ? b : a)) };
  }
  const shuffleHinted = [hints.left, hints.right].some((h) => h !== undefined && h !== 'broadcast');
  return shuffleHinted ? { kind: 'shuffle' } : undefined;
}

/**
 * The side a shuffled join keeps in its hash table: the smaller one by produced bytes for an inner
 * join (Spark's ShuffledHashJoin builds the smaller side), else the right side (a join that keeps
 * unmatched left rows streams them; with unknown or equal sizes, the right side too).
 */
export function shuffledBuildSide(p: Extract<LogicalPlan, { kind: 'join' }>): 'left' | 'right' {
  if (p.joinType !== 'inner') return 'right';
  const left = producedBytes(p.left);
  const right = producedBytes(p.right);
  return left !== undefined && right !== undefined && left < right ? 'left' : 'right';
}
