/**
 * Subqueries become joins (Spark's RewritePredicateSubquery and RewriteCorrelatedScalarSubquery):
 *
 *   WHERE EXISTS (q)          -> left semi join with q on q's correlated predicates
 *   WHERE NOT EXISTS (q)      -> left anti join
 *   WHERE x [NOT] IN (q)      -> left semi [anti] join on x = q's column (and the correlation);
 *                                uncorrelated NOT IN a null-aware anti join, correlated NOT IN
 *                                an anti join on (x = y OR isnull(x = y)) and the correlation
 *   (q) as a value            -> left join with q (one row; or, when q is correlated through an
 *                                aggregate, q grouped by its correlation columns), then the column
 *   [NOT] IN / EXISTS elsewhere -> existence join adding a boolean `exists` column (under OR, in
 *                                SELECT, in CASE: Spark's ExistenceJoin)
 *
 * Decorrelation pulls the predicates that read the enclosing query's columns out of the
 * subquery's filters, up through projections (which then keep the columns those predicates read)
 * and aggregates (which then group by them), so they can become the join condition.
 */
import { aliasOf, binaryOf, callOf, collect, literalOf, newExprId, referencedIds, transformDown, unaryOf, type Attr, type Expr, type NamedExpr } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { conjunction, splitConjuncts } from '../expr/predicates.js';
import { AnalysisException } from './analysis-error.js';
import { prettyName } from '../expr/names.js';
import { resolveExpression } from './resolve-expression.js';
import { joinCountingNoRows, valueOnNoRows } from './count-bug.js';
import { correlatedPredicateError, domainAggregate, pullsUpOverAggregate } from './domain-join.js';

type Subquery = Extract<Expr, { kind: 'subquery' }>;

const hasSubquery = (e: Expr) => collect(e, (x): x is Subquery => x.kind === 'subquery').length > 0;

export function planHasSubquery(exprs: readonly Expr[]): boolean {
  return exprs.some(hasSubquery);
}

/** A filter whose condition holds subqueries, as joins under a filter, projected back to its columns. */
export function rewriteFilterSubqueries(f: PlanOf<'filter'>): LogicalPlan {
  const originalOutput = outputOf(f.child);
  let child = f.child;
  const remaining: Expr[] = [];
  for (const c of splitConjuncts(f.condition)) {
    const negated = c.kind === 'unary' && c.op === 'NOT' && c.child.kind === 'subquery' && c.child.mode !== 'scalar';
    const sub = negated ? (c as { child: Expr }).child : c;
    if (sub.kind === 'subquery' && sub.mode !== 'scalar') {
      const { plan, predicates } = decorrelatedPredicate(sub, outerIds(child));
      const conditions = [...predicates];
      // Uncorrelated NOT IN is a null-aware anti join on x = y (the join knows whether the subquery
      // is empty or holds a null); correlated, it is Spark's anti join on
      // `(x = y OR isnull(x = y)) AND correlation`: a null x, or a null y among the rows the
      // correlation selects, drops the row unless the correlation selects none.
      // `(a, b) IN (q)` compares column by column; NOT IN then needs the condition form too.
      const values = sub.mode === 'in' ? inValues(sub, outputOf(sub.plan)) : [];
      const nullAware = negated && values.length === 1 && predicates.length === 0;
      const equalities = values.map((value, i) => resolveExpression(binaryOf('=', value, outputOf(plan)[i]), [...outputOf(child), ...outputOf(plan)]));
      conditions.unshift(...(negated && !nullAware ? equalities.map((equal) => binaryOf('OR', equal, unaryOf('IS NULL', equal))) : equalities));
      child = { kind: 'join', left: child, right: plan, joinType: negated ? 'left_anti' : 'left_semi', condition: conjunction(conditions), ...(nullAware ? { nullAware } : {}) };
      continue;
    }
    remaining.push(c);
  }
  const scalar = joinScalarSubqueries(child, remaining);
  const condition = conjunction(scalar.exprs);
  const filtered: LogicalPlan = condition ? { kind: 'filter', child: scalar.plan, condition } : scalar.plan;
  return sameOutput(filtered, originalOutput) ? filtered : { kind: 'project', child: filtered, exprs: originalOutput };
}

/**
 * The values an IN subquery compares with its columns: the items of a row `(a, b)` when the
 * subquery has as many columns, else the one value; any other count is Spark's analysis error.
 */
