/**
 * The functions that take a regular expression (rlike, split, regexp_extract, regexp_replace, ...);
 * LIKE is like-patterns.ts. The pattern argument is prepared (ScalarFunction.prepared): compiled into a
 * RegExp once when it is a literal, through a cache per row when it is a column. A pattern that
 * does not compile fails with Spark's INVALID_PARAMETER_VALUE.PATTERN when the query runs.
 */
import { FORMAT_FUNCTIONS_SYMBOL } from '../../io/format-functions-runtime.js';
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';

const S = Types.string;

/**
 * A regular expression in Java's dialect (what Spark takes: `(?i)abc`, `a++`; java-regex.ts) compiled
 * with `flags`, cached by pattern, or Spark's error naming the function.
 */
export const REGEX = `function sqlRegex(pattern, functionName, flags) {
  const key = flags + '/' + pattern;
  let re = sqlRegex.cache.get(key);
  if (re === undefined) {
    try {
      re = globalThis[Symbol.for(${JSON.stringify(FORMAT_FUNCTIONS_SYMBOL)})].javaRegex(pattern, flags);
    } catch {
      const value = "'" + pattern.replace(/\\\\/g, '\\\\\\\\').replace(/'/g, "\\\\'") + "'";
      throw new Error('[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) \`regexp\` in \`' + functionName + '\` is invalid: ' + value + '. SQLSTATE: 22023');
    }
    if (sqlRegex.cache.size >= 1024) sqlRegex.cache.clear();
    sqlRegex.cache.set(key, re);
  }
  return re;
}
sqlRegex.cache = new Map();`;

/** Code preparing a pattern argument: its RegExp. */
export const regex =
  (functionName: string, flags = '') =>
  (pattern: string) =>
    `sqlRegex(${pattern}, '${functionName}', '${flags}')`;
const helpers = { sqlRegex: REGEX };

for (const [name, pretty] of [['rlike', 'RLIKE'], ['regexp', 'REGEXP'], ['regexp_like', 'REGEXP_LIKE']]) {
  scalar(name!, {
    args: 2,
    returns: Types.boolean,
    coerce: all(S),
    pretty: ([a, b]) => `${pretty}(${a}, ${b})`,
    prepared: { 1: regex(name!) },
    gen: ([s, re]) => `${re}.test(${s})`,
    helpers,
  });
}

/**
 * Spark's UTF8String.split: Java's String.split(regex, limit) with a limit of 0 taken as -1, so
 * trailing empty strings stay; at most `limit` parts when it is positive, the last one the rest
 * of the string. Unlike JavaScript's split, groups the pattern captures are not parts, a
 * zero-width match at the start gives no empty first part, and a zero-width match right after a
 * match does give one (Java's Matcher.find). An empty pattern splits a non-empty string into
 * its characters, at most `limit` of them. `re` is the pattern's global RegExp, null when empty.
 * Runs inside generated code: self-contained.
 */
function javaSplit(s: string, re: RegExp | null, limit: number): string[] {
  if (re === null && s !== '') {
    const chars = Array.from(s);
    return limit > 0 && limit < chars.length ? chars.slice(0, limit) : chars;
  }
  if (re === null) return [s];
  const parts: string[] = [];
  let index = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null && (limit <= 0 || parts.length < limit - 1); m = re.exec(s)) {
    const end = m.index + m[0].length;
    if (end === m.index) re.lastIndex = end + 1;
    if (end === 0) continue;
    parts.push(s.substring(index, m.index));
    index = end;
  }
  if (index === 0) return [s];
  parts.push(s.substring(index));
  return parts;
}
const SPLIT = `const sqlSplit = ${javaSplit.toString()};
function sqlSplitRegex(pattern, functionName) {
  return pattern === '' ? null : sqlRegex(pattern, functionName, 'g');
}`;
/** Code preparing a pattern `sqlSplit` splits at (its global RegExp, null when empty), and the helpers both need. */
export const splitRegex = (functionName: string) => (pattern: string) => `sqlSplitRegex(${pattern}, '${functionName}')`;
export const SPLIT_HELPERS = { ...helpers, sqlSplitRegex: SPLIT };

