/**
 * Primary expressions: literals, names, `*`, parentheses (a subquery, a row or a lambda's
 * parameters), CASE, CAST, function calls, and the postfix forms `a[i]`, `(x).f` and `x::type`.
 */
import type { Expr, Literal } from './ast.js';
import { originOf, type Cursor } from './cursor.js';
import type { Token } from './tokens.js';
import { parseDataType } from './data-types.js';
import { parseExpr, parseValue, startsQuery } from './expressions.js';
import { namedStructArgs, parseFunctionCall, parseSpecialForm } from './functions.js';
import { RESERVED_FUNCTION_NAMES, RESERVED_WORDS } from './keywords.js';
import { parseIntervalLiteral, parseNumberLiteral, parseStringLiteral, startsIntervalLiteral } from './literals.js';
import { parseQuery, tryParenthesizedQuery } from './queries.js';

/** Words that, before a string, make a typed literal: DATE '2020-01-01'. */
const TYPED_LITERALS: Record<string, Literal['type']> = {
  DATE: 'date', TIMESTAMP: 'timestamp', TIMESTAMP_LTZ: 'timestamp', TIMESTAMP_NTZ: 'timestamp_ntz', X: 'binary',
};

/** Niladic functions Spark also accepts without parentheses. */
const BARE_FUNCTIONS = new Set(['CURRENT_DATE', 'CURRENT_TIMESTAMP']);

export function parsePrimary(c: Cursor): Expr {
  const token = c.peek();
  switch (token.kind) {
    case 'integer':
    case 'decimal':
    case 'exponent':
    case 'typedNumber':
      return parseNumberLiteral(c, false);
    case 'string':
      return { kind: 'literal', type: 'string', value: parseStringLiteral(c) };
    case 'binaryString':
      c.next();
      return { kind: 'literal', type: 'binary', value: token.value };
    case 'quotedIdentifier':
      return parseName(c);
    case 'operator':
      if (token.value === '(') return parseParenthesized(c);
      if (token.value === '*') {
        c.next();
        return { kind: 'star', qualifier: null };
      }
      break;
    case 'word':
      return parseWord(c);
    case 'eof':
      break;
  }
  throw c.error('expected an expression');
}

function parseWord(c: Cursor): Expr {
  const token = c.peek();
  const word = token.upper;
  if (word === 'NULL') return c.next(), { kind: 'literal', type: 'null', value: null };
  if (word === 'TRUE' || word === 'FALSE') return c.next(), { kind: 'literal', type: 'boolean', value: word === 'TRUE' };
  if (word === 'CASE') return parseCase(c);
  if (word === 'EXISTS' && c.isOp('(', 1) && startsQuery(c, 2)) {
    c.next();
    c.next();
    const query = parseQuery(c);
    c.expectOp(')');
    return { kind: 'exists', query };
  }
  if (startsIntervalLiteral(c)) return parseIntervalLiteral(c);
  const typed = TYPED_LITERALS[word];
  if (typed && c.peek(1).kind === 'string') {
    c.next();
    return { kind: 'literal', type: typed, value: parseStringLiteral(c) } as Literal;
  }
  if (c.isOp('->', 1) && c.isIdentifier()) {
    const param = c.identifier();
    c.next();
    return { kind: 'lambda', params: [param], body: parseExpr(c) };
  }
  if (c.isOp('(', 1) && (!RESERVED_WORDS.has(word) || RESERVED_FUNCTION_NAMES.has(word))) {
    return parseSpecialForm(c) ?? parseFunctionCall(c);
  }
  if (BARE_FUNCTIONS.has(word)) {
    c.next();
    return { kind: 'function', name: token.text, args: [], distinct: false, filter: null, ignoreNulls: null, over: null };
  }
  // LEFT and RIGHT name columns and lambda parameters where a join cannot follow, as Spark's
  // array_sort(a, (left, right) -> ...) needs.
  if (c.isWord(JOIN_SIDES)) return { kind: 'column', name: [c.next().value] };
  if (!c.isIdentifier() && !isWindowColumn(c)) throw c.error('expected an expression');
  return parseName(c);
}

const JOIN_SIDES = ['LEFT', 'RIGHT'];
const isLambdaParameter = (c: Cursor, ahead = 0) => c.isIdentifier(ahead) || c.isWord(JOIN_SIDES, ahead);