function inValues(sub: Subquery, columns: readonly Attr[]): Expr[] {
  const child = sub.child!;
  // The row is a struct of its items (resolved: named_struct(name1, item1, name2, item2, ...)).
  const items = child.kind !== 'call' ? [] : child.name === 'struct' ? child.args : child.name === 'named_struct' ? child.args.filter((_, i) => i % 2 === 1) : [];
  const row = items.length > 1 && columns.length > 1 ? items : [child];
  if (row.length === columns.length) return [...row];
  const quoted = (e: Expr) => `"${prettyName(e)}"`;
  throw new AnalysisException(
    'DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH',
    `Cannot resolve "${prettyName(sub)}" due to data type mismatch: The number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: ${row.length}): [${row.map(quoted).join(', ')}], right hand side columns(length: ${columns.length}): [${columns.map(quoted).join(', ')}]. SQLSTATE: 42K09`,
  );
}

/**
 * An aggregate whose grouping or output expressions hold subqueries, over the joins with them
 * (GROUP BY EXISTS (...) groups by the joined flag). A joined column read in an output outside an
 * aggregate function is read through first(), as Spark's RewritePredicateSubquery wraps an exists
 * flag (spark.sql.optimizer.wrapExistsInAggregateFunction): within a group its value is one.
 */
export function rewriteAggregateSubqueries(p: PlanOf<'aggregate'>, isAggregateCall: (e: Expr) => boolean): LogicalPlan {
  const { plan, exprs } = joinScalarSubqueries(p.child, [...p.groupBy, ...p.aggregates]);
  const before = new Set(outputOf(p.child).map((a) => a.id));
  const joined = outputOf(plan);
  const groupBy = exprs.slice(0, p.groupBy.length);
  const grouped = new Set(groupBy.flatMap((g) => (g.kind === 'attr' ? [g.id] : [])));
  const wrap = (e: Expr) =>
    transformDown(e, (x) => {
      if (isAggregateCall(x)) return x;
      return x.kind === 'attr' && !before.has(x.id) && !grouped.has(x.id) ? resolveExpression(callOf('first', [x]), joined) : undefined;
    });
  return { ...p, child: plan, groupBy, aggregates: exprs.slice(p.groupBy.length).map(wrap) };
}

/** A projection holding scalar subqueries, over left joins with them. */
export function rewriteProjectSubqueries(p: PlanOf<'project'>): LogicalPlan {
  const { plan, exprs } = joinScalarSubqueries(p.child, p.exprs);
  return { kind: 'project', child: plan, exprs: exprs as NamedExpr[] };
}

/**
 * One subquery (or `NOT (x IN (q))`) as a value over `plan`: `plan` with the join that computes
 * it, and the expression that replaces it (see joinScalarSubqueries).
 */
export function subqueryAsValue(plan: LogicalPlan, subquery: Expr): { plan: LogicalPlan; value: Expr } {
  const joined = joinScalarSubqueries(plan, [subquery]);
  return { plan: joined.plan, value: joined.exprs[0] };
}

/**
 * Subqueries as values: a scalar one becomes a left join and its column; an IN or EXISTS one
 * (under OR, in SELECT, in CASE) an existence join and its `exists` column, as Spark's
 * RewritePredicateSubquery does. `x NOT IN (q)` is the existence join on
 * `(x = y OR isnull(x = y))` (null-aware), negated: false when x or a y is null, as in Spark.
 */