scalar('split', {
  args: [2, 3],
  returns: Types.array(S),
  coerce: (t) => [S, S, Types.int].slice(0, t.length),
  // Spark's StringSplit without a limit is split(str, regex, -1), and so named.
  pretty: ([s, re, limit]) => `split(${s}, ${re}, ${limit ?? -1})`,
  prepared: { 1: splitRegex('split') },
  gen: ([s, re, limit]) => `sqlSplit(${s}, ${re}, ${limit ?? -1})`,
  helpers: SPLIT_HELPERS,
});

const REGEXP_EXTRACT = `function sqlRegexpExtract(s, re, idx) {
  const m = re.exec(s);
  return m === null ? '' : m[idx] ?? '';
}`;
scalar('regexp_extract', {
  args: 3,
  returns: S,
  coerce: () => [S, S, Types.int],
  prepared: { 1: regex('regexp_extract') },
  gen: ([s, re, i]) => `sqlRegexpExtract(${s}, ${re}, ${i})`,
  helpers: { ...helpers, sqlRegexpExtract: REGEXP_EXTRACT },
});

/** A global RegExp with its count of groups (what regexp_extract_all checks its index against). */
const REGEX_GROUPS = `function sqlRegexGroups(re) {
  let groups = sqlRegexGroups.cache.get(re);
  if (groups === undefined) {
    groups = new RegExp(re.source + '|').exec('').length - 1;
    sqlRegexGroups.cache.set(re, groups);
  }
  return { re, groups };
}
sqlRegexGroups.cache = new WeakMap();`;
/** Spark's regexp_extract_all: group idx of every match, '' where the group did not take part. */
const REGEXP_EXTRACT_ALL = `function sqlRegexpExtractAll(s, compiled, idx) {
  if (idx < 0 || idx > compiled.groups) {
    throw new Error('[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) \`idx\` in \`regexp_extract_all\` is invalid: Expects group index between 0 and ' + compiled.groups + ', but got ' + idx + '.');
  }
  return Array.from(s.matchAll(compiled.re), (m) => m[idx] ?? '');
}`;
scalar('regexp_extract_all', {
  args: [2, 3],
  returns: Types.array(S),
  coerce: (t) => [S, S, Types.int].slice(0, t.length),
  prepared: { 1: (p) => `sqlRegexGroups(${regex('regexp_extract_all', 'g')(p)})` },
  gen: ([s, compiled, i]) => `sqlRegexpExtractAll(${s}, ${compiled}, ${i ?? 1})`,
  helpers: { ...helpers, sqlRegexGroups: REGEX_GROUPS, sqlRegexpExtractAll: REGEXP_EXTRACT_ALL },
});

scalar('regexp_replace', {
  args: 3,
  returns: S,
  coerce: all(S),
  prepared: { 1: regex('regexp_replace', 'g'), 2: (r) => `${r}.replace(/\\$(\\d)/g, '$$$1')` },
  gen: ([s, re, r]) => `${s}.replace(${re}, ${r})`,
  helpers,
});
scalar('regexp_count', {
  args: 2,
  returns: Types.int,
  coerce: all(S),
  prepared: { 1: regex('regexp_count', 'g') },
  gen: ([s, re]) => `(${s}.match(${re}) ?? []).length`,
  helpers,
});
scalar('regexp_substr', {
  args: 2,
  returns: S,
  nullableResult: true,
  coerce: all(S),
  prepared: { 1: regex('regexp_substr') },
  gen: ([s, re]) => `(${re}.exec(${s})?.[0] ?? null)`,
  helpers,
});

/** The 1-based position where the first match starts, 0 when none (Spark's RegExpInStr, which does not read `idx`). */
scalar('regexp_instr', {
  args: [2, 3],
  returns: Types.int,
  coerce: (t) => [S, S, Types.int].slice(0, t.length),
  // Spark's column name shows the default group index: regexp_instr(str, regexp, 0).
  pretty: ([s, p, i]) => `regexp_instr(${s}, ${p}, ${i ?? 0})`,
  prepared: { 1: regex('regexp_instr') },
  gen: ([s, re]) => `((m) => m === null ? 0 : m.index + 1)(${re}.exec(${s}))`,
  helpers,
});
