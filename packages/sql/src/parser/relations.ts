/**
 * The FROM clause: tables, subqueries, table-valued functions (range(10)), inline VALUES, and
 * joins, left-associative: `a JOIN b JOIN c` is `(a JOIN b) JOIN c`. Comma-separated items stay
 * a list (an implicit cross join, filtered by WHERE).
 */
import type { JoinCriteria, JoinType, Relation, TableAlias } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr } from './expressions.js';
import { parseValuesRows, tryParenthesizedQuery } from './queries.js';

export function parseFromList(c: Cursor): Relation[] {
  const relations = [parseRelation(c)];
  while (c.acceptOp(',')) relations.push(parseRelation(c));
  return relations;
}

function parseRelation(c: Cursor): Relation {
  let left = parseRelationPrimary(c);
  for (;;) {
    const natural = c.acceptWord('NATURAL');
    const joinType = parseJoinType(c);
    if (!joinType) {
      if (natural) throw c.error('expected JOIN after NATURAL');
      return left;
    }
    const right = parseRelationPrimary(c);
    let criteria: JoinCriteria = { kind: natural ? 'natural' : 'none' };
    if (!natural && c.acceptWord('ON')) criteria = { kind: 'on', condition: parseExpr(c) };
    else if (!natural && c.isWord('USING')) {
      c.next();
      criteria = { kind: 'using', columns: c.identifierList() };
    }
    left = { kind: 'join', joinType, left, right, criteria };
  }
}

/** Reads `[INNER] JOIN`, `LEFT [OUTER] JOIN`, `[LEFT] SEMI JOIN`, ...; null when no join follows. */
function parseJoinType(c: Cursor): JoinType | null {
  const spellings: [readonly string[], JoinType][] = [
    [['JOIN'], 'inner'],
    [['INNER', 'JOIN'], 'inner'],
    [['CROSS', 'JOIN'], 'cross'],
    [['LEFT', 'JOIN'], 'left'],
    [['LEFT', 'OUTER', 'JOIN'], 'left'],
    [['LEFT', 'SEMI', 'JOIN'], 'left_semi'],
    [['SEMI', 'JOIN'], 'left_semi'],
    [['LEFT', 'ANTI', 'JOIN'], 'left_anti'],
    [['ANTI', 'JOIN'], 'left_anti'],
    [['RIGHT', 'JOIN'], 'right'],
    [['RIGHT', 'OUTER', 'JOIN'], 'right'],
    [['FULL', 'JOIN'], 'full'],
    [['FULL', 'OUTER', 'JOIN'], 'full'],
  ];
  for (const [words, type] of spellings) {
    if (words.every((word, i) => c.isWord(word, i))) {
      words.forEach(() => c.next());
      return type;
    }
  }
  if (c.isWord(['INNER', 'CROSS', 'LEFT', 'RIGHT', 'FULL', 'SEMI', 'ANTI'])) {
    throw c.error(`expected JOIN after ${c.peek().upper}`, c.peek(c.isWord('OUTER', 1) ? 2 : 1));
  }
  return null;
}

function parseRelationPrimary(c: Cursor): Relation {
  if (c.isOp('(')) return parseParenthesizedRelation(c);
  if (c.acceptWord('VALUES')) {
    const rows = parseValuesRows(c);
    return { kind: 'inlineTable', rows, alias: parseTableAlias(c) };
  }
  if (c.isIdentifier() && c.isOp('(', 1)) {
    const name = c.identifier();
    c.next();
    const args = c.isOp(')') ? [] : [parseExpr(c)];
    while (c.acceptOp(',')) args.push(parseExpr(c));
    c.expectOp(')');
    return { kind: 'tableFunction', name, args, alias: parseTableAlias(c) };
  }
  const name = c.multipartName('a table name');
  return { kind: 'table', name, alias: parseTableAlias(c) };
}

/**
 * `(query) alias` or `(relation)`. `((SELECT ...) UNION (SELECT ...))` and `((SELECT ...) t JOIN
 * u ON ...)` both start with two parentheses, so a query is tried first and a relation after.
 */
function parseParenthesizedRelation(c: Cursor): Relation {
  const query = tryParenthesizedQuery(c);
  if (query) return { kind: 'subquery', query, alias: parseTableAlias(c) };
  c.next();
  const relation = parseRelation(c);
  c.expectOp(')');
  if (c.isIdentifier() || c.isWord('AS')) throw c.error('an alias on a parenthesized join is not supported; alias its tables instead');
  return relation;
}

/** [AS] name [(col, ...)] */
function parseTableAlias(c: Cursor): TableAlias | null {
  const explicit = c.acceptWord('AS');
  if (!explicit && !c.isIdentifier()) return null;
  const name = c.identifier('an alias');
  return { name, columns: c.isOp('(') ? c.identifierList() : null };
}
