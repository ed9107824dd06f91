/**
 * Which words cannot be unquoted identifiers. Spark (without ANSI reserved keywords, its default)
 * lets almost every keyword name a column: `date`, `year`, `value`, `interval`, `left(s, 2)`...
 * Only the words below are reserved here, because reading them as names would make clauses
 * ambiguous (`FROM t LEFT JOIN u`, `SELECT a FROM t WHERE ...`). Backquotes make any of them a
 * name (`` `order` ``), and any word may follow a dot (`t.order`).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ALL', 'AND', 'ANTI', 'AS', 'BETWEEN', 'CASE', 'CROSS', 'DISTINCT', 'ELSE', 'END', 'EXCEPT',
  'EXISTS', 'FALSE', 'FROM', 'FULL', 'GROUP', 'HAVING', 'ILIKE', 'IN', 'INNER', 'INTERSECT', 'IS',
  'JOIN', 'LATERAL', 'LEFT', 'LIKE', 'LIMIT', 'MINUS', 'NATURAL', 'NOT', 'NULL', 'OFFSET', 'ON',
  'OR', 'ORDER', 'REGEXP', 'RIGHT', 'RLIKE', 'SELECT', 'SEMI', 'THEN', 'TRUE', 'UNION', 'USING',
  'WHEN', 'WHERE', 'WINDOW', 'WITH',
]);

/** Reserved words that are still function names when a parenthesis follows: `left(s, 2)`, `like('Spark', '_park')`. */
export const RESERVED_FUNCTION_NAMES: ReadonlySet<string> = new Set(['LEFT', 'RIGHT', 'WINDOW', 'EXISTS', 'LIKE', 'ILIKE', 'RLIKE', 'REGEXP']);
