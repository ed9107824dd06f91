/**
 * The Spark SQL parser: text → syntax tree (ast.ts). A hand-written lexer and a recursive-descent
 * parser, with precedence climbing for expressions. Every entry point reads the whole text and
 * throws a ParseError (line, column, the offending token and the line with a caret) otherwise.
 */
import type { Expr, Query, SelectItem, Statement } from './ast.js';
import { Cursor } from './cursor.js';
import { parseExpr } from './expressions.js';
import { tokenize } from './lexer.js';
import { parseSelectItem } from './queries.js';
import { parseSetCommand } from './set-commands.js';
import { parseStatement } from './statements.js';

export type * from './ast.js';
export { ParseError } from './errors.js';
export { formatExpr, formatQuery, formatStatement, quoteName } from './ast-text.js';

/** One SQL statement (a trailing `;` is allowed): what `fc.sql(text)` runs. */
export function parseSql(sql: string): Statement {
  const setCommand = parseSetCommand(sql);
  if (setCommand) return setCommand;
  return parseWhole(sql, (c) => {
    const statement = parseStatement(c);
    while (c.acceptOp(';'));
    return statement;
  });
}

/** A query (SELECT, WITH, VALUES, set operations); other statements are an error. */
export function parseQueryText(sql: string): Query {
  return parseWhole(sql, (c) => {
    const first = c.peek();
    const statement = parseStatement(c);
    if (statement.kind !== 'query') throw c.error('expected a query (SELECT, WITH, VALUES or TABLE)', first);
    while (c.acceptOp(';'));
    return statement;
  });
}

/** One expression, as `F.expr('a + 1')` and `df.filter('a > 1')` take it. */
export function parseExpression(sql: string): Expr {
  return parseWhole(sql, parseExpr);
}

/** An expression with an optional alias, as `df.selectExpr('a + 1 AS b')` takes it. */
export function parseNamedExpression(sql: string): SelectItem {
  return parseWhole(sql, parseSelectItem);
}

function parseWhole<T>(sql: string, parse: (c: Cursor) => T): T {
  const c = new Cursor(sql, tokenize(sql));
  const result = parse(c);
  if (!c.atEnd()) throw c.error(`extra input ${c.peek().text === ';' ? 'after the statement' : `'${c.peek().text}'`}`);
  return result;
}
