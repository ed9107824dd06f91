/**
 * Function calls: `f(args)`, `count(*)`, `count(DISTINCT x)`, `first(x) IGNORE NULLS`,
 * `sum(x) FILTER (WHERE c)`, `f(x) OVER (...)`, `percentile_cont(p) WITHIN GROUP (ORDER BY x)`, and the functions with SQL's own argument
 * syntax: CAST(x AS t), TRY_CAST, EXTRACT(f FROM x), SUBSTRING(s FROM i FOR n),
 * TRIM([BOTH|LEADING|TRAILING] [c] FROM s), POSITION(a IN b), TIMESTAMPADD(unit, n, ts) and TIMESTAMPDIFF(unit, a, b).
 */
import type { Expr, FunctionCall, SortItem } from './ast.js';
import { originOf, type Cursor } from './cursor.js';
import { parseDataType } from './data-types.js';
import { parseExpr, parseValue } from './expressions.js';
import { parseOver, parseSortItems } from './windows.js';

export function parseFunctionCall(c: Cursor): FunctionCall {
  const start = c.peek();
  let name = c.next().text;
  c.expectOp('(');
  let distinct = false;
  if (c.acceptWord('DISTINCT')) distinct = true;
  else c.acceptWord('ALL');
  let args: Expr[] = [];
  const aliases: (string | null)[] = [];
  if (!c.isOp(')')) {
    do {
      args.push(parseExpr(c));
      aliases.push(name.toLowerCase() === 'struct' && c.acceptWord('AS') ? c.identifier('a field name after AS') : null);
    } while (c.acceptOp(','));
  }
  if (aliases.some((a) => a !== null)) {
    args = namedStructArgs(args, aliases);
    name = 'named_struct';
  }
  let ignoreNulls = parseNullsOption(c);
  c.expectOp(')');
  const withinGroup = parseWithinGroup(c);
  let filter: Expr | null = null;
  if (c.isWord('FILTER') && c.isOp('(', 1)) {
    c.next();
    c.next();
    c.expectWord('WHERE');
    filter = parseExpr(c);
    c.expectOp(')');
  }
  ignoreNulls = parseNullsOption(c) ?? ignoreNulls;
  const over = c.acceptWord('OVER') ? parseOver(c) : null;
  return { kind: 'function', name, args, distinct, filter, ignoreNulls, over, ...(withinGroup && { withinGroup }), ...originOf(c, start) };
}

/**
 * `struct(1 AS a, x)` (Spark's grammar lets struct's arguments be named): named_struct's
 * name/value pairs; an unnamed argument is named after its column, else `col<n>`, as struct() names it.
 */
export function namedStructArgs(args: readonly Expr[], aliases: readonly (string | null)[]): Expr[] {
  const nameOf = (e: Expr, i: number) => aliases[i] ?? (e.kind === 'column' ? e.name[e.name.length - 1]! : `col${i + 1}`);
  return args.flatMap((e, i) => [{ kind: 'literal', type: 'string', value: nameOf(e, i) } as Expr, e]);
}

/** WITHIN GROUP (ORDER BY x [ASC|DESC]): the ordered input of an inverse distribution function. */
function parseWithinGroup(c: Cursor): SortItem | undefined {
  if (!c.isWord('WITHIN') || !c.isWord('GROUP', 1)) return undefined;
  c.next();
  c.next();
  c.expectOp('(');
  c.expectWord('ORDER');
  c.expectWord('BY');
  const [item, ...more] = parseSortItems(c);
  if (more.length > 0) throw c.error('WITHIN GROUP takes one ORDER BY expression');
  c.expectOp(')');
  return item;
}

/** IGNORE NULLS / RESPECT NULLS, inside the parentheses or after them. */
function parseNullsOption(c: Cursor): boolean | null {
  if (!c.isWord(['IGNORE', 'RESPECT']) || !c.isWord('NULLS', 1)) return null;
  const ignore = c.next().upper === 'IGNORE';
  c.next();
  return ignore;
}

/**
 * The functions whose arguments use keywords. Returns null (and consumes nothing) when the call
 * at the cursor is an ordinary one, such as `substring(s, 1, 3)` or `trim(s)`.
 */
