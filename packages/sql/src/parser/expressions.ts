/**
 * Expressions, with Spark's operator precedence (SqlBaseParser's booleanExpression,
 * predicate and valueExpression rules), loosest first:
 *
 *   OR  <  AND  <  NOT  <  predicates (IS, BETWEEN, IN, LIKE, ILIKE, RLIKE)  <  comparisons
 *   (= == <> != < <= > >= <=>)  <  |  <  ^  <  &  <  << >> >>>  <  + - ||  <  * / % DIV
 *   <  unary - + ~  <  postfix [i] .field ::type
 *
 * A predicate applies once to a whole value expression: `a = b IS NULL` is `(a = b) IS NULL`.
 * Binary operators are left-associative and parsed by precedence climbing (Pratt).
 */
import type { BinaryOperator, Expr } from './ast.js';
import { literalText } from '../expr/literal.js';
import { Types } from '../expr/types-used.js';
import { originOf, type Cursor } from './cursor.js';
import { parseNumberLiteral } from './literals.js';
import { parsePostfix, parsePrimary } from './primary.js';
import { parseQuery } from './queries.js';

export function parseExpr(c: Cursor): Expr {
  let left = parseAnd(c);
  while (c.acceptWord('OR')) left = { kind: 'binary', op: 'or', left, right: parseAnd(c) };
  return left;
}

function parseAnd(c: Cursor): Expr {
  let left = parseNot(c);
  while (c.acceptWord('AND')) left = { kind: 'binary', op: 'and', left, right: parseNot(c) };
  return left;
}

function parseNot(c: Cursor): Expr {
  if (c.acceptWord('NOT') || c.acceptOp('!')) return { kind: 'unary', op: 'not', operand: parseNot(c) };
  return parsePredicated(c);
}

const NEGATABLE_PREDICATES = ['BETWEEN', 'IN', 'LIKE', 'ILIKE', 'RLIKE', 'REGEXP'];

/** A value expression followed by at most one predicate. */
function parsePredicated(c: Cursor): Expr {
  const operand = parseValue(c);
  const negated = c.isWord('NOT') && c.isWord(NEGATABLE_PREDICATES, 1);
  if (negated) c.next();
  const token = c.peek();
  if (token.kind !== 'word') return operand;
  switch (token.upper) {
    case 'BETWEEN': {
      c.next();
      const low = parseValue(c);
      c.expectWord('AND');
      return { kind: 'between', operand, low, high: parseValue(c), negated };
    }
    case 'IN':
      c.next();
      return parseIn(c, operand, negated);
    case 'LIKE':
    case 'ILIKE': {
      c.next();
      const op = token.upper === 'LIKE' ? 'like' : 'ilike';
      if (c.isWord(['ANY', 'SOME', 'ALL']) && c.isOp('(', 1)) return parseQuantifiedLike(c, operand, op, negated);
      const pattern = parseValue(c);
      let escape: string | null = null;
      if (c.acceptWord('ESCAPE')) {
        const escapeToken = c.peek();
        if (escapeToken.kind !== 'string') throw c.error('the ESCAPE clause takes a string of one character');
        if (escapeToken.value.length !== 1) throw invalidEscape(escapeToken.value);
        escape = c.next().value;
      }
      return { kind: 'like', op, operand, pattern, escape, negated };
    }
    case 'RLIKE':
    case 'REGEXP':
      c.next();
      return { kind: 'like', op: 'rlike', operand, pattern: parseValue(c), escape: null, negated };
    case 'IS':
      c.next();
      return parseIs(c, operand);
    default:
      return operand;
  }
}

/**
 * `x [NOT] LIKE ANY|SOME|ALL (p1, p2, ...)`, ILIKE too: Spark's LikeAny / LikeAll, whose answer
 * (null when no pattern decides it and one is null) is the OR (ANY, SOME) or AND (ALL) of
 * `x [NOT] LIKE p` over the patterns, as Spark's parser writes it for patterns that are not all
 * literals.
 */
function parseQuantifiedLike(c: Cursor, operand: Expr, op: 'like' | 'ilike', negated: boolean): Expr {
  const all = c.next().upper === 'ALL';
  c.expectOp('(');
  if (c.isOp(')')) throw c.error("expected something between '(' and ')'");
  const patterns = [parseExpr(c)];
  while (c.acceptOp(',')) patterns.push(parseExpr(c));
  c.expectOp(')');
  return patterns
    .map((pattern): Expr => ({ kind: 'like', op, operand, pattern, escape: null, negated }))
    .reduce((left, right) => ({ kind: 'binary', op: all ? 'and' : 'or', left, right }));
}

