/**
 * A subquery written twice, in GROUP BY and in the select list (`SELECT x IN (q) ... GROUP BY
 * x IN (q)`, or GROUP BY 1), is resolved twice: each copy reads its views under fresh column ids.
 * Spark compares them canonicalized (a subquery's own ids normalized), so the select item is the
 * grouping expression; here the select list's copy is replaced by the grouping one, so the
 * grouping check sees one expression and the rewrite joins the subquery once.
 */
import { collect, exprJson, transformDown, type Attr, type Expr } from '../expr/expression.js';

type Subquery = Extract<Expr, { kind: 'subquery' }>;

/** `exprs` with each subquery equal to one in `groupBy` (up to its own column ids) replaced by that one. */
export function shareGroupingSubqueries<E extends Expr>(exprs: readonly E[], groupBy: readonly Expr[], input: readonly Attr[]): E[] {
  const grouped = groupBy.flatMap((g) => collect(g, (x): x is Subquery => x.kind === 'subquery'));
  if (grouped.length === 0) return [...exprs];
  const inputIds = new Set(input.map((a) => a.id));
  const byKey = new Map(grouped.map((s) => [canonicalKey(s, inputIds), s]));
  return exprs.map((e) => transformDown(e, (x) => (x.kind === 'subquery' ? byKey.get(canonicalKey(x, inputIds)) ?? x : undefined)) as E);
}

/**
 * The subquery's text with the ids it defines numbered in order of appearance; the enclosing
 * query's columns (which a correlated subquery reads) keep their ids.
 */
function canonicalKey(s: Subquery, outerIds: ReadonlySet<number>): string {
  const renumbered = new Map<number, number>();
  return exprJson(s, (key, value: unknown) => {
    if (key !== 'id' || typeof value !== 'number' || outerIds.has(value)) return value;
    if (!renumbered.has(value)) renumbered.set(value, renumbered.size);
    return `local ${renumbered.get(value)}`;
  });
}
