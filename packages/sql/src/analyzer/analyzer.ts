/**
 * The analyzer: turns a plan as the user wrote it into a resolved plan. Bottom-up, each operator's
 * expressions are resolved against its children's output (see resolve-expression.ts); projections
 * name their unnamed columns as Spark does; a projection with aggregates becomes an aggregate,
 * window expressions move into a window operator; `USING` joins and by-name unions become plain
 * joins and unions with projections. DataFrames analyze eagerly, so errors surface where the
 * user called the method, as in PySpark.
 */
import { javaRegex } from '../expr/java-regex.js';
import {
  aliasOf,
  children,
  collect,
  newExprId,
  transformDown,
  transformUp,
  type Alias,
  type Attr,
  type Expr,
  type NamedExpr,
  type SortOrderExpr,
} from '../expr/expression.js';
import { prettyName } from '../expr/names.js';
import { datetimeNamingForm } from './datetime-names.js';
import { isAggregateCall, lookupFunction } from '../expr/registry.js';
import { outputOf } from '../plan/output.js';
import { planChildren, withChildren, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { AnalysisException } from './analysis-error.js';
import { castTo, expandStarArguments, findAttr, resolveCall, resolveColumn, resolveExpression, resolveSortOrder, withDefaultFrame, type OuterScope } from './resolve-expression.js';
import { hasGenerator, planGenerator } from './generators.js';
import { planTimeWindows } from './time-windows.js';
import { resolveLambdas } from './lambdas.js';
import { checkNoDroppedColumn, filterWithMissingColumns, resolveAgainstAggregate, sortWithMissingColumns } from './missing-references.js';
import { extractAggregateWindows, windowedAggregates } from './aggregate-windows.js';
import { planHasSubquery, rewriteAggregateSubqueries, rewriteFilterSubqueries, rewriteProjectSubqueries } from './subqueries.js';
import { rewriteJoinConditionSubqueries } from './join-condition-subqueries.js';
import { shareGroupingSubqueries } from './grouping-subqueries.js';
import { dataTypeOf } from './type-of.js';
import { globalViewName } from './global-temp-views.js';
import { checkAggregatePlacement, checkWhereCondition } from './aggregate-placement.js';
import { commonType, sameType } from '../expr/type-rules.js';
import { binaryOf, callOf, exprJson } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { literalExpr } from '../expr/literal.js';
import { StructType } from '../types/index.js';

/** Temp views and tables, by name. */
export interface Catalog {
  lookupTable(name: string): LogicalPlan | undefined;
}

const analyzed = new WeakSet<LogicalPlan>();

/**
 * Resolves a plan. `outer` are the columns of enclosing queries, which a subquery's plan may
 * read (correlation); such a plan is not cached as analyzed, as it depends on its context.
 */
export function analyze(plan: LogicalPlan, catalog: Catalog, outer: readonly Attr[] = []): LogicalPlan {
  if (analyzed.has(plan)) return plan;
  const children = planChildren(plan).map((c) => analyze(c, catalog, outer));
  const scope: OuterScope = { attrs: outer, analyzeSubquery: (sub, attrs) => analyze(sub, catalog, attrs) };
  const result = resolveNode(withChildren(plan, children), catalog, scope);
  if (outer.length === 0) markAnalyzed(result);
  return result;
}

function markAnalyzed(plan: LogicalPlan): void {
  if (analyzed.has(plan)) return;
  analyzed.add(plan);
  planChildren(plan).forEach(markAnalyzed);
}

function resolveNode(p: LogicalPlan, catalog: Catalog, scope: OuterScope): LogicalPlan {
  switch (p.kind) {
    case 'unresolvedRelation': {
      const table = catalog.lookupTable(p.name);
      if (!table) {
        throw new AnalysisException(
          'TABLE_OR_VIEW_NOT_FOUND',
          `The table or view \`${p.name}\` cannot be found. Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42P01`,
        );
      }
      return { kind: 'subqueryAlias', child: freshInstance(analyze(table, catalog)), alias: globalViewName(p.name) ?? p.name };
    }
    case 'project':
      return resolveProject(planTimeWindows(p, scope, (plan) => analyze(plan, catalog, scope.attrs)), scope);
    case 'filter':
      return resolveFilter(p, scope);
    case 'aggregate':
      return resolveAggregate(planTimeWindows(p, scope, (plan) => analyze(plan, catalog, scope.attrs)), scope);
    case 'join':
      return resolveJoin(p, scope);
    case 'sort':
      return resolveSort(p, scope);
    case 'setOp':
      return resolveSetOp(p);
    case 'repartition':
      return { ...p, partitionExprs: p.partitionExprs.map((e) => resolveExpression(e, outputOf(p.child))) };
    case 'collectMetrics':
      return { ...p, metrics: resolveNamed(p.metrics, outputOf(p.child)) };
    default:
      return p;
  }
}

const booleanType = () => Types.boolean;

/** A filter; over an aggregate (HAVING) it may read aggregate functions and the aggregate's input. */
function resolveFilter(p: PlanOf<'filter'>, scope: OuterScope): LogicalPlan {
  const windowed = windowedAggregates.get(p.child);
  if (windowed) return windowed.over(resolveFilter({ ...p, child: windowed.aggregate }, scope));
  const overAggregate = resolveAgainstAggregate(p.child, [p.condition], scope);
  const { child, condition: resolved } = overAggregate
    ? { child: overAggregate.child, condition: overAggregate.exprs[0]! }
    : resolveFilterCondition(p, scope);
  if (!overAggregate) checkWhereCondition(resolved);
  const filter: PlanOf<'filter'> = { kind: 'filter', child, condition: castTo(resolved, booleanType()) };
  const result = planHasSubquery([filter.condition]) ? rewriteFilterSubqueries(filter) : filter;
  return child === p.child ? result : { kind: 'project', child: result, exprs: outputOf(p.child) };
}

/** A filter's condition over its child's columns, or else over those the projection below it dropped. */
function resolveFilterCondition(p: PlanOf<'filter'>, scope: OuterScope): { child: LogicalPlan; condition: Expr } {
  try {
    const condition = resolveExpression(p.condition, outputOf(p.child), scope);
    checkNoDroppedColumn([condition], p.child);
    return { child: p.child, condition };
  } catch (error) {
    const widened = filterWithMissingColumns(p, scope);
    if (widened && widened.child !== p.child) return widened;
    throw error;
  }
}

/** A sort; it may read columns the projection below it dropped, or aggregates not selected. */
function resolveSort(p: PlanOf<'sort'>, scope: OuterScope): LogicalPlan {
  try {
    const orders = p.orders.map((o) => resolveSortOrder(o, outputOf(p.child)));
    checkNoDroppedColumn(orders, p.child);
    return { ...p, orders };
  } catch (error) {
    const overAggregate = resolveAgainstAggregate(p.child, p.orders, scope);
    if (overAggregate && overAggregate.child !== p.child) {
      const sort: LogicalPlan = { ...p, child: overAggregate.child, orders: overAggregate.exprs as SortOrderExpr[] };
      return { kind: 'project', child: sort, exprs: outputOf(p.child) };
    }
    const widened = sortWithMissingColumns(p, scope);
    if (widened) return widened;
    throw error;
  }
}

/** Resolves a list of select items: stars expand, unnamed expressions get Spark's generated name. */
export function resolveNamed(exprs: readonly Expr[], input: readonly Attr[], scope?: OuterScope): NamedExpr[] {
  const out: NamedExpr[] = [];
  for (const e of exprs) {
    if (e.kind === 'star') {
      const qualified = e.qualifier ? input.filter((a) => a.qualifier?.toLowerCase() === e.qualifier!.toLowerCase()) : input;
      const pattern = e.regex === undefined ? undefined : javaRegex(e.regex, 'i', true);
      const attrs = pattern ? qualified.filter((a) => pattern.test(a.name)) : qualified;
      const struct = e.qualifier && qualified.length === 0 ? structFields(e.qualifier, input) : undefined;
      if (struct) {
        out.push(...struct);
        continue;
      }
      if (e.qualifier && qualified.length === 0) {
        throw new AnalysisException('CANNOT_RESOLVE_STAR_EXPAND', `Cannot resolve \`${e.qualifier}\`.* given input columns ${input.map((a) => `\`${a.name}\``).join(', ')}. SQLSTATE: 42704`);
      }
      out.push(...attrs);
      continue;
    }
    const resolved = resolveExpression(e, input, scope);
    if (resolved.kind === 'attr' || resolved.kind === 'alias') out.push(resolved);
    else out.push(aliasOf(resolved, generatedName(namingForm(e, input, scope))));
  }
  return out;
}

/** `s.*` on a struct column `s`: one column per field, named after it (Spark's star over a struct). */
function structFields(name: string, input: readonly Attr[]): NamedExpr[] | undefined {
  const matches = findAttr(name, undefined, input);
  if (matches.length !== 1 || !(matches[0].dataType instanceof StructType)) return undefined;
  const struct = matches[0];
  return (struct.dataType as StructType).fields.map((f) => aliasOf(resolveCall('get_field', [struct, literalExpr(f.name)], false), f.name));
}

/** Spark's ResolveAliases names a top-level cast of a column after the column: `CAST(age AS INT)` is `age`. */
function generatedName(e: Expr): string {
  if (e.kind === 'cast' && (e.child.kind === 'attr' || e.child.kind === 'alias')) return e.child.name;
  return prettyName(e);
}

/** The expression as Spark names it: columns resolved (their real names), no implicit casts yet; subqueries resolved (for the outer columns they read). */
function namingForm(e: Expr, input: readonly Attr[], scope?: OuterScope): Expr {
  return transformUp(resolveLambdas(expandStarArguments(e, input), input, (x, attrs) => namingForm(x, attrs)), (x) => {
    if (x.kind === 'column') return resolveColumn(x.name, x.qualifier, input);
    if (x.kind === 'subquery' && scope) return resolveExpression(x, input, scope);
    if (x.kind === 'window') return { ...x, spec: withDefaultFrame(x.fn, x.spec) };
    return datetimeNamingForm(x);
  });
}

/** Whether an expression aggregates (outside of any window). */
export function hasAggregate(e: Expr): boolean {
  if (e.kind === 'window') return false;
  return isAggregateCall(e) || children(e).some(hasAggregate);
}

function resolveProject(p: PlanOf<'project'>, scope: OuterScope): LogicalPlan {
  const input = outputOf(p.child);
  const named = resolveNamed(p.exprs, input, scope);
  if (named.some((n) => n.kind === 'alias' && hasAggregate(n.child))) {
    return resolveAggregate({ kind: 'aggregate', child: p.child, groupBy: [], aggregates: named }, scope);
  }
  if (planHasSubquery(named)) {
    // A window over a subquery's value (PARTITION BY EXISTS (...)) reads it from the join below.
    const joined = rewriteProjectSubqueries({ ...p, exprs: named });
    return joined.kind === 'project' ? extractWindows(joined, joined.exprs as NamedExpr[]) : joined;
  }
  if (hasGenerator(named)) return planGenerator(p.child, named);
  return extractWindows({ ...p, exprs: named }, named);
}

/**
 * Each reference to a view gets its own column ids (Spark's newInstance), so a query can read
 * the same view twice (`FROM t a JOIN t b`) and tell the two apart.
 */
function freshInstance(plan: LogicalPlan): LogicalPlan {
  return { kind: 'project', child: plan, exprs: outputOf(plan).map((a) => ({ kind: 'alias', child: a, name: a.name, id: newExprId() }) as Alias) };
}

/**
 * Moves window expressions out of a projection: `select(a, rank().over(w))` becomes a window
 * operator computing `rank() OVER w` as a new column, and a projection that reads it.
 */
function extractWindows(p: PlanOf<'project'>, named: NamedExpr[]): LogicalPlan {
  const windows: Alias[] = [];
  const rewritten = named.map((n) =>
    transformDown(n, (x) => {
      if (x.kind !== 'window') return undefined;
      checkWindowFunction(x);
      const alias = n.kind === 'alias' && n.child === x ? n : aliasOf(x, prettyName(x));
      windows.push(alias);
      return { kind: 'attr', id: alias.id, name: alias.name, dataType: dataTypeOf(x), nullable: true } as Attr;
    }),
  ) as NamedExpr[];
  if (windows.length === 0) return p;
  return { kind: 'project', child: { kind: 'window', child: p.child, windowExprs: windows }, exprs: rewritten };
}

type WindowExpr = Extract<Expr, { kind: 'window' }>;

/** Spark's CheckAnalysis for a window: a window or aggregate function, and no DISTINCT aggregate. */
function checkWindowFunction(w: WindowExpr): void {
  const fn = w.fn;
  const def = fn.kind === 'call' ? lookupFunction(fn.name) : undefined;
  if (!def || def.type === 'scalar') {
    throw new AnalysisException('UNSUPPORTED_EXPR_FOR_WINDOW', `Expression "${prettyName(fn)}" not supported within a window function. SQLSTATE: 42P20`);
  }
  if (def.type === 'aggregate' && def.distinct) {
    throw new AnalysisException('DISTINCT_WINDOW_FUNCTION_UNSUPPORTED', `Distinct window functions are not supported: "${prettyName(w)}". SQLSTATE: 0A000`);
  }
}

function resolveAggregate(p: PlanOf<'aggregate'>, scope?: OuterScope): LogicalPlan {
  const input = outputOf(p.child);
  const groupBy = p.groupBy.map((g) => resolveExpression(g, input, scope));
  const aggregates = shareGroupingSubqueries(resolveNamed(p.aggregates, input, scope), groupBy, input);
  checkAggregatePlacement(groupBy, aggregates);
  checkGroupingCalls(aggregates, groupBy, p.groupingSets !== undefined);
  for (const a of aggregates) checkGrouped(a, groupBy);
  for (const w of aggregates.flatMap((a) => collect(a, (x): x is WindowExpr => x.kind === 'window'))) checkWindowFunction(w);
  const resolved = { ...p, groupBy, aggregates };
  const windowed = extractAggregateWindows(resolved, isAggregateCall);
  if (windowed !== resolved) return windowed;
  return planHasSubquery([...groupBy, ...aggregates]) ? rewriteAggregateSubqueries(resolved, isAggregateCall) : resolved;
}

/** Every column outside an aggregate function must be a grouping expression (Spark's MISSING_AGGREGATION). */
function checkGrouped(e: Expr, groupBy: readonly Expr[]): void {
  const keys = new Set(groupBy.map((g) => exprJson(g)));
  const isGroupingExpr = (x: Expr) => keys.has(exprJson(x));
  const visit = (x: Expr): void => {
    if (isGroupingExpr(x) || isAggregateCall(x) || x.kind === 'window') return;
    if (x.kind === 'attr') {
      throw new AnalysisException(
        'MISSING_AGGREGATION',
        `The non-aggregating expression "${x.name}" is based on columns which are not participating in the GROUP BY clause. ` +
          `Add the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(${x.name})" if you do not care which of the values within a group is returned. SQLSTATE: 42803`,
      );
    }
    children(x).forEach(visit);
  };
  visit(e);
}

