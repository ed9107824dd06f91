/**
 * Prints a syntax tree back as normalized SQL: upper-case keywords, every operator and predicate
 * in parentheses, joins and set operations parenthesized, defaults spelled out (ASC NULLS
 * FIRST). Tests compare trees through this text, and it parses back to the same tree.
 */
import type {
  Expr, FrameBound, GroupingItem, Literal, Query, QueryBody, Relation, SelectItem, SortItem,
  Statement, TableAlias, WindowRef, WindowSpec,
} from './ast.js';
import { RESERVED_WORDS } from './keywords.js';

export function formatStatement(statement: Statement): string {
  switch (statement.kind) {
    case 'query':
      return formatQuery(statement);
    case 'explain':
      return `EXPLAIN ${statement.mode === 'simple' ? '' : `${statement.mode.toUpperCase()} `}${formatStatement(statement.statement)}`;
    case 'createView': {
      const words = ['CREATE', statement.orReplace ? 'OR REPLACE' : '', statement.global ? 'GLOBAL' : '', 'TEMPORARY VIEW',
        statement.ifNotExists ? 'IF NOT EXISTS' : ''].filter(Boolean);
      const columns = statement.columns ? `(${statement.columns.map(quoteName).join(', ')})` : '';
      return `${words.join(' ')} ${formatName(statement.name)}${columns} AS ${formatQuery(statement.query)}`;
    }
    case 'dropView':
      return `DROP VIEW ${statement.ifExists ? 'IF EXISTS ' : ''}${formatName(statement.name)}`;
    case 'describe':
      return statement.target.kind === 'table'
        ? `DESCRIBE TABLE ${statement.extended ? 'EXTENDED ' : ''}${formatName(statement.target.name)}`
        : `DESCRIBE QUERY ${formatQuery(statement.target)}`;
    case 'showTables':
      return ['SHOW TABLES', statement.database === null ? '' : `IN ${quoteName(statement.database)}`,
        statement.pattern === null ? '' : `LIKE ${quoteString(statement.pattern)}`].filter(Boolean).join(' ');
    case 'set':
      return ['SET', statement.key ?? '', statement.value === null ? '' : `= ${statement.value}`].filter(Boolean).join(' ');
    case 'reset':
      return statement.key === null ? 'RESET' : `RESET ${statement.key}`;
  }
}

export function formatQuery(query: Query): string {
  const parts: string[] = [];
  if (query.ctes.length) {
    const ctes = query.ctes.map((cte) =>
      `${quoteName(cte.name)}${cte.columns ? `(${cte.columns.map(quoteName).join(', ')})` : ''} AS (${formatQuery(cte.query)})`);
    parts.push(`WITH ${ctes.join(', ')}`);
  }
  parts.push(formatBody(query.body));
  if (query.orderBy.length) parts.push(`ORDER BY ${query.orderBy.map(formatSortItem).join(', ')}`);
  if (query.limit) parts.push(`LIMIT ${formatExpr(query.limit)}`);
  if (query.offset) parts.push(`OFFSET ${formatExpr(query.offset)}`);
  return parts.join(' ');
}

function formatBody(body: QueryBody): string {
  switch (body.kind) {
    case 'query':
      return `(${formatQuery(body)})`;
    case 'setOperation':
      return `${formatOperand(body.left)} ${body.op.toUpperCase()}${body.all ? ' ALL' : ''} ${formatOperand(body.right)}`;
    case 'values':
      return `VALUES ${formatRows(body.rows)}`;
    case 'tableQuery':
      return `TABLE ${formatName(body.name)}`;
    case 'select': {
      const parts = [`SELECT ${body.distinct ? 'DISTINCT ' : ''}${body.items.map(formatSelectItem).join(', ')}`];
      if (body.from.length) parts.push(`FROM ${body.from.map(formatRelation).join(', ')}`);
      if (body.where) parts.push(`WHERE ${formatExpr(body.where)}`);
      if (body.groupBy) {
        parts.push(`GROUP BY ${body.groupBy.all ? 'ALL' : body.groupBy.items.map(formatGroupingItem).join(', ')}`);
      }
      if (body.having) parts.push(`HAVING ${formatExpr(body.having)}`);
      if (body.windows.length) {
        parts.push(`WINDOW ${body.windows.map((w) => `${quoteName(w.name)} AS ${formatWindowSpec(w.spec)}`).join(', ')}`);
      }
      return parts.join(' ');
    }
  }
}

/** Operands of a set operation that are set operations themselves show their grouping. */
function formatOperand(body: QueryBody): string {
  return body.kind === 'setOperation' ? `(${formatBody(body)})` : formatBody(body);
}

