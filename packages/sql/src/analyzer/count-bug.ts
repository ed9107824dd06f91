/**
 * The COUNT bug of correlated scalar subqueries (Spark's RewriteCorrelatedScalarSubquery): a
 * subquery such as `(SELECT count(*) FROM t WHERE t.k = outer.k)` or
 * `(SELECT coalesce(sum(x), 0) ...)` has a value, 0, for an outer row no inner row matches, but
 * the left join it becomes gives null there. As Spark does, the subquery is evaluated on no rows
 * (each aggregate's value on no rows, then the expressions above it, folded); when that value is
 * not null, a column that is always true is joined with the subquery, and a null in it means "no
 * inner row": the value is then the no-rows value. A HAVING clause is pulled above the join: a
 * matched row that fails it gives null.
 */
import { aliasOf, literalOf, stripAlias, transformDown, unaryOf, type Attr, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { Types } from '../expr/types-used.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { aggregateOnNoRows, foldExpression } from '../optimizer/constant-folding.js';
import { conjunction } from '../expr/predicates.js';
import { dataTypeOf } from './type-of.js';
import { resolveExpression } from './resolve-expression.js';

/** Each output column's value on no input rows, by id (empty: the plan has no row then). */
type Bindings = ReadonlyMap<number, Expr>;

const nullOf = (e: Expr): Expr => literalOf(null, dataTypeOf(e));
const isNullLiteral = (e: Expr) => e.kind === 'literal' && e.value === null;

/**
 * The value on no rows of a correlated scalar subquery, once decorrelated (its aggregate grouped
 * by the correlation columns), when it is not null; undefined otherwise, and when the subquery
 * has a GROUP BY of its own (then it has no row on no input: Spark's mayHaveCountBug is false).
 */
export function valueOnNoRows(subquery: LogicalPlan, decorrelated: LogicalPlan): Expr | undefined {
  const aggregate = innermostAggregate(subquery);
  if (aggregate === undefined || aggregate.groupBy.length > 0 || aggregate.groupingSets !== undefined) return undefined;
  const value = evaluateOnNoRows(decorrelated)?.get(outputOf(decorrelated)[0].id);
  return value === undefined || isNullLiteral(value) ? undefined : value;
}

/** The aggregate under the subquery's projections, aliases and HAVING filter. */
function innermostAggregate(p: LogicalPlan): PlanOf<'aggregate'> | undefined {
  switch (p.kind) {
    case 'aggregate':
      return p;
    case 'subqueryAlias':
    case 'project':
    case 'filter':
      return innermostAggregate(p.child);
    default:
      return undefined;
  }
}

/** Spark's evalSubqueryOnZeroTups: the plan's columns on no input (undefined: not statically known). */
function evaluateOnNoRows(p: LogicalPlan): Bindings | undefined {
  switch (p.kind) {
    case 'subqueryAlias':
      return evaluateOnNoRows(p.child);
    case 'aggregate':
      // The correlation columns it groups by are null; aggregates take their value on no rows.
      return new Map(p.aggregates.map((e) => [idOf(e), foldExpression(aggregatesOnNoRows(stripAlias(e)))]));
    case 'project': {
      const below = evaluateOnNoRows(p.child);
      if (below === undefined || below.size === 0) return below;
      return new Map(p.exprs.map((e) => [idOf(e), bind(stripAlias(e), below)]));
    }
    case 'filter': {
      const below = evaluateOnNoRows(p.child);
      if (below === undefined || below.size === 0) return below;
      const condition = bind(p.condition, below);
      // A condition known only when the query runs (a nondeterministic call) guards each value.
      if (condition.kind !== 'literal') return new Map([...below].map(([id, e]) => [id, { kind: 'caseWhen', branches: [[condition, e]], otherwise: nullOf(e) }]));
      return condition.value === true ? below : new Map();
    }
    default:
      return undefined;
  }
}

function idOf(e: Expr): number {
  if (e.kind !== 'alias' && e.kind !== 'attr') throw new Error(`a ${e.kind} expression where a named column was expected`);
  return e.id;
}

function aggregatesOnNoRows(e: Expr): Expr {
  return transformDown(e, (x) => {
    if (x.kind === 'attr') return nullOf(x);
    const def = x.kind === 'call' ? lookupFunction(x.name) : undefined;
    return x.kind === 'call' && def?.type === 'aggregate' ? aggregateOnNoRows(x, def) : undefined;
  });
}

function bind(e: Expr, bindings: Bindings): Expr {
  return foldExpression(transformDown(e, (x) => (x.kind === 'attr' ? (bindings.get(x.id) ?? nullOf(x)) : undefined)));
}

/**
 * `outer` left-joined with the decorrelated subquery on its correlation `predicates`, and the
 * subquery's value: `onNoRows` where no inner row matched.
 */
export function joinCountingNoRows(outer: LogicalPlan, subquery: LogicalPlan, predicates: readonly Expr[], onNoRows: Expr): { plan: LogicalPlan; value: Expr } {
  const { root, having } = pullUpHaving(subquery);
  const alwaysTrue = aliasOf(literalOf(true, Types.boolean), 'alwaysTrue');
  const right: LogicalPlan = { kind: 'project', child: root, exprs: [...outputOf(root), alwaysTrue] };
  const plan: LogicalPlan = { kind: 'join', left: outer, right, joinType: 'left', condition: conjunction([...predicates]) };
  const value = outputOf(subquery)[0];
  const noRow = unaryOf('IS NULL', outputOf(right).at(-1)!);
  const failsHaving: [Expr, Expr][] = having === undefined ? [] : [[unaryOf('NOT', having), nullOf(value)]];
  const caseWhen: Expr = { kind: 'caseWhen', branches: [[noRow, onNoRows], ...failsHaving], otherwise: value };
  return { plan, value: resolveExpression(caseWhen, outputOf(plan)) };
}

/**
 * The subquery without its HAVING filter (the filter right above its aggregate), the projections
 * above passing the aggregate's columns through, and the filter's condition (Spark's
 * splitSubquery); the subquery itself when it has none.
 */
function pullUpHaving(p: LogicalPlan): { root: LogicalPlan; having?: Expr } {
  switch (p.kind) {
    case 'filter':
      return p.child.kind === 'aggregate' ? { root: p.child, having: p.condition } : { root: p };
    case 'subqueryAlias': {
      const below = pullUpHaving(p.child);
      return below.having === undefined ? { root: p } : { root: { ...p, child: below.root }, having: below.having };
    }
    case 'project': {
      const below = pullUpHaving(p.child);
      if (below.having === undefined) return { root: p };
      const kept = new Set(outputOf(p).map((a) => a.id));
      const passed: Attr[] = outputOf(below.root).filter((a) => !kept.has(a.id));
      return { root: { ...p, child: below.root, exprs: [...p.exprs, ...passed] }, having: below.having };
    }
    default:
      return { root: p };
  }
}