export function parseSpecialForm(c: Cursor): Expr | null {
  const start = c.mark();
  const startToken = c.peek();
  const word = c.peek().upper;
  switch (word) {
    case 'CAST':
    case 'TRY_CAST': {
      c.next();
      c.next();
      const operand = parseExpr(c);
      c.expectWord('AS');
      const type = parseDataType(c);
      c.expectOp(')');
      return { kind: 'cast', operand, type, try: word === 'TRY_CAST', ...originOf(c, startToken) };
    }
    case 'EXTRACT': {
      c.next();
      c.next();
      const field = c.peek();
      if (field.kind === 'word' && c.isWord('FROM', 1)) {
        c.next();
        c.next();
        const source = parseExpr(c);
        c.expectOp(')');
        return { kind: 'extract', field: field.text, source };
      }
      break;
    }
    case 'SUBSTRING':
    case 'SUBSTR': {
      const name = c.next().text;
      c.next();
      const source = parseValue(c);
      if (c.acceptWord('FROM')) {
        const args = [source, parseValue(c)];
        if (c.acceptWord('FOR')) args.push(parseValue(c));
        c.expectOp(')');
        return { kind: 'function', name, args, distinct: false, filter: null, ignoreNulls: null, over: null };
      }
      break;
    }
    case 'POSITION': {
      c.next();
      c.next();
      const needle = parseValue(c);
      if (c.acceptWord('IN')) {
        const haystack = parseValue(c);
        c.expectOp(')');
        // Spark's parser builds StringLocate, named locate(a, b, 1); position(a, b) keeps its own name.
        return { kind: 'function', name: 'locate', args: [needle, haystack], distinct: false, filter: null, ignoreNulls: null, over: null };
      }
      break;
    }
    case 'TRIM':
      return parseTrim(c);
    case 'TIMESTAMPADD':
    case 'DATEADD':
    case 'DATE_ADD':
    case 'TIMESTAMPDIFF':
    case 'DATEDIFF':
    case 'DATE_DIFF':
      if (c.isWord(DATETIME_UNITS, 2) && c.isOp(',', 3)) return parseDatetimeUnitCall(c, word.endsWith('ADD') ? 'timestamp_add' : 'timestamp_diff');
      break;
  }
  c.reset(start);
  return null;
}

/** Spark's datetimeUnit keywords, the first argument of TIMESTAMPADD and TIMESTAMPDIFF. */
const DATETIME_UNITS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'DAYOFYEAR', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND'];

/** TIMESTAMPADD(unit, n, ts) / TIMESTAMPDIFF(unit, start, end) (and DATEADD, DATEDIFF): the unit word becomes a string argument. */
function parseDatetimeUnitCall(c: Cursor, name: string): Expr {
  c.next();
  c.next();
  const unit = c.next().text;
  c.expectOp(',');
  const args: Expr[] = [{ kind: 'literal', type: 'string', value: unit }, parseExpr(c)];
  c.expectOp(',');
  args.push(parseExpr(c));
  c.expectOp(')');
  return { kind: 'function', name, args, distinct: false, filter: null, ignoreNulls: null, over: null };
}

function parseTrim(c: Cursor): Expr {
  c.next();
  c.next();
  const sideWord = c.isWord(['BOTH', 'LEADING', 'TRAILING']) ? c.next().upper : null;
  const side = sideWord === 'LEADING' ? 'leading' : sideWord === 'TRAILING' ? 'trailing' : 'both';
  if (sideWord && c.acceptWord('FROM')) {
    const source = parseExpr(c);
    c.expectOp(')');
    return { kind: 'trim', side, chars: null, source };
  }
  const first = parseExpr(c);
  if (c.acceptWord('FROM')) {
    const source = parseExpr(c);
    c.expectOp(')');
    return { kind: 'trim', side, chars: first, source };
  }
  if (sideWord) throw c.error(`expected FROM after TRIM(${sideWord} ...`);
  // trim(str) and Spark's two-argument function form trim(str, trimStr).
  const chars = c.acceptOp(',') ? parseExpr(c) : null;
  c.expectOp(')');
  return { kind: 'trim', side, chars, source: first };
}
