/**
 * Spark's join strategy hints by name (BROADCAST, BROADCASTJOIN, MAPJOIN; MERGE, SHUFFLE_MERGE,
 * MERGEJOIN; SHUFFLE_HASH; SHUFFLE_REPLICATE_NL), and how a hint marks a plan: `df.hint(...)` and
 * SQL's `SELECT /*+ BROADCAST(t) *\/` put `hint` nodes that the optimizer moves onto the joins
 * (optimizer/join-hints.ts).
 */
import { transformPlanUp, type JoinStrategyHint, type LogicalPlan } from './logical-plan.js';

export const JOIN_HINTS: Readonly<Record<string, JoinStrategyHint>> = {
  BROADCAST: 'broadcast',
  BROADCASTJOIN: 'broadcast',
  MAPJOIN: 'broadcast',
  SHUFFLE_MERGE: 'shuffle_merge',
  MERGE: 'shuffle_merge',
  MERGEJOIN: 'shuffle_merge',
  SHUFFLE_HASH: 'shuffle_hash',
  SHUFFLE_REPLICATE_NL: 'shuffle_replicate_nl',
};

/** The plan with a hint over it, or, given table names, over each table, view or alias of those names in it. */
export function withJoinHint(plan: LogicalPlan, strategy: JoinStrategyHint, tables: readonly string[]): LogicalPlan {
  if (tables.length === 0) return { kind: 'hint', child: plan, strategy };
  const names = new Set(tables.map((t) => t.toLowerCase()));
  const named = (p: LogicalPlan): boolean =>
    (p.kind === 'subqueryAlias' && names.has(p.alias.toLowerCase())) || (p.kind === 'unresolvedRelation' && names.has(p.name.toLowerCase()));
  return transformPlanUp(plan, (p) => (named(p) ? { kind: 'hint', child: p, strategy } : p));
}