/** grouping()/grouping_id() need grouping sets, and read grouping columns only (Spark's messages). */
function checkGroupingCalls(aggregates: readonly Expr[], groupBy: readonly Expr[], withGroupingSets: boolean): void {
  const same = (a: Expr, b: Expr) => exprJson(a) === exprJson(b);
  const columns = groupBy.map(prettyName).join(',');
  const visit = (x: Expr): void => {
    if (x.kind === 'call' && (x.name === 'grouping' || x.name === 'grouping_id')) {
      if (!withGroupingSets) throw new AnalysisException('UNSUPPORTED_GROUPING_EXPRESSION', 'grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup. SQLSTATE: 42K0E');
      if (x.name === 'grouping' && !groupBy.some((g) => same(g, x.args[0]!))) {
        throw new AnalysisException('GROUPING_COLUMN_MISMATCH', `Column of grouping (${prettyName(x.args[0]!)}) can't be found in grouping columns ${columns}. SQLSTATE: 42803`);
      }
      if (x.name === 'grouping_id' && x.args.length > 0 && (x.args.length !== groupBy.length || x.args.some((a, i) => !same(a, groupBy[i]!)))) {
        throw new AnalysisException('GROUPING_ID_COLUMN_MISMATCH', `Columns of grouping_id (${x.args.map(prettyName).join(',')}) does not match grouping columns (${columns}). SQLSTATE: 42803`);
      }
      return;
    }
    children(x).forEach(visit);
  };
  aggregates.forEach(visit);
}