function formatSelectItem(item: SelectItem): string {
  if (item.aliases !== undefined) return `${formatExpr(item.expr)} AS (${item.aliases.map(quoteName).join(', ')})`;
  return item.alias === null ? formatExpr(item.expr) : `${formatExpr(item.expr)} AS ${quoteName(item.alias)}`;
}

function formatGroupingItem(item: GroupingItem): string {
  switch (item.kind) {
    case 'rollup':
    case 'cube':
    case 'groupingSets': {
      const name = item.kind === 'groupingSets' ? 'GROUPING SETS' : item.kind.toUpperCase();
      return `${name}(${item.sets.map((set) => `(${set.map(formatExpr).join(', ')})`).join(', ')})`;
    }
    default:
      return formatExpr(item);
  }
}

function formatRows(rows: readonly (readonly Expr[])[]): string {
  return rows.map((row) => `(${row.map(formatExpr).join(', ')})`).join(', ');
}

function formatAlias(alias: TableAlias | null): string {
  if (!alias) return '';
  return ` AS ${quoteName(alias.name)}${alias.columns ? `(${alias.columns.map(quoteName).join(', ')})` : ''}`;
}

export function formatRelation(relation: Relation): string {
  switch (relation.kind) {
    case 'table':
      return formatName(relation.name) + formatAlias(relation.alias);
    case 'subquery':
      return `(${formatQuery(relation.query)})${formatAlias(relation.alias)}`;
    case 'tableFunction':
      return `${quoteName(relation.name)}(${relation.args.map(formatExpr).join(', ')})${formatAlias(relation.alias)}`;
    case 'inlineTable':
      return `VALUES ${formatRows(relation.rows)}${formatAlias(relation.alias)}`;
    case 'join': {
      const type = relation.joinType.replace('_', ' ').toUpperCase();
      const criteria = relation.criteria;
      const natural = criteria.kind === 'natural' ? 'NATURAL ' : '';
      const tail = criteria.kind === 'on' ? ` ON ${formatExpr(criteria.condition)}`
        : criteria.kind === 'using' ? ` USING (${criteria.columns.map(quoteName).join(', ')})` : '';
      return `(${formatRelation(relation.left)} ${natural}${type} JOIN ${formatRelation(relation.right)}${tail})`;
    }
  }
}

function formatSortItem(item: SortItem): string {
  return `${formatExpr(item.expr)} ${item.ascending ? 'ASC' : 'DESC'} NULLS ${item.nullsFirst ? 'FIRST' : 'LAST'}`;
}

function formatWindowSpec(spec: WindowSpec | WindowRef): string {
  if (spec.kind === 'windowRef') return quoteName(spec.name);
  const parts: string[] = [];
  if (spec.partitionBy.length) parts.push(`PARTITION BY ${spec.partitionBy.map(formatExpr).join(', ')}`);
  if (spec.orderBy.length) parts.push(`ORDER BY ${spec.orderBy.map(formatSortItem).join(', ')}`);
  if (spec.frame) {
    parts.push(`${spec.frame.unit.toUpperCase()} BETWEEN ${formatBound(spec.frame.start)} AND ${formatBound(spec.frame.end)}`);
  }
  return `(${parts.join(' ')})`;
}

function formatBound(bound: FrameBound): string {
  switch (bound.kind) {
    case 'unboundedPreceding':
      return 'UNBOUNDED PRECEDING';
    case 'unboundedFollowing':
      return 'UNBOUNDED FOLLOWING';
    case 'currentRow':
      return 'CURRENT ROW';
    case 'preceding':
      return `${formatExpr(bound.offset)} PRECEDING`;
    case 'following':
      return `${formatExpr(bound.offset)} FOLLOWING`;
  }
}

const not = (negated: boolean): string => (negated ? 'NOT ' : '');

type Formatters = { [K in Expr['kind']]: (expr: Extract<Expr, { kind: K }>) => string };

