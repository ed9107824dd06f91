import { describe, expect, it } from 'vitest';
import { formatExpr, parseExpression, parseNamedExpression } from '../../src/parser/index.js';
import { exprJson } from '../../src/expr/expression.js';

/** A syntax tree without where its nodes were written (their origins differ between two texts of it). */
const bareTree = (node: unknown): unknown => JSON.parse(exprJson(node));

/** The expression parsed and printed back fully parenthesized: the tree, readable. */
const tree = (sql: string): string => formatExpr(parseExpression(sql));

describe('operator precedence (Spark’s SqlBaseParser, docs/sql-ref-operators.md)', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['a / b % c DIV d', '(((a / b) % c) DIV d)'],
    ["a || 'x' + b", "((a || 'x') + b)"],
    ['a + b << 2', '((a + b) << 2)'],
    ['a << 1 & b', '((a << 1) & b)'],
    ['a & b ^ c', '((a & b) ^ c)'],
    ['a ^ b | c', '((a ^ b) | c)'],
    ['a | b = c', '((a | b) = c)'],
    ['-a * b', '((- a) * b)'],
    ['~a & b', '((~ a) & b)'],
    ['- -a', '(- (- a))'],
    ['a = b == c', '((a = b) = c)'],
    ['a != b AND c <> d', '((a <> b) AND (c <> d))'],
    ['a <=> b', '(a <=> b)'],
    ['a = 1 OR b = 2 AND c = 3', '((a = 1) OR ((b = 2) AND (c = 3)))'],
    ['NOT a = b', '(NOT (a = b))'],
    ['NOT a AND b', '((NOT a) AND b)'],
    ['! a OR b', '((NOT a) OR b)'],
    ['NOT NOT a', '(NOT (NOT a))'],
    ['a + 1 BETWEEN 1 AND 2 AND c', '(((a + 1) BETWEEN 1 AND 2) AND c)'],
    ['a = b IS NULL', '((a = b) IS NULL)'],
    ['a < b IN (true)', '((a < b) IN (true))'],
    ['x::int + 1', '(CAST(x AS int) + 1)'],
    ['-x::int', '(- CAST(x AS int))'],
    ['a[0].f::string', 'CAST(a[0].f AS string)'],
  ])('%s  →  %s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });
});

describe('rows', () => {
  it('(a, b) is a row; named items make it a named struct, as Spark; (a AS x) alone is not a row', () => {
    expect(tree('(a, b)')).toBe('(a, b)');
    expect(tree('(a AS x, b AS y)')).toBe("named_struct('x', a, 'y', b)");
    expect(tree('(a, b AS y)')).toBe("named_struct('a', a, 'y', b)");
    expect(() => parseExpression('(a AS x)')).toThrow(/Syntax error at or near 'AS'/);
  });
});

