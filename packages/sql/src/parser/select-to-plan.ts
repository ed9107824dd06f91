/**
 * A SELECT block → plan: FROM → WHERE (filter) → GROUP BY / aggregates (aggregate) → HAVING
 * (filter) → ORDER BY (sort) → DISTINCT, with Spark's SQL conveniences settled here, where the
 * text is still at hand:
 *
 * - GROUP BY and ORDER BY take ordinals (`GROUP BY 1`) and select-list aliases; GROUP BY ALL
 *   groups by every select item without an aggregate.
 * - HAVING and ORDER BY may use aggregates and grouping columns that are not selected: they are
 *   computed as hidden columns of the aggregate and projected away afterwards.
 * - ORDER BY in a plain SELECT may sort by columns that are not selected: then the sort runs
 *   below the projection, with select aliases replaced by what they stand for.
 */
import { aliasOf, namedBy, type Expr as PlanExpr, type NamedExpr } from '../expr/expression.js';
import { prettyName } from '../expr/names.js';
import { lateralViewsToPlan } from './lateral-views.js';
import { lookupFunction } from '../expr/registry.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import type { Expr, GroupingAnalytics, GroupingItem, Select, SelectItem, SortItem, WindowSpec } from './ast.js';
import { formatExpr } from './ast-text.js';
import { someExpr, transformExpr } from './ast-transform.js';
import { exprScopeOf, fromToPlan, type CteScope } from './to-plan.js';
import { sortOrder, toExpr, unsupported, type ExprScope } from './to-expr.js';
import { crossSets, cubeSets, rollupSets } from '../plan/grouping-sets.js';
import { withSqlJoinHints, withSqlPartitioningHints } from './sql-hints.js';

/** The name a select item's column gets when it can be told from the text (an alias or a column). */
export function selectItemName(item: SelectItem): string | null {
  if (item.alias !== null) return item.alias;
  return item.expr.kind === 'column' ? item.expr.name[item.expr.name.length - 1]! : null;
}

const isAggregateCall = (e: Expr): boolean =>
  e.kind === 'function' && e.over === null && lookupFunction(e.name.toLowerCase())?.type === 'aggregate';
const hasAggregate = (e: Expr): boolean => someExpr(e, isAggregateCall);
/** grouping()/grouping_id() are computed by the aggregate, like aggregate functions. */
const isGroupingCall = (e: Expr): boolean => e.kind === 'function' && ['grouping', 'grouping_id'].includes(e.name.toLowerCase());

export function selectToPlan(s: Select, ctes: CteScope, orderBy: readonly SortItem[], names: readonly string[] | null): LogicalPlan {
  const windows = new Map<string, WindowSpec>(s.windows.map((w) => [w.name.toLowerCase(), w.spec]));
  const scope = exprScopeOf(ctes, windows);
  const items = renamed(s.items, names);
  let child = lateralViewsToPlan(withSqlJoinHints(fromToPlan(s.from, ctes), s.hints ?? []), s.lateralViews ?? [], (e) => toExpr(e, scope));
  if (s.where) child = { kind: 'filter', child, condition: toExpr(s.where, scope) };
  const aggregated = s.groupBy !== null || s.having !== null || items.some((i) => hasAggregate(i.expr));
  const plan = aggregated ? aggregatePlan(s, items, child, orderBy, scope) : projectPlan(s, items, child, orderBy, scope);
  return withSqlPartitioningHints(plan, s.hints ?? []);
}

/** Column aliases given from outside (`AS t(a, b)`, `WITH t(a, b) AS`) rename the select items. */
function renamed(items: readonly SelectItem[], names: readonly string[] | null): readonly SelectItem[] {
  if (!names) return items;
  if (items.some((i) => i.expr.kind === 'star')) throw unsupported('column aliases over a SELECT with *');
  if (names.length !== items.length) {
    throw new Error(`[ASSIGNMENT_ARITY_MISMATCH] The query has ${items.length} columns but ${names.length} column aliases were given.`);
  }
  return items.map((item, i) => ({ expr: item.expr, alias: names[i]! }));
}

