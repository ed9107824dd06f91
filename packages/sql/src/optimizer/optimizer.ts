/**
 * The rule-based optimizer: batches of rewrites run to a fixed point (Catalyst's RuleExecutor,
 * small). Each rule is a pure function from plan to plan in its own file.
 */
import type { LogicalPlan } from '../plan/logical-plan.js';
import { foldConstants } from './constant-folding.js';
import { simplifyBooleans } from './boolean-simplification.js';
import { pushDownFilters } from './push-filters.js';
import { pushSemiJoins } from './push-semi-joins.js';
import { reorderJoins } from './reorder-joins.js';
import { expandGroupingSets } from './expand-grouping-sets.js';
import { withSessionTimeZone } from './session-time-zone.js';
import { withLegacyArithmetic } from './session-ansi-mode.js';
import { dropHints, moveHintsToJoins } from './join-hints.js';
import { eliminateSubqueryAliases } from './eliminate-subquery-aliases.js';
import { pruneColumns } from './column-pruning.js';
import { collapseProjects } from './collapse-project.js';
import { removeNoopOperators } from './remove-noop-operators.js';
import { removeRedundantAliases } from './remove-redundant-aliases.js';
import { combineLimits } from './combine-limits.js';

export interface Rule {
  readonly name: string;
  apply(plan: LogicalPlan): LogicalPlan;
}

const RULES: readonly Rule[] = [
  { name: 'ExpandGroupingSets', apply: expandGroupingSets },
  { name: 'EliminateLimits', apply: combineLimits },
  { name: 'ConstantFolding', apply: foldConstants },
  { name: 'BooleanSimplification', apply: simplifyBooleans },
  { name: 'PushDownPredicates', apply: pushDownFilters },
  { name: 'PushLeftSemiLeftAntiThroughJoin', apply: pushSemiJoins },
  { name: 'ReorderJoin', apply: reorderJoins },
];

/**
 * Run once the rules above are done, so that the projections they add do not stand between the
 * filters and joins those rules move.
 */
const PRUNING_RULES: readonly Rule[] = [
  { name: 'ColumnPruning', apply: pruneColumns },
  { name: 'CollapseProject', apply: collapseProjects },
  { name: 'RemoveNoopOperators', apply: removeNoopOperators },
  { name: 'RemoveRedundantAliases', apply: removeRedundantAliases },
];

const MAX_ITERATIONS = 20;

/**
 * `timeZone`: the session's (asked for only if an expression reads it), given to the expressions
 * that read one before the rules run;
 * `ansi` false (spark.sql.ansi.enabled=false) puts arithmetic and casts in Spark's legacy mode.
 */
export function optimize(plan: LogicalPlan, timeZone?: () => string, ansi = true): LogicalPlan {
  const hinted = eliminateSubqueryAliases(dropHints(moveHintsToJoins(plan)));
  const zoned = timeZone === undefined ? hinted : withSessionTimeZone(hinted, timeZone);
  return toFixedPoint(PRUNING_RULES, toFixedPoint(RULES, ansi ? zoned : withLegacyArithmetic(zoned)));
}

function toFixedPoint(rules: readonly Rule[], plan: LogicalPlan): LogicalPlan {
  let current = plan;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const next = rules.reduce((p, rule) => rule.apply(p), current);
    if (next === current) return next;
    current = next;
  }
  return current;
}