function resolveJoin(p: PlanOf<'join'>, scope: OuterScope): LogicalPlan {
  const right = dedupRight(p.left, p.right);
  const leftOut = outputOf(p.left);
  const rightOut = outputOf(right);
  if (p.using) return resolveUsingJoin({ ...p, right }, p.using, leftOut, rightOut);
  const condition = p.condition && castTo(resolveExpression(p.condition, [...leftOut, ...rightOut], scope), booleanType());
  if (!condition || !planHasSubquery([condition])) return { ...p, right, condition };
  return rewriteJoinConditionSubqueries({ ...p, right, condition });
}

/**
 * An inner join whose condition holds subqueries: the join on the other conjuncts, filtered by
 * those (the same rows for an inner join), the filter's subqueries becoming joins as a WHERE's do.
 */
/** A self-join sees the same attribute ids on both sides: the right side gets fresh ids (Spark's dedupRight). */
function dedupRight(left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  const leftIds = new Set(outputOf(left).map((a) => a.id));
  const rightOut = outputOf(right);
  if (!rightOut.some((a) => leftIds.has(a.id))) return right;
  // `df.alias('b')`: the fresh columns stay under the alias, so `b.name` still resolves.
  if (right.kind === 'subqueryAlias') return { ...right, child: freshColumns(right.child) };
  return freshColumns(right);
}

