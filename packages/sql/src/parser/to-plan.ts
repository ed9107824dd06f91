/**
 * Syntax tree → the spine's unresolved logical plan, for `fc.sql(text)`. Names stay unresolved
 * (the analyzer resolves them against temp views); what only the SQL text knows is settled
 * here: CTE scopes, table and column aliases, VALUES, range(), joins, set operations, and the
 * whole query's ORDER BY / LIMIT / OFFSET. SELECT blocks are in select-to-plan.ts.
 */
import { aliasOf, newExprId, type Expr as PlanExpr, type SortOrderExpr } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { LocalRows } from '../dataframe/sources.js';
import { RangeRows } from '../dataframe/range-source.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import type { Expr, Query, QueryBody, Relation, Select, SortItem, TableAlias, WindowSpec } from './ast.js';
import { formatExpr, formatRelation } from './ast-text.js';
import { limitLikeValue } from '../analyzer/limit-like.js';
import { selectToPlan, selectItemName } from './select-to-plan.js';
import { NO_SCOPE, toExpr, unsupported, type ExprScope } from './to-expr.js';

/** The CTEs visible at a point of the query, by lower-case name. */
export type CteScope = ReadonlyMap<string, { readonly query: Query; readonly columns: readonly string[] | null; readonly scope: CteScope }>;

export function queryToPlan(query: Query, ctes: CteScope = new Map(), names: readonly string[] | null = null): LogicalPlan {
  const scope = new Map(ctes);
  for (const cte of query.ctes) scope.set(cte.name.toLowerCase(), { query: cte.query, columns: cte.columns, scope: new Map(scope) });
  let plan: LogicalPlan;
  if (query.body.kind === 'select') {
    plan = selectToPlan(query.body, scope, query.orderBy, names);
  } else {
    plan = bodyToPlan(query.body, scope, names);
    if (query.orderBy.length) plan = { kind: 'sort', child: plan, orders: query.orderBy.map((o) => outputOrder(o, query.body)), global: true };
  }
  if (query.limit || query.offset) {
    const n = query.limit ? constantInt(query.limit, 'LIMIT') : Infinity;
    plan = { kind: 'limit', child: plan, n, offset: query.offset ? constantInt(query.offset, 'OFFSET') : 0 };
  }
  return plan;
}

function bodyToPlan(body: QueryBody, scope: CteScope, names: readonly string[] | null): LogicalPlan {
  switch (body.kind) {
    case 'select':
      return selectToPlan(body, scope, [], names);
    case 'query':
      return queryToPlan(body, scope, names);
    case 'setOperation': {
      const left = bodyToPlan(body.left, scope, names);
      const right = bodyToPlan(body.right, scope, null);
      // As Spark's parser does: UNION [DISTINCT] is Distinct(Union), the union itself keeps all rows.
      if (body.op === 'union') {
        const union: LogicalPlan = { kind: 'setOp', op: 'union', all: true, left, right };
        return body.all ? union : { kind: 'distinct', child: union };
      }
      return { kind: 'setOp', op: body.op, all: body.all, left, right };
    }
    case 'values':
      return valuesPlan(body.rows, names);
    case 'tableQuery':
      if (names) throw unsupported('column aliases on TABLE t');
      return tablePlan(body.name, scope);
  }
}

/**
 * ORDER BY over a set operation or VALUES sorts its output: an ordinal names the column at that
 * position of the first SELECT.
 */
function outputOrder(item: SortItem, body: QueryBody): SortOrderExpr {
  let expr: PlanExpr;
  if (item.expr.kind === 'literal' && item.expr.type === 'int') {
    const first = leftmostSelect(body);
    const selected = first?.items[item.expr.value - 1];
    const name = selected && selectItemName(selected);
    if (!name) throw new Error(`[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position ${item.expr.value} is not in select list (or has no name to sort the set operation by).`);
    expr = { kind: 'column', name };
  } else {
    expr = toExpr(item.expr, NO_SCOPE);
  }
  return { kind: 'sortOrder', child: expr, ascending: item.ascending, nullsFirst: item.nullsFirst };
}

function leftmostSelect(body: QueryBody): Select | undefined {
  if (body.kind === 'select') return body;
  if (body.kind === 'setOperation') return leftmostSelect(body.left);
  if (body.kind === 'query') return leftmostSelect(body.body);
  return undefined;
}

/** LIMIT's or OFFSET's value: a number, negated or not, checked as `df.limit(n)` is (analyzer/limit-like.ts). */
export function constantInt(e: Expr, clause: 'LIMIT' | 'OFFSET'): number {
  const negated = e.kind === 'unary' && e.op === '-';
  const number = negated ? e.operand : e;
  if (number.kind === 'literal' && NUMERIC_LITERALS.has(number.type)) {
    const value = negated ? -Number(number.value) : Number(number.value);
    const type = INTEGER_LITERALS.has(number.type) ? undefined : (toExpr(number, NO_SCOPE) as PlanLiteral).dataType.simpleString().toUpperCase();
    return limitLikeValue(clause === 'LIMIT' ? 'limit' : 'offset', formatExpr(e), value, type);
  }
  throw new Error(`[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The ${clause} expression ${formatExpr(e)} must be a non-negative integer constant.`);
}

const INTEGER_LITERALS = new Set(['int', 'bigint', 'smallint', 'tinyint']);
const NUMERIC_LITERALS = new Set([...INTEGER_LITERALS, 'float', 'double', 'decimal']);
type PlanLiteral = Extract<PlanExpr, { kind: 'literal' }>;