describe('predicates', () => {
  it.each([
    ['a NOT BETWEEN 1 AND 10', '(a NOT BETWEEN 1 AND 10)'],
    ["s LIKE 'a%'", "(s LIKE 'a%')"],
    ["s NOT LIKE 'a!%%' ESCAPE '!'", "(s NOT LIKE 'a!%%' ESCAPE '!')"],
    ["s ILIKE 'A%'", "(s ILIKE 'A%')"],
    ["s RLIKE '^a.*'", "(s RLIKE '^a.*')"],
    ["s NOT REGEXP 'x'", "(s NOT RLIKE 'x')"],
    ['a IS NOT NULL', '(a IS NOT NULL)'],
    ['a IS TRUE', '(a IS TRUE)'],
    ['a IS NOT UNKNOWN', '(a IS NOT UNKNOWN)'],
    ['a IS DISTINCT FROM b + 1', '(a IS DISTINCT FROM (b + 1))'],
    ['a IS NOT DISTINCT FROM b', '(a IS NOT DISTINCT FROM b)'],
    ["a IN (1, 2, 'x')", "(a IN (1, 2, 'x'))"],
    ['a NOT IN (SELECT b FROM t)', '(a NOT IN (SELECT b FROM t))'],
    ['(a, b) IN (SELECT x, y FROM t)', '((a, b) IN (SELECT x, y FROM t))'],
    ['EXISTS (SELECT 1 FROM t WHERE t.k = k)', 'EXISTS (SELECT 1 FROM t WHERE (t.k = k))'],
    ['NOT EXISTS (SELECT * FROM t)', '(NOT EXISTS (SELECT * FROM t))'],
    ['x > (SELECT avg(x) FROM t)', '(x > (SELECT avg(x) FROM t))'],
    ['((SELECT 1) + 1)', '((SELECT 1) + 1)'],
  ])('%s  →  %s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });
});

describe('literals, typed as Spark types them', () => {
  it.each([
    ['1', { type: 'int', value: 1 }],
    ['-2147483648', { type: 'int', value: -2147483648 }],
    ['2147483648', { type: 'bigint', value: '2147483648' }],
    ['-9223372036854775808', { type: 'bigint', value: '-9223372036854775808' }],
    ['9223372036854775808', { type: 'decimal', value: '9223372036854775808' }],
    ['1L', { type: 'bigint', value: '1' }],
    ['7S', { type: 'smallint', value: 7 }],
    ['-128Y', { type: 'tinyint', value: -128 }],
    ['1.5', { type: 'decimal', value: '1.5' }],
    ['-0.25', { type: 'decimal', value: '-0.25' }],
    ['1.5BD', { type: 'decimal', value: '1.5' }],
    ['1.5D', { type: 'double', value: 1.5 }],
    ['1e3', { type: 'double', value: 1000 }],
    ['2.5E-1', { type: 'double', value: 0.25 }],
    ['0.1F', { type: 'float', value: Math.fround(0.1) }],
    ["'a' 'b' \"c\"", { type: 'string', value: 'abc' }],
    ["DATE '2020-01-31'", { type: 'date', value: '2020-01-31' }],
    ["timestamp '2020-01-31 10:00:00'", { type: 'timestamp', value: '2020-01-31 10:00:00' }],
    ["TIMESTAMP_NTZ '2020-01-31 10:00:00'", { type: 'timestamp_ntz', value: '2020-01-31 10:00:00' }],
    ["X'CAFE'", { type: 'binary', value: 'CAFE' }],
    ['TRUE', { type: 'boolean', value: true }],
    ['false', { type: 'boolean', value: false }],
    ['NULL', { type: 'null', value: null }],
  ])('%s', (sql, expected) => {
    expect(parseExpression(sql)).toEqual({ kind: 'literal', ...expected });
  });

  it('rejects suffixed integers out of their type’s range, as Spark does', () => {
    expect(() => parseExpression('128Y')).toThrow(/numeric literal 128 does not fit in range \[-128, 127\] for type tinyint/);
    expect(() => parseExpression('9223372036854775808L')).toThrow(/does not fit in range .* for type bigint/);
  });

  it.each([
    ["INTERVAL '3' DAY", [{ value: '3', unit: 'day' }], null],
    ['INTERVAL 3 DAYS', [{ value: '3', unit: 'day' }], null],
    ["interval '1' year", [{ value: '1', unit: 'year' }], null],
    ['INTERVAL -1 HOUR 30 MINUTES', [{ value: '-1', unit: 'hour' }, { value: '30', unit: 'minute' }], null],
    ["INTERVAL '1-2' YEAR TO MONTH", [{ value: '1-2', unit: 'year' }], 'month'],
    ["INTERVAL '1 day 2 hours'", [{ value: '1 day 2 hours', unit: null }], null],
  ])('%s', (sql, parts, to) => {
    expect(parseExpression(sql)).toEqual({ kind: 'interval', parts, to });
  });

  it('reads a date minus an interval as an arithmetic expression (TPC-H Q1)', () => {
    expect(tree("date '1998-12-01' - interval '90' day")).toBe("(DATE '1998-12-01' - INTERVAL '90' DAY)");
  });
});

describe('names', () => {
  it('keeps case, joins dotted parts, reads backquotes and non-reserved keywords as names', () => {
    expect(parseExpression('T.myCol')).toEqual({ kind: 'column', name: ['T', 'myCol'] });
    expect(parseExpression('`a b`.`c``d`')).toEqual({ kind: 'column', name: ['a b', 'c`d'] });
    expect(tree('date + year + value + interval + timestamp + t.order')).toBe('(((((date + year) + value) + interval) + timestamp) + t.`order`)');
    expect(parseExpression('t.*')).toEqual({ kind: 'star', qualifier: ['t'] });
  });

  it('reads reserved words as names only when backquoted', () => {
    expect(parseExpression('`from`')).toEqual({ kind: 'column', name: ['from'] });
    expect(() => parseExpression('from')).toThrow(/Syntax error at or near 'from'/);
  });

  it('reads an alias with or without AS (df.selectExpr)', () => {
    expect(bareTree(parseNamedExpression('a + 1 AS b'))).toEqual(bareTree({ expr: parseExpression('a + 1'), alias: 'b' }));
    expect(bareTree(parseNamedExpression('count(*) n'))).toEqual(bareTree({ expr: parseExpression('count(*)'), alias: 'n' }));
    expect(parseNamedExpression('`x y`')).toEqual({ expr: { kind: 'column', name: ['x y'] }, alias: null });
  });
});

describe('function calls and special forms', () => {
  it.each([
    ['count(*)', 'count(*)'],
    ['COUNT(DISTINCT a, b)', 'COUNT(DISTINCT a, b)'],
    ['sum(ALL x)', 'sum(x)'],
    ['now()', 'now()'],
    ['current_date', 'current_date()'],
    ['left(s, 2) || right(s, 1)', '(left(s, 2) || right(s, 1))'],
    ['first(x) IGNORE NULLS', 'first(x) IGNORE NULLS'],
    ['first(x IGNORE NULLS)', 'first(x) IGNORE NULLS'],
    ['sum(x) FILTER (WHERE x > 0)', 'sum(x) FILTER (WHERE (x > 0))'],
    ['CAST(a AS DECIMAL(12, 2))', 'CAST(a AS decimal(12,2))'],
    ['try_cast(a AS INT)', 'TRY_CAST(a AS int)'],
    ['cast(m AS map<string, array<struct<a: int, `b c`: string NOT NULL>>>)', 'CAST(m AS map<string,array<struct<a:int,`b c`:string not null>>>)'],
    ['cast(x AS interval day to second)', 'CAST(x AS interval day to second)'],
    ['x::array<array<bigint>>', 'CAST(x AS array<array<bigint>>)'],
    ['extract(year FROM d)', 'EXTRACT(year FROM d)'],
    ['substring(s FROM 1 FOR 3)', 'substring(s, 1, 3)'],
    ['SUBSTR(s FROM 2)', 'SUBSTR(s, 2)'],
    ['substring(s, 1, 2)', 'substring(s, 1, 2)'],
    ["trim(BOTH ' ' FROM s)", "TRIM(BOTH ' ' FROM s)"],
    ["trim(LEADING 'x' FROM s)", "TRIM(LEADING 'x' FROM s)"],
    ['trim(TRAILING FROM s)', 'TRIM(TRAILING FROM s)'],
    ["trim('x' FROM s)", "TRIM(BOTH 'x' FROM s)"],
    ['trim(s)', 'TRIM(BOTH FROM s)'],
    ["position('a' IN s)", "locate('a', s)"],
    ["position('a', s, 2)", "position('a', s, 2)"],
    ['transform(xs, x -> x + 1)', 'transform(xs, x -> (x + 1))'],
    ['aggregate(xs, 0, (acc, x) -> acc + x)', 'aggregate(xs, 0, (acc, x) -> (acc + x))'],
    ['m[\'k\'][0]', "m['k'][0]"],
    ['named_struct(\'a\', 1).a', "named_struct('a', 1).a"],
  ])('%s  →  %s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('reads simple and searched CASE', () => {
    expect(tree("CASE WHEN a > 1 THEN 'x' WHEN a IS NULL THEN 'n' ELSE 'y' END")).toBe(
      "CASE WHEN (a > 1) THEN 'x' WHEN (a IS NULL) THEN 'n' ELSE 'y' END");
    expect(tree("case a when 1 then 'one' end")).toBe("CASE a WHEN 1 THEN 'one' END");
    expect(() => parseExpression('CASE a END')).toThrow(/expected WHEN/);
  });

  it('rejects an unknown data type, naming the ones it knows', () => {
    expect(() => parseExpression('CAST(a AS text)')).toThrow(/unsupported data type "text"; use one of boolean, .*decimal/);
    expect(() => parseExpression('CAST(a AS int(3))')).toThrow(/int takes 0 parameter\(s\), not 1/);
  });
});

describe('window functions', () => {
  it.each([
    ['row_number() OVER (PARTITION BY a ORDER BY b DESC)', 'row_number() OVER (PARTITION BY a ORDER BY b DESC NULLS LAST)'],
    ['sum(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)', 'sum(x) OVER (ORDER BY t ASC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)'],
    ['sum(x) OVER (ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)', 'sum(x) OVER (ORDER BY t ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)'],
    ['avg(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND 1 FOLLOWING)', "avg(x) OVER (ORDER BY d ASC NULLS FIRST RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND 1 FOLLOWING)"],
    ['count(*) OVER (ROWS 3 PRECEDING)', 'count(*) OVER (ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)'],
    ['lag(x, 1) OVER (DISTRIBUTE BY a SORT BY b NULLS LAST)', 'lag(x, 1) OVER (PARTITION BY a ORDER BY b ASC NULLS LAST)'],
    ['rank() OVER w', 'rank() OVER w'],
    ['rank() OVER (w)', 'rank() OVER w'],
    ['sum(x) OVER ()', 'sum(x) OVER ()'],
  ])('%s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });
});