function freshColumns(right: LogicalPlan): LogicalPlan {
  const rightOut = outputOf(right);
  return { kind: 'project', child: right, exprs: rightOut.map((a) => ({ kind: 'alias', child: a, name: a.name, id: newExprId() }) as Alias) };
}

function resolveUsingJoin(p: PlanOf<'join'>, using: readonly string[], leftOut: readonly Attr[], rightOut: readonly Attr[]): LogicalPlan {
  const pairs = using.map((name) => [resolveColumn(name, undefined, leftOut) as Attr, resolveColumn(name, undefined, rightOut) as Attr] as const);
  const condition = pairs
    .map(([l, r]) => resolveExpression(binaryOf('=', l, r), [...leftOut, ...rightOut]))
    .reduce<Expr | undefined>((acc, c) => (acc ? binaryOf('AND', acc, c) : c), undefined);
  const join: LogicalPlan = { kind: 'join', left: p.left, right: p.right, joinType: p.joinType, condition };
  const joined = outputOf(join);
  const usingIds = new Set(pairs.flatMap(([l, r]) => [l.id, r.id]));
  const keys: NamedExpr[] = pairs.map(([l, r]) => {
    if (p.joinType === 'right') return joined.find((a) => a.id === r.id)!;
    if (p.joinType === 'full') return aliasOf(resolveExpression(callOf('coalesce', [l, r]), joined), l.name);
    return joined.find((a) => a.id === l.id)!;
  });
  const rest = joined.filter((a) => !usingIds.has(a.id));
  return { kind: 'project', child: join, exprs: [...keys, ...rest] };
}