/** The FROM items: comma-separated relations are inner joins without a condition (filtered by WHERE). */
export function fromToPlan(relations: readonly Relation[], scope: CteScope): LogicalPlan {
  if (relations.length === 0) return oneRow();
  return relations
    .map((r) => relationToPlan(r, scope))
    .reduce((left, right) => ({ kind: 'join', left, right, joinType: 'inner', condition: undefined }));
}

/** The single empty row a SELECT without FROM reads. */
function oneRow(): LogicalPlan {
  return { kind: 'relation', output: [], source: new LocalRows([[]]) };
}

function relationToPlan(r: Relation, scope: CteScope): LogicalPlan {
  switch (r.kind) {
    case 'table': {
      if (r.alias?.columns && !scope.has(r.name.join('.').toLowerCase())) throw unsupported(`column aliases on table ${r.name.join('.')}`);
      const plan = tablePlan(r.name, scope, r.alias?.columns ?? null);
      return r.alias ? { kind: 'subqueryAlias', child: plan, alias: r.alias.name } : plan;
    }
    case 'subquery':
      return aliased(queryToPlan(r.query, scope, r.alias?.columns ?? null), r.alias);
    case 'inlineTable':
      return aliased(valuesPlan(r.rows, r.alias?.columns ?? null), r.alias);
    case 'tableFunction':
      return aliased(tableFunctionPlan(r.name, r.args, r.alias?.columns ?? null), r.alias);
    case 'join': {
      const left = relationToPlan(r.left, scope);
      const right = relationToPlan(r.right, scope);
      switch (r.criteria.kind) {
        case 'on':
          return { kind: 'join', left, right, joinType: r.joinType, condition: toExpr(r.criteria.condition, exprScopeOf(scope)) };
        case 'using':
          return { kind: 'join', left, right, joinType: r.joinType, condition: undefined, using: r.criteria.columns };
        case 'natural':
          throw unsupported(`NATURAL JOIN (in ${formatRelation(r)}); name the columns with USING (...)`);
        case 'none':
          return { kind: 'join', left, right, joinType: r.joinType, condition: undefined };
      }
    }
  }
}

/** How expressions of a query see its CTEs (in subqueries) and its named windows. */
export function exprScopeOf(scope: CteScope, windows: ReadonlyMap<string, WindowSpec> = new Map()): ExprScope {
  return { subqueryPlan: (q: Query) => queryToPlan(q, scope), windows };
}

function aliased(plan: LogicalPlan, alias: TableAlias | null): LogicalPlan {
  return alias ? { kind: 'subqueryAlias', child: plan, alias: alias.name } : plan;
}

/**
 * A table name: a CTE in scope (planned afresh at each reference, so that two references are two
 * relations), else a temp view the analyzer looks up.
 */
function tablePlan(name: readonly string[], scope: CteScope, columns: readonly string[] | null = null): LogicalPlan {
  const cte = name.length === 1 ? scope.get(name[0]!.toLowerCase()) : undefined;
  if (cte) {
    return { kind: 'subqueryAlias', child: queryToPlan(cte.query, cte.scope, columns ?? cte.columns), alias: name[0]! };
  }
  return { kind: 'unresolvedRelation', name: name.join('.') };
}

/** VALUES rows: a one-row projection per row, unioned; columns are col1, col2, ... as in Spark. */
function valuesPlan(rows: readonly (readonly Expr[])[], names: readonly string[] | null): LogicalPlan {
  const width = rows[0]!.length;
  if (rows.some((row) => row.length !== width)) {
    throw new Error('[INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH] Invalid inline table: every row of VALUES must have the same number of values.');
  }
  if (names && names.length !== width) {
    throw new Error(`[ASSIGNMENT_ARITY_MISMATCH] VALUES has ${width} columns but ${names.length} column names were given.`);
  }
  const columnNames = names ?? Array.from({ length: width }, (_, i) => `col${i + 1}`);
  return rows
    .map((row): LogicalPlan => ({ kind: 'project', child: oneRow(), exprs: row.map((v, i) => aliasOf(toExpr(v, NO_SCOPE), columnNames[i]!)) }))
    .reduce((left, right) => ({ kind: 'setOp', op: 'union', all: true, left, right }));
}

/** range(end), range(start, end[, step[, numPartitions]]): one bigint column `id`. */
function tableFunctionPlan(name: string, args: readonly Expr[], columns: readonly string[] | null): LogicalPlan {
  if (name.toLowerCase() !== 'range') throw new Error(`[UNRESOLVED_ROUTINE] Cannot resolve table-valued function \`${name}\`; Flint has range(start, end, step, numPartitions).`);
  if (args.length < 1 || args.length > 4) throw new Error(`[WRONG_NUM_ARGS] range() takes 1 to 4 arguments, not ${args.length}.`);
  const values = args.map((a) => {
    const value = toExpr(a, NO_SCOPE);
    // A bigint literal past 2^53 is a JS bigint (types/long-value.ts).
    if (value.kind !== 'literal' || !(typeof value.value === 'bigint' || (typeof value.value === 'number' && Number.isInteger(value.value)))) {
      throw new Error(`range() takes integer constants, not ${formatExpr(a)}.`);
    }
    return value.value;
  });
  const [start, end] = values.length === 1 ? [0, values[0]!] : [values[0]!, values[1]!];
  const step = values[2] ?? 1;
  if (step === 0) throw new Error('range(): step must not be 0');
  const id = { kind: 'attr', id: newExprId(), name: columns?.[0] ?? 'id', dataType: Types.long, nullable: false } as const;
  if (columns && columns.length !== 1) throw new Error(`[ASSIGNMENT_ARITY_MISMATCH] range() has 1 column but ${columns.length} column names were given.`);
  return { kind: 'relation', output: [id], source: new RangeRows(start, end, step, values[3] === undefined ? undefined : Number(values[3])) };
}
