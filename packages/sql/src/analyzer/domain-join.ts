/**
 * Correlated predicates that cannot be pulled above a subquery's aggregate by grouping it by the
 * inner columns they read (Spark's DecorrelateInnerQuery.canPullUpOverAgg): `y > outer.x`, or
 * `a + b = outer.c`, where rows of different inner values belong to the same outer row. A scalar
 * subquery is then decorrelated as Spark's DecorrelateInnerQuery does, with a domain join: the
 * distinct values of the outer columns the predicates read (the domain) are joined with the inner
 * rows on the predicates, the aggregate groups by those domain columns too, and the subquery joins
 * the outer rows on `outer column <=> domain column`. An IN or EXISTS subquery is Spark's error.
 */
import { aliasOf, binaryOf, referencedIds, transformDown, type Attr, type Expr } from '../expr/expression.js';
import { conjunction } from '../expr/predicates.js';
import { isNumeric, sameType, widerNumeric } from '../expr/type-rules.js';
import { planString } from '../expr/names.js';
import { namedToAttr, outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { planTreeString } from '../plan/tree-string.js';
import { AnalysisException } from './analysis-error.js';
import { resolveExpression } from './resolve-expression.js';

/** Whether grouping by the inner side keeps one group per outer row: `inner column = outer expression`. */
export function pullsUpOverAggregate(predicate: Expr, outerIds: ReadonlySet<number>): boolean {
  if (predicate.kind !== 'binary' || (predicate.op !== '=' && predicate.op !== '<=>')) return false;
  const readsOnlyOuter = (e: Expr) => {
    const ids = [...referencedIds(e)];
    return ids.length > 0 && ids.every((id) => outerIds.has(id));
  };
  const [inner, outer] = readsOnlyOuter(predicate.right) ? [predicate.left, predicate.right] : [predicate.right, predicate.left];
  return readsOnlyOuter(outer) && isInnerColumn(inner, outerIds);
}

/** A column of the subquery, or a widening cast of one (a 1:1 mapping). */
function isInnerColumn(e: Expr, outerIds: ReadonlySet<number>): boolean {
  if (e.kind === 'attr') return !outerIds.has(e.id);
  if (e.kind !== 'cast' || e.child.kind !== 'attr' || outerIds.has(e.child.id)) return false;
  const from = e.child.dataType;
  return sameType(from, e.to) || (isNumeric(from) && isNumeric(e.to) && sameType(widerNumeric(from, e.to), e.to));
}

/**
 * The aggregate `p` over its decorrelated child (`child`, with the correlated `predicates` pulled
 * out of it) as a domain join with `outer`; the predicates that then join the outer rows.
 */
export function domainAggregate(p: PlanOf<'aggregate'>, child: LogicalPlan, predicates: readonly Expr[], outer: LogicalPlan): { plan: LogicalPlan; predicates: Expr[] } {
  const read = new Set(predicates.flatMap((c) => [...referencedIds(c)]));
  const outerColumns = outputOf(outer).filter((a) => read.has(a.id));
  const domainColumns = outerColumns.map((a) => aliasOf(a, a.name));
  const domain: LogicalPlan = { kind: 'distinct', child: { kind: 'project', child: outer, exprs: domainColumns } };
  const domainAttrs: Attr[] = domainColumns.map(namedToAttr);
  const toDomain = (e: Expr) =>
    transformDown(e, (x) => {
      const i = x.kind === 'attr' ? outerColumns.findIndex((a) => a.id === x.id) : -1;
      return i >= 0 ? domainAttrs[i] : undefined;
    });
  const joined: LogicalPlan = { kind: 'join', left: child, right: domain, joinType: 'inner', condition: conjunction(predicates.map(toDomain)) };
  return {
    plan: { ...p, child: joined, groupBy: [...p.groupBy, ...domainAttrs], aggregates: [...p.aggregates, ...domainAttrs] },
    predicates: outerColumns.map((a, i) => resolveExpression(binaryOf('<=>', a, domainAttrs[i]), [a, domainAttrs[i]])),
  };
}

/** Spark's CheckAnalysis error for such predicates in an IN or EXISTS subquery's aggregate. */
export function correlatedPredicateError(predicates: readonly Expr[], p: LogicalPlan): AnalysisException {
  return new AnalysisException(
    'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE',
    `Unsupported subquery expression: Correlated column is not allowed in predicate:\n${predicates.map(planString).join(', ')}\n${planTreeString(p)} SQLSTATE: 0A000`,
  );
}
