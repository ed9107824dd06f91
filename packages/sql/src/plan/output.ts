/** The columns a resolved plan produces, as attributes (ids, names, types, nullability). */
import { exprJson, type Attr, type Expr } from '../expr/expression.js';
import { dataTypeOf, nullableOf } from '../analyzer/type-of.js';
import type { LogicalPlan } from './logical-plan.js';

export function outputOf(p: LogicalPlan): readonly Attr[] {
  switch (p.kind) {
    case 'relation':
      return p.output;
    case 'unresolvedRelation':
      throw new Error(`table or view ${p.name} is not resolved`);
    case 'project':
      return p.exprs.map(namedToAttr);
    case 'aggregate':
      return p.groupingSets ? p.aggregates.map((e) => groupingSetOutput(e, p.groupBy)) : p.aggregates.map(namedToAttr);
    case 'filter':
    case 'sort':
    case 'limit':
    case 'distinct':
    case 'sample':
    case 'repartition':
    case 'cached':
    case 'hint':
    case 'collectMetrics':
      return outputOf(p.child);
    case 'join': {
      const left = outputOf(p.left);
      const right = outputOf(p.right);
      switch (p.joinType) {
        case 'left_semi':
        case 'left_anti':
          return left;
        case 'existence':
          return [...left, p.exists!];
        case 'left':
          return [...left, ...right.map(asNullable)];
        case 'right':
          return [...left.map(asNullable), ...right];
        case 'full':
          return [...left.map(asNullable), ...right.map(asNullable)];
        default:
          return [...left, ...right];
      }
    }
    case 'setOp': {
      const right = outputOf(p.right);
      return outputOf(p.left).map((a, i) => (right[i]?.nullable && !a.nullable ? asNullable(a) : a));
    }
    case 'window':
      return [...outputOf(p.child), ...p.windowExprs.map(namedToAttr)];
    case 'subqueryAlias':
      return outputOf(p.child).map((a) => ({ ...a, qualifier: p.alias }));
    case 'generate':
      return [...outputOf(p.child), ...p.output];
  }
}

export function namedToAttr(e: Expr): Attr {
  if (e.kind === 'attr') return e;
  if (e.kind !== 'alias') throw new Error(`expected a named expression, got ${e.kind}`);
  return { kind: 'attr', id: e.id, name: e.name, dataType: dataTypeOf(e.child), nullable: nullableOf(e.child) };
}

/** Under grouping sets a grouping column is null in the rows of the sets that leave it out. */
function groupingSetOutput(e: Expr, groupBy: readonly Expr[]): Attr {
  const attr = namedToAttr(e);
  const value = exprJson(e.kind === 'alias' ? e.child : attr);
  return groupBy.some((g) => exprJson(g) === value) ? asNullable(attr) : attr;
}

const asNullable = (a: Attr): Attr => (a.nullable ? a : { ...a, nullable: true });