function resolveSetOp(p: PlanOf<'setOp'>): LogicalPlan {
  let left = p.left;
  let right = p.right;
  if (p.byName) [left, right] = alignByName(left, right, p.byName.allowMissingColumns);
  const leftOut = outputOf(left);
  let rightOut = outputOf(right);
  if (leftOut.length !== rightOut.length) {
    throw new AnalysisException(
      'NUM_COLUMNS_MISMATCH',
      `${p.op.toUpperCase()} can only be performed on inputs with the same number of columns, but the first input has ${leftOut.length} columns and the second input has ${rightOut.length} columns. SQLSTATE: 42826`,
    );
  }
  const targets = leftOut.map((a, i) => {
    const t = commonType(a.dataType, rightOut[i].dataType);
    if (!t) throw new AnalysisException('INCOMPATIBLE_COLUMN_TYPE', `${p.op.toUpperCase()} can only be performed on tables with compatible column types. SQLSTATE: 42825`);
    return t;
  });
  if (leftOut.some((a, i) => !sameType(a.dataType, targets[i]))) {
    left = { kind: 'project', child: left, exprs: leftOut.map((a, i) => (sameType(a.dataType, targets[i]) ? a : aliasOf(castTo(a, targets[i]), a.name))) };
  }
  if (rightOut.some((a, i) => !sameType(a.dataType, targets[i]))) {
    right = { kind: 'project', child: right, exprs: rightOut.map((a, i) => (sameType(a.dataType, targets[i]) ? a : aliasOf(castTo(a, targets[i]), a.name))) };
    rightOut = outputOf(right);
  }
  return { kind: 'setOp', op: p.op, all: p.all, left, right };
}

