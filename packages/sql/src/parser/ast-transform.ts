/**
 * Rewriting syntax-tree expressions: `transformExpr` replaces subtrees top-down (a replaced
 * subtree is not descended into); subqueries are left alone, they are queries of their own.
 */
import type { Expr, SortItem, WindowSpec } from './ast.js';

export function transformExpr(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  if (replaced) return replaced;
  const t = (child: Expr) => transformExpr(child, f);
  const sort = (s: SortItem): SortItem => ({ ...s, expr: t(s.expr) });
  switch (e.kind) {
    case 'literal':
    case 'interval':
    case 'column':
    case 'star':
    case 'exists':
    case 'scalarSubquery':
    case 'lambda':
      return e;
    case 'unary':
      return { ...e, operand: t(e.operand) };
    case 'binary':
      return { ...e, left: t(e.left), right: t(e.right) };
    case 'isNull':
    case 'isBoolean':
    case 'inSubquery':
      return { ...e, operand: t(e.operand) };
    case 'isDistinctFrom':
      return { ...e, left: t(e.left), right: t(e.right) };
    case 'between':
      return { ...e, operand: t(e.operand), low: t(e.low), high: t(e.high) };
    case 'like':
      return { ...e, operand: t(e.operand), pattern: t(e.pattern) };
    case 'inList':
      return { ...e, operand: t(e.operand), list: e.list.map(t) };
    case 'case':
      return {
        ...e,
        operand: e.operand && t(e.operand),
        branches: e.branches.map((b) => ({ when: t(b.when), then: t(b.then) })),
        else: e.else && t(e.else),
      };
    case 'cast':
      return { ...e, operand: t(e.operand) };
    case 'function': {
      const over = e.over?.kind === 'windowSpec'
        ? ({ ...e.over, partitionBy: e.over.partitionBy.map(t), orderBy: e.over.orderBy.map(sort) } satisfies WindowSpec)
        : e.over;
      return { ...e, args: e.args.map(t), filter: e.filter && t(e.filter), over, ...(e.withinGroup && { withinGroup: sort(e.withinGroup) }) };
    }
    case 'extract':
      return { ...e, source: t(e.source) };
    case 'trim':
      return { ...e, chars: e.chars && t(e.chars), source: t(e.source) };
    case 'subscript':
      return { ...e, base: t(e.base), index: t(e.index) };
    case 'fieldAccess':
      return { ...e, base: t(e.base) };
    case 'row':
      return { ...e, items: e.items.map(t) };
  }
}

/** Whether any subtree (outside subqueries) satisfies `p`. */
export function someExpr(e: Expr, p: (e: Expr) => boolean): boolean {
  let found = false;
  transformExpr(e, (x) => {
    if (found || p(x)) {
      found = true;
      return x;
    }
    return undefined;
  });
  return found;
}