const named = (item: SelectItem, scope: ExprScope): PlanExpr =>
  namedBy(toExpr(item.expr, scope), item.alias, item.aliases);

const sameExpr = (a: Expr, b: Expr): boolean => formatExpr(a) === formatExpr(b);

/** The select item an ORDER BY / HAVING / GROUP BY expression designates: by ordinal, alias or equal text. */
function designatedItem(e: Expr, items: readonly SelectItem[], clause: string, byOrdinal: boolean): number {
  if (byOrdinal && e.kind === 'literal' && e.type === 'int') {
    if (e.value < 1 || e.value > items.length) {
      throw new Error(`[${clause}_POS_OUT_OF_RANGE] ${clause.replace('_', ' ')} position ${e.value} is not in select list (valid range is [1, ${items.length}]).`);
    }
    return e.value - 1;
  }
  if (e.kind === 'column' && e.name.length === 1) {
    const byAlias = items.findIndex((i) => i.alias !== null && i.alias.toLowerCase() === e.name[0]!.toLowerCase());
    if (byAlias >= 0) return byAlias;
  }
  return items.findIndex((i) => sameExpr(i.expr, e));
}

function projectPlan(s: Select, items: readonly SelectItem[], child: LogicalPlan, orderBy: readonly SortItem[], scope: ExprScope): LogicalPlan {
  const exprs = items.map((i) => named(i, scope));
  if (orderBy.length === 0) return distinctIf(s.distinct, { kind: 'project', child, exprs });
  const targets = orderBy.map((o) => designatedItem(o.expr, items, 'ORDER_BY', true));
  const namesOfTargets = targets.map((t) => (t >= 0 ? selectItemName(items[t]!) : null));
  if (namesOfTargets.every((n) => n !== null) || s.distinct) {
    // Every sort key is a selected column: sort the projection's output.
    const orders = orderBy.map((o, i) => {
      const name = namesOfTargets[i];
      if (!name) throw new Error(`[MISSING_ATTRIBUTES] ORDER BY ${formatExpr(o.expr)} must name a column of the SELECT DISTINCT list.`);
      return sortOrder({ ...o, expr: { kind: 'column', name: [name] } }, scope);
    });
    return { kind: 'sort', child: distinctIf(s.distinct, { kind: 'project', child, exprs }), orders, global: true };
  }
  // Some sort key is not selected: sort below the projection, aliases replaced by their expressions.
  const orders = orderBy.map((o, i) => sortOrder({ ...o, expr: targets[i]! >= 0 ? items[targets[i]!]!.expr : substituteAliases(o.expr, items) }, scope));
  return { kind: 'project', child: { kind: 'sort', child, orders, global: true }, exprs };
}

function substituteAliases(e: Expr, items: readonly SelectItem[]): Expr {
  return transformExpr(e, (x) => {
    if (x.kind !== 'column' || x.name.length !== 1) return undefined;
    const item = items.find((i) => i.alias !== null && i.alias.toLowerCase() === x.name[0]!.toLowerCase());
    return item?.expr;
  });
}

const distinctIf = (distinct: boolean, plan: LogicalPlan): LogicalPlan => (distinct ? { kind: 'distinct', child: plan } : plan);

