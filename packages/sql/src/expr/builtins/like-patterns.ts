/**
 * LIKE and ILIKE, with Spark's optional escape character (`a LIKE 'x!%' ESCAPE '!'`, the default
 * a backslash). The pattern argument is prepared (ScalarFunction.prepared): read once when it is a
 * literal, through a cache per row when it is a column. A pattern that escapes anything but `%`,
 * `_` or the escape character, or ends with the escape character, fails with Spark's
 * INVALID_FORMAT.ESC_IN_THE_MIDDLE / ESC_AT_THE_END when the query runs.
 */
import { AnalysisException } from '../../analyzer/analysis-error.js';
import type { Expr } from '../expression.js';
import { literalText } from '../literal.js';
import { prettyName } from '../names.js';
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';

const DEFAULT_ESCAPE = '\\';

/**
 * Spark's StringUtils.escapeLikeRegex as a matcher of whole strings (`test`). Text with at most a
 * leading and a trailing `%` and no escape character is a string comparison (Spark's
 * LikeSimplification: startsWith, endsWith, contains, equality; skipped when the pattern holds
 * the escape character, SPARK-33677), any other a RegExp over code points, as Java's.
 * Runs inside generated code: self-contained.
 */
function likeMatcher(pattern: string, escape: string): { test(s: string): boolean } {
  const simple = pattern.includes(escape) ? null : /^(%?)([^%_]*)(%?)$/s.exec(pattern);
  if (simple !== null) {
    const [, head, text, tail] = simple as unknown as [string, string, string, string];
    if (head && tail) return { test: (s) => s.includes(text) };
    if (head) return { test: (s) => s.endsWith(text) };
    return tail ? { test: (s) => s.startsWith(text) } : { test: (s) => s === text };
  }
  const sqlValue = (s: string) => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
  const literal = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const chars = Array.from(pattern);
  let source = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === escape) {
      const next = chars[++i];
      if (next === undefined) {
        throw new Error(`[INVALID_FORMAT.ESC_AT_THE_END] The format is invalid: ${sqlValue(pattern)}. The escape character is not allowed to end with. SQLSTATE: 42601`);
      }
      if (next !== '_' && next !== '%' && next !== escape) {
        throw new Error(
          `[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: ${sqlValue(pattern)}. The escape character is not allowed to precede ${sqlValue(next)}. SQLSTATE: 42601`,
        );
      }
      source += literal(next);
    } else if (c === '%') source += '[^]*';
    else if (c === '_') source += '[^]';
    else source += literal(c);
  }
  return new RegExp('^' + source + '$', 'u');
}

const LIKE = `const sqlLikeMatcher = ${likeMatcher.toString()};
function sqlLikePattern(pattern, escape) {
  const key = escape + pattern;
  let matcher = sqlLikePattern.cache.get(key);
  if (matcher === undefined) {
    matcher = sqlLikeMatcher(pattern, escape);
    if (sqlLikePattern.cache.size >= 1024) sqlLikePattern.cache.clear();
    sqlLikePattern.cache.set(key, matcher);
  }
  return matcher;
}
sqlLikePattern.cache = new Map();`;

/** The escape argument's code, the default when absent (the parser and checkLikeEscape make it a one-character literal). */
const escapeCode = (args: readonly string[]) => args[2] ?? JSON.stringify(DEFAULT_ESCAPE);

/**
 * like(str, pattern, escape) and ilike(...) take the escape character as a string literal of one
 * character, as Spark's functions.like does: anything else is INVALID_ESCAPE_CHAR.
 */
function checkLikeEscape([, , escape]: readonly Expr[]): void {
  if (escape === undefined || (escape.kind === 'literal' && typeof escape.value === 'string' && escape.value.length === 1)) return;
  const text = escape.kind === 'literal' ? literalText(escape.value, escape.dataType, true) : prettyName(escape);
  throw new AnalysisException('INVALID_ESCAPE_CHAR', `\`EscapeChar\` should be a string literal of length one, but got "${text}". SQLSTATE: 42604`);
}

/** Spark's Literal.sql of the escape character, as Like.sql prints it after ESCAPE. */
const escapeSuffix = (escape: string | undefined) =>
  escape === undefined || escape === DEFAULT_ESCAPE ? '' : ` ESCAPE ${literalText(escape, Types.string, true)}`;

scalar('like', {
  args: [2, 3],
  returns: Types.boolean,
  coerce: all(Types.string),
  pretty: ([a, b, escape]) => `${a} LIKE ${b}${escapeSuffix(escape)}`,
  prepared: { 1: (p, _, args) => `sqlLikePattern(${p}, ${escapeCode(args)})` },
  preparedWith: { 1: [2] },
  checkArgs: checkLikeEscape,
  gen: ([s, re]) => `${re}.test(${s})`,
  helpers: { sqlLikePattern: LIKE },
});
// Spark's ILike is Like(Lower(str), Lower(pattern), escape): the escape character is not lowered.
scalar('ilike', {
  args: [2, 3],
  returns: Types.boolean,
  coerce: all(Types.string),
  pretty: ([a, b]) => `ilike(${a}, ${b})`,
  prepared: { 1: (p, _, args) => `sqlLikePattern(${p}.toLowerCase(), ${escapeCode(args)})` },
  preparedWith: { 1: [2] },
  checkArgs: checkLikeEscape,
  gen: ([s, re]) => `${re}.test(${s}.toLowerCase())`,
  helpers: { sqlLikePattern: LIKE },
});