function joinScalarSubqueries(child: LogicalPlan, exprs: readonly Expr[]): { plan: LogicalPlan; exprs: Expr[] } {
  let plan = child;
  const existenceJoin = (sub: Subquery, negated: boolean): Expr => {
    const { plan: right, predicates } = decorrelatedPredicate(sub, outerIds(plan));
    const values = sub.mode === 'in' ? inValues(sub, outputOf(sub.plan)) : [];
    const nullAware = negated && values.length === 1 && predicates.length === 0;
    const equalities = values.map((value, i) => resolveExpression(binaryOf('=', value, outputOf(right)[i]), [...outputOf(plan), ...outputOf(right)]));
    const keys = negated && !nullAware ? equalities.map((equal) => binaryOf('OR', equal, unaryOf('IS NULL', equal))) : equalities;
    const exists: Attr = { kind: 'attr', id: newExprId(), name: 'exists', dataType: Types.boolean, nullable: false };
    plan = { kind: 'join', left: plan, right, joinType: 'existence', condition: conjunction([...keys, ...predicates]), exists, ...(nullAware ? { nullAware } : {}) };
    return negated ? unaryOf('NOT', exists) : exists;
  };
  // A subquery met again (a select item that is a grouping expression: the same node) reads the
  // join made for it; NOT IN has its own (null-aware) join.
  const joinedAlready = [new Map<Subquery, Expr>(), new Map<Subquery, Expr>()];
  const once = (sub: Subquery, negated: boolean): Expr => {
    const joined = joinedAlready[negated ? 1 : 0]!;
    const value = joined.get(sub) ?? (negated ? existenceJoin(sub, true) : joinSubquery(sub));
    joined.set(sub, value);
    return value;
  };
  const joinSubquery = (x: Subquery): Expr => {
    if (x.mode !== 'scalar') return existenceJoin(x, false);
    const single = atMostOneRow(x.plan);
    const { plan: sub, predicates } = decorrelate(single.plan, outerIds(plan), plan);
    if (predicates.length === 0) {
      // Uncorrelated, the value (and its too-many-rows error) is computed on the subquery's side, so
      // that it fails even when no outer row reads it, as Spark evaluates the subquery first.
      const valued = single.counted ? valueOnOwnSide(sub, single.value) : sub;
      plan = { kind: 'join', left: plan, right: valued, joinType: 'left', condition: undefined };
      return outputOf(valued)[0];
    }
    const onNoRows = valueOnNoRows(x.plan, sub);
    if (onNoRows === undefined) {
      plan = { kind: 'join', left: plan, right: sub, joinType: 'left', condition: conjunction(predicates) };
      return single.value(outputOf(sub));
    }
    // The COUNT bug (count-bug.ts): no inner row, the no-rows value.
    const joined = joinCountingNoRows(plan, sub, predicates, onNoRows);
    plan = joined.plan;
    return joined.value;
  };
  const rewritten = exprs.map((e) =>
    transformDown(e, (x) => {
      if (x.kind === 'unary' && x.op === 'NOT' && x.child.kind === 'subquery' && x.child.mode === 'in') return once(x.child, true);
      return x.kind === 'subquery' ? once(x, false) : undefined;
    }),
  );
  return { plan, exprs: rewritten };
}

/**
 * A scalar subquery's plan as one row: a plan that may return several (not an aggregate without
 * grouping, not LIMIT 1) is aggregated to its first value and its row count, and its value is
 * scalar_subquery_value(count, value), Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS for a second row, as
 * Spark's scalar subquery (and its LeftSingle join, when correlated) fails. Correlated, the
 * aggregate groups by the correlation as any subquery aggregate: one row per outer row, and only
 * an outer row that meets several fails.
 */
function atMostOneRow(plan: LogicalPlan): { plan: LogicalPlan; counted: boolean; value: (columns: readonly Attr[]) => Expr } {
  if (returnsOneRow(plan)) return { plan, counted: false, value: (columns) => columns[0] };
  const [value] = outputOf(plan);
  const first = aliasOf(resolveExpression(callOf('first', [value]), [value]), value.name);
  const rows = aliasOf(resolveExpression(callOf('count', [literalOf(1, Types.int)]), [value]), 'rows');
  return {
    plan: { kind: 'aggregate', child: plan, groupBy: [], aggregates: [first, rows] },
    counted: true,
    value: (columns) => resolveExpression(callOf('scalar_subquery_value', [columns[1], columns[0]]), columns),
  };
}

function returnsOneRow(p: LogicalPlan): boolean {
  switch (p.kind) {
    case 'subqueryAlias':
    case 'project':
    case 'filter':
      return returnsOneRow(p.child);
    case 'aggregate':
      return p.groupBy.length === 0 && p.groupingSets === undefined;
    case 'limit':
      return p.n <= 1;
    default:
      return false;
  }
}

/** The counted subquery's value as the one column of a projection over its aggregate. */
function valueOnOwnSide(counted: LogicalPlan, value: (columns: readonly Attr[]) => Expr): LogicalPlan {
  const columns = outputOf(counted);
  return { kind: 'project', child: counted, exprs: [aliasOf(value(columns), columns[0].name)] };
}

/** The ids of the enclosing plan's columns (those a correlated subquery may read). */
function outerIds(outer: LogicalPlan): Set<number> {
  return new Set(outputOf(outer).map((a) => a.id));
}