function parseIn(c: Cursor, operand: Expr, negated: boolean): Expr {
  c.expectOp('(');
  if (startsQuery(c)) {
    const query = parseQuery(c);
    c.expectOp(')');
    return { kind: 'inSubquery', operand, query, negated };
  }
  const list = [parseExpr(c)];
  while (c.acceptOp(',')) list.push(parseExpr(c));
  c.expectOp(')');
  return { kind: 'inList', operand, list, negated };
}

function parseIs(c: Cursor, operand: Expr): Expr {
  const negated = c.acceptWord('NOT');
  if (c.acceptWord('NULL')) return { kind: 'isNull', operand, negated };
  if (c.acceptWord('TRUE')) return { kind: 'isBoolean', operand, value: true, negated };
  if (c.acceptWord('FALSE')) return { kind: 'isBoolean', operand, value: false, negated };
  if (c.acceptWord('UNKNOWN')) return { kind: 'isBoolean', operand, value: null, negated };
  if (c.acceptWord('DISTINCT')) {
    c.expectWord('FROM');
    return { kind: 'isDistinctFrom', left: operand, right: parseValue(c), negated };
  }
  throw c.error('expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS');
}

/** Binding power of each binary operator of a value expression; higher binds tighter. */
const BINARY_OPERATORS: Record<string, { readonly power: number; readonly op: BinaryOperator }> = {
  '=': { power: 10, op: '=' }, '==': { power: 10, op: '=' }, '<>': { power: 10, op: '<>' },
  '!=': { power: 10, op: '<>' }, '<': { power: 10, op: '<' }, '<=': { power: 10, op: '<=' },
  '>': { power: 10, op: '>' }, '>=': { power: 10, op: '>=' }, '<=>': { power: 10, op: '<=>' },
  '|': { power: 20, op: '|' },
  '^': { power: 30, op: '^' },
  '&': { power: 40, op: '&' },
  '<<': { power: 50, op: '<<' }, '>>': { power: 50, op: '>>' }, '>>>': { power: 50, op: '>>>' },
  '+': { power: 60, op: '+' }, '-': { power: 60, op: '-' }, '||': { power: 60, op: '||' },
  '*': { power: 70, op: '*' }, '/': { power: 70, op: '/' }, '%': { power: 70, op: '%' },
  DIV: { power: 70, op: 'div' },
};

function binaryOperatorAt(c: Cursor): { readonly power: number; readonly op: BinaryOperator } | undefined {
  const token = c.peek();
  if (token.kind === 'operator') return BINARY_OPERATORS[token.value];
  if (token.kind === 'word' && token.upper === 'DIV') return BINARY_OPERATORS.DIV;
  return undefined;
}

/** A value expression: arithmetic, bitwise and comparison operators over unary operands. */
export function parseValue(c: Cursor, minPower = 0): Expr {
  const start = c.peek();
  let left = parseUnary(c);
  for (;;) {
    const operator = binaryOperatorAt(c);
    if (!operator || operator.power <= minPower) return left;
    c.next();
    const right = parseValue(c, operator.power);
    left = { kind: 'binary', op: operator.op, left, right, ...originOf(c, start) };
  }
}

function parseUnary(c: Cursor): Expr {
  const token = c.peek();
  if (token.kind === 'operator' && (token.value === '-' || token.value === '+' || token.value === '~')) {
    c.next();
    // Spark reads `-1` as one negative literal (so `-2147483648` is an int), not as -(1).
    const number = c.peek();
    if (token.value === '-' && isNumberToken(number.kind)) return parsePostfix(c, parseNumberLiteral(c, true), token);
    const operand = parseUnary(c);
    return { kind: 'unary', op: token.value, operand, ...originOf(c, token) };
  }
  return parsePostfix(c, parsePrimary(c), token);
}

function isNumberToken(kind: string): boolean {
  return kind === 'integer' || kind === 'decimal' || kind === 'exponent' || kind === 'typedNumber';
}

/**
 * Does a query start here (possibly after opening parentheses)? Decides between `IN (subquery)`
 * and `IN (list)`, and between a scalar subquery and a parenthesized expression.
 */
export function startsQuery(c: Cursor, ahead = 0): boolean {
  let i = ahead;
  while (c.isOp('(', i)) i++;
  return c.isWord(['SELECT', 'WITH', 'VALUES', 'TABLE'], i);
}

/** Spark's INVALID_ESC: an ESCAPE string of more or fewer than one character. */
function invalidEscape(escape: string): Error {
  return new Error(`[INVALID_ESC] Found an invalid escape string: ${literalText(escape, Types.string, true)}. The escape string must contain only one character. SQLSTATE: 42604`);
}
