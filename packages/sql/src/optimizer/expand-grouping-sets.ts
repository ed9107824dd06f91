/**
 * ROLLUP / CUBE / GROUPING SETS: an aggregate over several grouping sets becomes the UNION ALL
 * of one plain aggregate per set. In a set's rows the grouping columns it leaves out are null
 * and grouping()/grouping_id() are constants. Spark expands the input rows instead (Expand)
 * and aggregates once; the union reads the input once per set, which is simpler and gives the
 * same rows. Every branch outputs the aggregate's own attribute ids, so the plan above still
 * resolves.
 */
import { aliasOf, exprJson, transformDown, type Attr, type Expr, type NamedExpr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { ByteType, LongType, type DataType } from '../types/index.js';
import { transformPlanUp, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { groupingId } from '../plan/grouping-sets.js';

export function expandGroupingSets(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => (p.kind === 'aggregate' && p.groupingSets ? unionOfSets(p, p.groupingSets) : p));
}

function unionOfSets(p: PlanOf<'aggregate'>, sets: readonly (readonly number[])[]): LogicalPlan {
  const branches = sets.map((set): LogicalPlan => {
    // The empty set still groups (by its constant id), so no rows in gives no rows out, as in Spark.
    const groupBy = set.length === 0 ? [constant(groupingId(set, p.groupBy.map((_, i) => i)), new LongType())] : set.map((i) => p.groupBy[i]!);
    return { kind: 'aggregate', child: p.child, groupBy, aggregates: p.aggregates.map((a) => forSet(a as NamedExpr, p.groupBy, set)) };
  });
  return branches.reduce((left, right) => ({ kind: 'setOp', op: 'union', all: true, left, right }));
}

const same = (a: Expr, b: Expr) => exprJson(a) === exprJson(b);
const constant = (value: number | null, dataType: DataType): Expr => ({ kind: 'literal', value, dataType });

/** An output column of the aggregate as it reads in the rows of `set`, under the same id. */
function forSet(e: NamedExpr, groupBy: readonly Expr[], set: readonly number[]): NamedExpr {
  const rewritten = inSet(e.kind === 'alias' ? e.child : e, groupBy, set);
  if (e.kind === 'alias') return { ...e, child: rewritten };
  if (rewritten === e) return e;
  return { ...aliasOf(rewritten, e.name), id: (e as Attr).id };
}

function inSet(e: Expr, groupBy: readonly Expr[], set: readonly number[]): Expr {
  const all = groupBy.map((_, i) => i);
  return transformDown(e, (x) => {
    if (x.kind === 'call' && x.name === 'grouping') return constant(groupingId(set, [position(x.args[0]!, groupBy)]), new ByteType());
    if (x.kind === 'call' && x.name === 'grouping_id') {
      return constant(groupingId(set, x.args.length === 0 ? all : x.args.map((a) => position(a, groupBy))), new LongType());
    }
    // An aggregate's arguments read the input rows, where no grouping column is null.
    if (x.kind === 'call' && lookupFunction(x.name)?.type === 'aggregate') return x;
    // A grouping expression the set groups by is the group's value as a whole: a grouping column
    // inside it that the set leaves out (b in a + b, set (a + b)) still reads its row's value.
    const i = groupBy.findIndex((g) => same(g, x));
    if (i < 0) return undefined;
    return set.includes(i) ? x : constant(null, dataTypeOf(x));
  });
}

/** The analyzer checked that grouping()'s arguments are grouping columns. */
const position = (arg: Expr, groupBy: readonly Expr[]): number => groupBy.findIndex((g) => same(g, arg));
