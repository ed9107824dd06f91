import { describe, expect, it } from 'vitest';
import { ParseError, parseExpression, parseSql } from '../../src/parser/index.js';

function errorOf(parse: () => unknown): ParseError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('syntax errors', () => {
  it('state line and column (and Spark’s 0-based pos), quote the token, and underline it in its line', () => {
    const error = errorOf(() => parseSql('SELECT FROM t'));
    expect(error.message).toBe(
      "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM' at line 1, column 8 (line 1, pos 7): expected an expression.\n" +
        '\n== SQL ==\nSELECT FROM t\n-------^^^^');
    expect([error.line, error.column, error.pos, error.near]).toEqual([1, 8, 7, "'FROM'"]);
  });

  it('point into later lines of multi-line text', () => {
    const error = errorOf(() => parseSql('SELECT a,\n       b\nFROM t\nWHERE a = = 1'));
    expect(error.message.split('\n')[0]).toBe("[PARSE_SYNTAX_ERROR] Syntax error at or near '=' at line 4, column 11 (line 4, pos 10): expected an expression.");
    expect(error.message.split('\n').slice(-2)).toEqual(['WHERE a = = 1', '----------^']);
  });

  it.each([
    ['SELECT a FROM t WHERE', "end of input at line 1, column 22 (line 1, pos 21): expected an expression"],
    ['SELECT (a + 1 FROM t', "'FROM' at line 1, column 15 (line 1, pos 14): expected ')'"],
    ['SELECT a, FROM t', "'FROM' at line 1, column 11 (line 1, pos 10): expected an expression"],
    ['SELECT 1 2', "'2' at line 1, column 10 (line 1, pos 9): extra input '2'"],
    ['SELECT 1; SELECT 2', "'SELECT' at line 1, column 11 (line 1, pos 10): extra input 'SELECT'"],
    ['SELECT * FROM a LEFT b ON x', "'b' at line 1, column 22 (line 1, pos 21): expected JOIN after LEFT"],
    ['SELECT * FROM a NATURAL b', "'b' at line 1, column 25 (line 1, pos 24): expected JOIN after NATURAL"],
    ['SELECT * FROM a JOIN b USING k', "'k' at line 1, column 30 (line 1, pos 29): expected '('"],
    ['SELECT a IS 5 FROM t', "'5' at line 1, column 13 (line 1, pos 12): expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS"],
    ['SELECT CAST(a AS) FROM t', "')' at line 1, column 17 (line 1, pos 16): expected a data type"],
    ["SELECT a LIKE 'x' ESCAPE 1", "'1' at line 1, column 26 (line 1, pos 25): the ESCAPE clause takes a string of one character"],
    ['SELECT a FROM t ORDER BY a NULLS', "end of input at line 1, column 33 (line 1, pos 32): expected FIRST or LAST after NULLS"],
    ['UPDATE t SET a = 1', "'UPDATE' at line 1, column 1 (line 1, pos 0): expected a statement"],
    ['SELECT a AS FROM t', "'FROM' at line 1, column 13 (line 1, pos 12): expected an alias after AS"],
    ['SELECT INTERVAL 1 FORTNIGHT', "'FORTNIGHT' at line 1, column 19 (line 1, pos 18): expected an interval unit"],
  ])('%s', (sql, expected) => {
    expect(errorOf(() => parseSql(sql)).message.split('\n')[0]).toContain(`at or near ${expected}`);
  });

  it('are ParseErrors from the expression entry point too', () => {
    const error = errorOf(() => parseExpression('a +'));
    expect(error.message.split('\n')[0]).toBe('[PARSE_SYNTAX_ERROR] Syntax error at or near end of input at line 1, column 4 (line 1, pos 3): expected an expression.');
  });
});