function aggregatePlan(s: Select, items: readonly SelectItem[], child: LogicalPlan, orderBy: readonly SortItem[], scope: ExprScope): LogicalPlan {
  const grouping = groupingOf(s, items);
  const groupBy = grouping.exprs.map((g) => toExpr(g, scope));
  const hidden: NamedExpr[] = [];
  // Select items that HAVING or ORDER BY refer to but whose name the text does not tell are named now.
  const visible = items.map((item) => ({ item, name: selectItemName(item) }));
  const refer = (e: Expr, clause: string, byOrdinal: boolean): Expr | undefined => {
    const target = designatedItem(e, items, clause, byOrdinal);
    if (target >= 0 && visible[target]!.name !== null) return { kind: 'column', name: [visible[target]!.name!] };
    if (isAggregateCall(e) || isGroupingCall(e) || e.kind === 'column' || target >= 0) {
      const name = `__${clause.toLowerCase()}_${hidden.length}`;
      hidden.push(aliasOf(toExpr(e, scope), name));
      return { kind: 'column', name: [name] };
    }
    return undefined;
  };
  const having = s.having && toExpr(transformExpr(s.having, (e) => (e.kind === 'scalarSubquery' || e.kind === 'exists' ? e : refer(e, 'HAVING', false))), scope);
  const orders = orderBy.map((o) => {
    const top = refer(o.expr, 'ORDER_BY', true);
    return sortOrder({ ...o, expr: top ?? transformExpr(o.expr, (e) => refer(e, 'ORDER_BY', false)) }, scope);
  });
  const selected = visible.map(({ item, name }) => {
    const expr = named(item, scope);
    // With hidden columns to drop later, every selected column needs a name to be kept by.
    return hidden.length > 0 && name === null ? aliasOf(expr, prettyName(expr)) : expr;
  });
  let plan: LogicalPlan = { kind: 'aggregate', child, groupBy, aggregates: [...selected, ...hidden], ...(grouping.sets ? { groupingSets: grouping.sets } : {}) };
  if (having) plan = { kind: 'filter', child: plan, condition: having };
  if (hidden.length > 0 && s.distinct) throw unsupported('SELECT DISTINCT with HAVING or ORDER BY on columns it does not select');
  plan = distinctIf(s.distinct, plan);
  if (orders.length) plan = { kind: 'sort', child: plan, orders, global: true };
  if (hidden.length === 0) return plan;
  const keep = selected.map((e): PlanExpr => ({ kind: 'column', name: e.kind === 'alias' ? e.name : (e as { name: string }).name }));
  return { kind: 'project', child: plan, exprs: keep };
}

const isGroupingAnalytics = (item: GroupingItem): item is GroupingAnalytics =>
  item.kind === 'rollup' || item.kind === 'cube' || item.kind === 'groupingSets';

/**
 * GROUP BY items as distinct grouping expressions and, with ROLLUP / CUBE / GROUPING SETS among
 * them, the grouping sets over those expressions' positions (plain items are in every set).
 */
function groupingOf(s: Select, items: readonly SelectItem[]): { exprs: Expr[]; sets?: number[][] } {
  if (!s.groupBy || !s.groupBy.items.some(isGroupingAnalytics)) return { exprs: groupingExprs(s, items) };
  const exprs: Expr[] = [];
  const positionOf = (e: Expr): number => {
    const g = groupingExpr(e, items);
    const i = exprs.findIndex((x) => sameExpr(x, g));
    return i >= 0 ? i : exprs.push(g) - 1;
  };
  const perItem = s.groupBy.items.map((item): number[][] => {
    if (!isGroupingAnalytics(item)) return [[positionOf(item)]];
    item.columns?.forEach(positionOf);
    const elements = item.sets.map((set) => set.map(positionOf));
    return item.kind === 'rollup' ? rollupSets(elements) : item.kind === 'cube' ? cubeSets(elements) : elements;
  });
  return { exprs, sets: crossSets(perItem) };
}

/** GROUP BY items: ordinals and aliases stand for select items; GROUP BY ALL takes the non-aggregates. */
function groupingExprs(s: Select, items: readonly SelectItem[]): Expr[] {
  if (!s.groupBy) return [];
  if (s.groupBy.all) return items.filter((i) => !hasAggregate(i.expr)).map((i) => i.expr);
  return s.groupBy.items.map((grouping: GroupingItem) => groupingExpr(grouping as Expr, items));
}

function groupingExpr(g: Expr, items: readonly SelectItem[]): Expr {
  const target = designatedItem(g, items, 'GROUP_BY', true);
  if (target < 0) return g;
  const item = items[target]!;
  if (hasAggregate(item.expr)) {
    throw new Error(`[GROUP_BY_POS_AGGREGATE] GROUP BY ${formatExpr(g)} refers to an expression ${formatExpr(item.expr)} that contains an aggregate function.`);
  }
  return item.expr;
}
