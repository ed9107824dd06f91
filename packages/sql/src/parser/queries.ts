/**
 * Queries: WITH, the set operations (INTERSECT binds tighter than UNION, EXCEPT and MINUS, which
 * are left-associative among themselves, as in Spark), SELECT blocks with their clauses, VALUES,
 * TABLE t, parenthesized queries, and the ORDER BY / LIMIT / OFFSET of the whole query.
 */
import type { Cte, Expr, GroupBy, GroupingItem, NamedWindow, Query, QueryBody, Select, SelectItem, SetOperator, SqlHint } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, startsQuery } from './expressions.js';
import { parseFromList } from './relations.js';
import { parseLateralViews } from './lateral-views.js';
import { parseSortItems, parseWindowSpec } from './windows.js';

/**
 * `(` opening a query: the query, with the cursor after its `)`. `((SELECT 1) + 1)` and
 * `((SELECT ...) t JOIN u ...)` open with a query too, so when the parentheses are nested and the
 * query does not close them, the cursor goes back and `undefined` says to parse something else.
 */
export function tryParenthesizedQuery(c: Cursor): Query | undefined {
  if (!startsQuery(c, 1)) return undefined;
  const start = c.mark();
  const nested = c.isOp('(', 1);
  try {
    c.next();
    const query = parseQuery(c);
    c.expectOp(')');
    return query;
  } catch (error) {
    if (!nested) throw error;
    c.reset(start);
    return undefined;
  }
}

export function parseQuery(c: Cursor): Query {
  const ctes = c.acceptWord('WITH') ? parseCtes(c) : [];
  const body = parseSetOperations(c, 0);
  const orderBy = c.isWord('ORDER') && c.isWord('BY', 1) ? (c.next(), c.next(), parseSortItems(c)) : [];
  let limit: Expr | null = null;
  if (c.acceptWord('LIMIT')) limit = c.acceptWord('ALL') ? null : parseExpr(c);
  const offset = c.acceptWord('OFFSET') ? parseExpr(c) : null;
  return { kind: 'query', ctes, body, orderBy, limit, offset };
}

function parseCtes(c: Cursor): Cte[] {
  c.acceptWord('RECURSIVE');
  const ctes: Cte[] = [];
  do {
    const name = c.identifier('a name for the common table expression');
    const columns = c.isOp('(') && !startsQuery(c) ? c.identifierList() : null;
    c.acceptWord('AS');
    c.expectOp('(');
    const query = parseQuery(c);
    c.expectOp(')');
    ctes.push({ name, columns, query });
  } while (c.acceptOp(','));
  return ctes;
}

const SET_OPERATORS: Record<string, { readonly op: SetOperator; readonly power: number }> = {
  UNION: { op: 'union', power: 1 },
  EXCEPT: { op: 'except', power: 1 },
  MINUS: { op: 'except', power: 1 },
  INTERSECT: { op: 'intersect', power: 2 },
};

function parseSetOperations(c: Cursor, minPower: number): QueryBody {
  let left = parseQueryPrimary(c);
  for (;;) {
    const token = c.peek();
    const operator = token.kind === 'word' ? SET_OPERATORS[token.upper] : undefined;
    if (!operator || operator.power <= minPower) return left;
    c.next();
    const all = c.acceptWord('ALL') || (c.acceptWord('DISTINCT'), false);
    left = { kind: 'setOperation', op: operator.op, all, left, right: parseSetOperations(c, operator.power) };
  }
}

function parseQueryPrimary(c: Cursor): QueryBody {
  if (c.isWord('SELECT')) return parseSelect(c);
  if (c.acceptWord('VALUES')) return { kind: 'values', rows: parseValuesRows(c) };
  if (c.acceptWord('TABLE')) return { kind: 'tableQuery', name: c.multipartName('a table name') };
  if (c.acceptOp('(')) {
    const query = parseQuery(c);
    c.expectOp(')');
    // `(SELECT ...)` alone is just its body; a query keeps its parentheses only for its own
    // WITH, ORDER BY, LIMIT or OFFSET.
    const bare = query.ctes.length === 0 && query.orderBy.length === 0 && !query.limit && !query.offset;
    return bare ? query.body : query;
  }
  throw c.error('expected SELECT, VALUES, TABLE, WITH or (');
}

/** The rows of VALUES: `(1, 'a'), (2, 'b')`, or single values `1, 2`. */
export function parseValuesRows(c: Cursor): Expr[][] {
  const rows: Expr[][] = [];
  do {
    const row = parseExpr(c);
    rows.push(row.kind === 'row' ? [...row.items] : [row]);
  } while (c.acceptOp(','));
  return rows;
}