const EXPR_FORMATTERS: Formatters = {
  literal: formatLiteral,
  interval: (e) => `INTERVAL ${e.parts.map((p) => `${quoteString(p.value)}${p.unit ? ` ${p.unit.toUpperCase()}` : ''}`).join(' ')}${e.to ? ` TO ${e.to.toUpperCase()}` : ''}`,
  column: (e) => formatName(e.name),
  star: (e) => (e.qualifier ? `${formatName(e.qualifier)}.*` : '*'),
  unary: (e) => `(${e.op === 'not' ? 'NOT' : e.op} ${formatExpr(e.operand)})`,
  binary: (e) => `(${formatExpr(e.left)} ${/^[a-z]+$/.test(e.op) ? e.op.toUpperCase() : e.op} ${formatExpr(e.right)})`,
  isNull: (e) => `(${formatExpr(e.operand)} IS ${not(e.negated)}NULL)`,
  isBoolean: (e) => `(${formatExpr(e.operand)} IS ${not(e.negated)}${e.value === null ? 'UNKNOWN' : String(e.value).toUpperCase()})`,
  isDistinctFrom: (e) => `(${formatExpr(e.left)} IS ${not(e.negated)}DISTINCT FROM ${formatExpr(e.right)})`,
  between: (e) => `(${formatExpr(e.operand)} ${not(e.negated)}BETWEEN ${formatExpr(e.low)} AND ${formatExpr(e.high)})`,
  like: (e) => `(${formatExpr(e.operand)} ${not(e.negated)}${e.op.toUpperCase()} ${formatExpr(e.pattern)}${e.escape === null ? '' : ` ESCAPE ${quoteString(e.escape)}`})`,
  inList: (e) => `(${formatExpr(e.operand)} ${not(e.negated)}IN (${e.list.map(formatExpr).join(', ')}))`,
  inSubquery: (e) => `(${formatExpr(e.operand)} ${not(e.negated)}IN (${formatQuery(e.query)}))`,
  exists: (e) => `EXISTS (${formatQuery(e.query)})`,
  scalarSubquery: (e) => `(${formatQuery(e.query)})`,
  case: (e) => ['CASE', e.operand ? formatExpr(e.operand) : '', ...e.branches.map((b) => `WHEN ${formatExpr(b.when)} THEN ${formatExpr(b.then)}`),
    e.else ? `ELSE ${formatExpr(e.else)}` : '', 'END'].filter(Boolean).join(' '),
  cast: (e) => `${e.try ? 'TRY_CAST' : 'CAST'}(${formatExpr(e.operand)} AS ${e.type})`,
  function: (e) => {
    const args = `${e.distinct ? 'DISTINCT ' : ''}${e.args.map(formatExpr).join(', ')}`;
    const filter = e.filter ? ` FILTER (WHERE ${formatExpr(e.filter)})` : '';
    const nulls = e.ignoreNulls === null ? '' : e.ignoreNulls ? ' IGNORE NULLS' : ' RESPECT NULLS';
    return `${e.name}(${args})${filter}${nulls}${e.over ? ` OVER ${formatWindowSpec(e.over)}` : ''}`;
  },
  extract: (e) => `EXTRACT(${e.field} FROM ${formatExpr(e.source)})`,
  trim: (e) => `TRIM(${e.side.toUpperCase()} ${e.chars ? `${formatExpr(e.chars)} ` : ''}FROM ${formatExpr(e.source)})`,
  subscript: (e) => `${formatExpr(e.base)}[${formatExpr(e.index)}]`,
  fieldAccess: (e) => `${formatExpr(e.base)}.${quoteName(e.field)}`,
  row: (e) => `(${e.items.map(formatExpr).join(', ')})`,
  lambda: (e) => `${e.params.length === 1 ? quoteName(e.params[0]!) : `(${e.params.map(quoteName).join(', ')})`} -> ${formatExpr(e.body)}`,
};

export function formatExpr(expr: Expr): string {
  return (EXPR_FORMATTERS[expr.kind] as (e: Expr) => string)(expr);
}

function formatLiteral(literal: Literal): string {
  switch (literal.type) {
    case 'null':
      return 'NULL';
    case 'boolean':
      return String(literal.value);
    case 'int':
      return String(literal.value);
    case 'bigint':
      return `${literal.value}L`;
    case 'smallint':
      return `${literal.value}S`;
    case 'tinyint':
      return `${literal.value}Y`;
    case 'double':
      return `${literal.value}D`;
    case 'float':
      return `${literal.value}F`;
    case 'decimal':
      return `${literal.value}BD`;
    case 'string':
      return quoteString(literal.value);
    case 'binary':
      return `X'${literal.value}'`;
    case 'date':
      return `DATE ${quoteString(literal.value)}`;
    case 'timestamp':
      return `TIMESTAMP ${quoteString(literal.value)}`;
    case 'timestamp_ntz':
      return `TIMESTAMP_NTZ ${quoteString(literal.value)}`;
  }
}

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** Backquotes a name unless it is a plain identifier that is not reserved. */
export function quoteName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED_WORDS.has(name.toUpperCase());
  return plain ? name : `\`${name.replace(/`/g, '``')}\``;
}

function formatName(parts: readonly string[]): string {
  return parts.map(quoteName).join('.');
}