/**
 * unionByName: the right side's columns reordered as the left's. With allowMissingColumns, a
 * column missing on one side is null there, and the right side's extra columns come last.
 */
function alignByName(left: LogicalPlan, right: LogicalPlan, allowMissing: boolean): [LogicalPlan, LogicalPlan] {
  const leftOut = outputOf(left);
  const rightOut = outputOf(right);
  const same = (a: Attr, b: Attr) => a.name.toLowerCase() === b.name.toLowerCase();
  const extra = allowMissing ? rightOut.filter((r) => !leftOut.some((a) => same(a, r))) : [];
  const nullOf = (a: Attr): NamedExpr => aliasOf({ kind: 'literal', value: null, dataType: a.dataType }, a.name);
  const widenedLeft: LogicalPlan = extra.length === 0 ? left : { kind: 'project', child: left, exprs: [...leftOut, ...extra.map(nullOf)] };
  return [widenedLeft, reorderByName([...leftOut, ...extra], right, allowMissing)];
}

function reorderByName(leftOut: readonly Attr[], right: LogicalPlan, allowMissing: boolean): LogicalPlan {
  const rightOut = outputOf(right);
  const exprs: NamedExpr[] = leftOut.map((a) => {
    const match = rightOut.find((r) => r.name.toLowerCase() === a.name.toLowerCase());
    if (match) return match;
    if (!allowMissing) {
      throw new AnalysisException('UNRESOLVED_COLUMN.WITH_SUGGESTION', `A column, variable, or function parameter with name \`${a.name}\` cannot be resolved. Did you mean one of the following? [${rightOut.map((r) => `\`${r.name}\``).join(', ')}]. SQLSTATE: 42703`);
    }
    return aliasOf({ kind: 'literal', value: null, dataType: a.dataType }, a.name);
  });
  return { kind: 'project', child: right, exprs };
}