/**
 * An IN or EXISTS subquery's plan and correlation. An uncorrelated EXISTS needs one row at most
 * (Spark's RewriteNonCorrelatedExists puts a LIMIT 1 on it): the join with it then has a side of
 * one row, which is broadcast rather than both sides gathered into one partition.
 */
function decorrelatedPredicate(sub: Subquery, outer: Set<number>): Decorrelated {
  const decorrelated = decorrelate(sub.plan, outer);
  if (sub.mode !== 'exists' || decorrelated.predicates.length > 0) return decorrelated;
  return { plan: { kind: 'limit', child: decorrelated.plan, n: 1, offset: 0 }, predicates: [] };
}

interface Decorrelated {
  readonly plan: LogicalPlan;
  readonly predicates: Expr[];
}

/** `outer`: the plan a scalar subquery's rows join, for a domain join (domain-join.ts). */
function decorrelate(p: LogicalPlan, outerIds: Set<number>, outer?: LogicalPlan): Decorrelated {
  const readsOuter = (e: Expr) => [...referencedIds(e)].some((id) => outerIds.has(id));
  switch (p.kind) {
    case 'filter': {
      const below = decorrelate(p.child, outerIds, outer);
      const local: Expr[] = [];
      const correlated: Expr[] = [];
      for (const c of splitConjuncts(p.condition)) (readsOuter(c) ? correlated : local).push(c);
      const condition = conjunction(local);
      return { plan: condition ? { ...p, child: below.plan, condition } : below.plan, predicates: [...below.predicates, ...correlated] };
    }
    case 'subqueryAlias': {
      const below = decorrelate(p.child, outerIds, outer);
      return { plan: { ...p, child: below.plan }, predicates: below.predicates };
    }
    case 'project': {
      const below = decorrelate(p.child, outerIds, outer);
      if (below.predicates.length === 0) return { plan: p, predicates: [] };
      const kept = new Set(outputOf(p).map((a) => a.id));
      const needed = innerAttrs(below.predicates, below.plan).filter((a) => !kept.has(a.id));
      return { plan: { ...p, child: below.plan, exprs: [...p.exprs, ...needed] }, predicates: below.predicates };
    }
    case 'aggregate': {
      const below = decorrelate(p.child, outerIds, outer);
      if (below.predicates.length === 0) return { plan: p, predicates: [] };
      const unsupported = below.predicates.filter((c) => !pullsUpOverAggregate(c, outerIds));
      if (unsupported.length > 0) {
        if (outer === undefined) throw correlatedPredicateError(unsupported, p);
        return domainAggregate(p, below.plan, below.predicates, outer);
      }
      const keys = innerAttrs(below.predicates, below.plan);
      return { plan: { ...p, child: below.plan, groupBy: [...p.groupBy, ...keys], aggregates: [...p.aggregates, ...keys] }, predicates: below.predicates };
    }
    default:
      if (planReads(p, outerIds)) {
        throw new AnalysisException('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY', `Correlated column references are supported only in the WHERE clause of a subquery (found under ${p.kind}). SQLSTATE: 0A000`);
      }
      return { plan: p, predicates: [] };
  }
}

/** The subquery's own columns that the pulled-up predicates read. */
function innerAttrs(predicates: Expr[], inner: LogicalPlan): Attr[] {
  const available = new Map(outputOf(inner).map((a) => [a.id, a]));
  const ids = new Set(predicates.flatMap((e) => [...referencedIds(e)]));
  return [...ids].filter((id) => available.has(id)).map((id) => available.get(id)!);
}

function planReads(p: LogicalPlan, ids: Set<number>): boolean {
  const exprs: Expr[] = [];
  switch (p.kind) {
    case 'join':
      if (p.condition) exprs.push(p.condition);
      return exprs.some((e) => [...referencedIds(e)].some((id) => ids.has(id))) || planReads(p.left, ids) || planReads(p.right, ids);
    case 'relation':
    case 'unresolvedRelation':
      return false;
    case 'setOp':
      return planReads(p.left, ids) || planReads(p.right, ids);
    default:
      return planReads((p as { child: LogicalPlan }).child, ids);
  }
}

function sameOutput(p: LogicalPlan, output: readonly Attr[]): boolean {
  const now = outputOf(p);
  return now.length === output.length && now.every((a, i) => a.id === output[i].id);
}