/** `window.start`: the `window` column of a time window (the clause word WINDOW is never followed by a dot). */
const isWindowColumn = (c: Cursor) => c.isWord('WINDOW') && c.isOp('.', 1);

/** A dotted name `a`, `t.a`, `s.f.g`, or a qualified star `t.*`. */
function parseName(c: Cursor): Expr {
  const parts = [isWindowColumn(c) ? c.next().value : c.identifier()];
  while (c.isOp('.')) {
    if (c.isOp('*', 1)) {
      c.next();
      c.next();
      return { kind: 'star', qualifier: parts };
    }
    const next = c.peek(1);
    if (next.kind !== 'word' && next.kind !== 'quotedIdentifier') break;
    c.next();
    parts.push(c.nameAfterDot());
  }
  return { kind: 'column', name: parts };
}

/**
 * `(` starts a scalar subquery, a lambda's parameter list `(x, y) -> ...`, a row `(a, b)` or a
 * parenthesized expression. A subquery is tried first when a query keyword follows the
 * parentheses; `((SELECT 1) + 1)` falls back to an expression.
 */
function parseParenthesized(c: Cursor): Expr {
  const query = tryParenthesizedQuery(c);
  if (query) return { kind: 'scalarSubquery', query };
  if (isLambdaParameterList(c)) {
    c.next();
    const parameter = () => (c.isWord(JOIN_SIDES) ? c.next().value : c.identifier());
    const params = [parameter()];
    while (c.acceptOp(',')) params.push(parameter());
    c.expectOp(')');
    c.expectOp('->');
    return { kind: 'lambda', params, body: parseExpr(c) };
  }
  c.next();
  const items = [parseExpr(c)];
  // A row's items may be named, `(a AS x, b AS y)`: then it is named_struct('x', a, 'y', b), as in
  // Spark (the first item's name only when a second item follows: `(a AS x)` is not a row).
  const aliases = [c.isWord('AS') && c.isOp(',', 2) ? acceptFieldAlias(c) : null];
  while (c.acceptOp(',')) {
    items.push(parseExpr(c));
    aliases.push(acceptFieldAlias(c));
  }
  c.expectOp(')');
  if (items.length === 1) return items[0]!;
  if (aliases.some((a) => a !== null)) return { kind: 'function', name: 'named_struct', args: namedStructArgs(items, aliases), distinct: false, filter: null, ignoreNulls: null, over: null };
  return { kind: 'row', items };
}

const acceptFieldAlias = (c: Cursor): string | null => (c.acceptWord('AS') ? c.identifier('a field name after AS') : null);

function isLambdaParameterList(c: Cursor): boolean {
  let i = 1;
  for (;;) {
    if (!isLambdaParameter(c, i)) return false;
    if (c.isOp(')', i + 1)) return c.isOp('->', i + 2);
    if (!c.isOp(',', i + 1)) return false;
    i += 2;
  }
}

function parseCase(c: Cursor): Expr {
  c.expectWord('CASE');
  const operand = c.isWord('WHEN') ? null : parseExpr(c);
  const branches: { when: Expr; then: Expr }[] = [];
  while (c.acceptWord('WHEN')) {
    const when = parseExpr(c);
    c.expectWord('THEN');
    branches.push({ when, then: parseExpr(c) });
  }
  if (branches.length === 0) throw c.error('expected WHEN');
  const otherwise = c.acceptWord('ELSE') ? parseExpr(c) : null;
  c.expectWord('END');
  return { kind: 'case', operand, branches, else: otherwise };
}

/** Postfix forms bind tightest: `a[0]`, `(x).field`, `x::int`, in any sequence. */
export function parsePostfix(c: Cursor, base: Expr, start: Token): Expr {
  let expr = base;
  for (;;) {
    if (c.acceptOp('[')) {
      const index = parseValue(c);
      c.expectOp(']');
      expr = { kind: 'subscript', base: expr, index, ...originOf(c, start) };
    } else if (c.isOp('.') && (c.peek(1).kind === 'word' || c.peek(1).kind === 'quotedIdentifier')) {
      c.next();
      expr = { kind: 'fieldAccess', base: expr, field: c.nameAfterDot() };
    } else if (c.acceptOp('::')) {
      const type = parseDataType(c);
      expr = { kind: 'cast', operand: expr, type, try: false, ...originOf(c, start) };
    } else {
      return expr;
    }
  }
}