function parseSelect(c: Cursor): Select {
  c.expectWord('SELECT');
  const hints = c.peek().kind === 'hint' ? parseHints(c.next().value) : undefined;
  let distinct = false;
  if (c.acceptWord('DISTINCT')) distinct = true;
  else c.acceptWord('ALL');
  const items = [parseSelectItem(c)];
  while (c.acceptOp(',')) items.push(parseSelectItem(c));
  const from = c.acceptWord('FROM') ? parseFromList(c) : [];
  const lateralViews = parseLateralViews(c);
  const where = c.acceptWord('WHERE') ? parseExpr(c) : null;
  const groupBy = c.isWord('GROUP') && c.isWord('BY', 1) ? parseGroupBy(c) : null;
  const having = c.acceptWord('HAVING') ? parseExpr(c) : null;
  const windows = c.acceptWord('WINDOW') ? parseNamedWindows(c) : [];
  return { kind: 'select', distinct, items, from, where, groupBy, having, windows, ...(lateralViews.length > 0 ? { lateralViews } : {}), ...(hints && { hints }) };
}

/** The hints of a `/*+ ... *\/` comment: `NAME` or `NAME(param, ...)`, separated by spaces or commas. */
function parseHints(text: string): SqlHint[] {
  return [...text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?/g)].map(([, name, params]) => ({
    name: name!,
    parameters: (params ?? '').split(',').map((p) => p.trim().replace(/^`(.*)`$/, '$1')).filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  }));
}

/** expr [[AS] alias]; also what `df.selectExpr` reads. */
export function parseSelectItem(c: Cursor): SelectItem {
  const expr = parseExpr(c);
  if (c.acceptWord('AS')) {
    if (!c.isOp('(')) return { expr, alias: c.identifier('an alias after AS') };
    const aliases = c.identifierList();
    return { expr, alias: aliases[0]!, aliases };
  }
  return { expr, alias: c.isIdentifier() ? c.identifier() : null };
}

function parseGroupBy(c: Cursor): GroupBy {
  c.next();
  c.next();
  if (c.acceptWord('ALL')) return { items: [], all: true };
  const items: GroupingItem[] = [];
  do items.push(parseGroupingItem(c));
  while (c.acceptOp(','));
  // GROUP BY a, b WITH ROLLUP | WITH CUBE (Hive's spelling).
  if (c.isWord('WITH') && c.isWord(['ROLLUP', 'CUBE'], 1)) {
    c.next();
    const kind = c.next().upper === 'ROLLUP' ? 'rollup' : 'cube';
    return { items: [{ kind, sets: items.map((item) => [item as Expr]) }], all: false };
  }
  // GROUP BY a, b GROUPING SETS ((a), ()) (Hive's spelling): the sets over the columns listed.
  if (c.isWord('GROUPING') && c.isWord('SETS', 1) && !items.some(isAnalytics)) {
    c.next();
    c.next();
    return { items: [{ kind: 'groupingSets', sets: parseGroupingSetList(c), columns: items as Expr[] }], all: false };
  }
  return { items, all: false };
}

const isAnalytics = (item: GroupingItem) => item.kind === 'rollup' || item.kind === 'cube' || item.kind === 'groupingSets';

function parseGroupingItem(c: Cursor): GroupingItem {
  if (c.isWord(['ROLLUP', 'CUBE']) && c.isOp('(', 1)) {
    const token = c.next();
    const sets = parseGroupingSetList(c);
    // ROLLUP(a, ()) and CUBE(a, ()) are Spark's parse error (AstBuilder.visitGroupingAnalytics).
    if (sets.some((set) => set.length === 0)) throw c.legacyError('_LEGACY_ERROR_TEMP_0051', `Empty set in ${token.upper} grouping sets is not supported.`, token);
    return { kind: token.upper === 'ROLLUP' ? 'rollup' : 'cube', sets };
  }
  if (c.isWord('GROUPING') && c.isWord('SETS', 1)) {
    c.next();
    c.next();
    return { kind: 'groupingSets', sets: parseGroupingSetList(c) };
  }
  return parseExpr(c);
}

/** `(set, set, ...)` where a set is `(a, b)`, `()` or one expression. */
function parseGroupingSetList(c: Cursor): Expr[][] {
  c.expectOp('(');
  const sets: Expr[][] = [];
  do {
    if (c.isOp('(') && c.isOp(')', 1)) {
      c.next();
      c.next();
      sets.push([]);
      continue;
    }
    const expr = parseExpr(c);
    sets.push(expr.kind === 'row' ? [...expr.items] : [expr]);
  } while (c.acceptOp(','));
  c.expectOp(')');
  return sets;
}

function parseNamedWindows(c: Cursor): NamedWindow[] {
  const windows: NamedWindow[] = [];
  do {
    const name = c.identifier('a window name');
    c.expectWord('AS');
    windows.push({ name, spec: parseWindowSpec(c) });
  } while (c.acceptOp(','));
  return windows;
}
