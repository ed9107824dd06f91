/** String functions (pyspark.sql.functions' string family), compiled to JavaScript string operations. */
import type { DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';

const S = Types.string;

/** Spark's substring: 1-based `pos` (0 acts as 1), negative counts from the end. */
const SUBSTRING = `function sqlSubstring(s, pos, len) {
  const n = s.length;
  const start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = len === undefined ? n : start + len;
  const from = Math.max(start, 0);
  return from >= end ? '' : s.substring(from, Math.min(end, n));
}`;

/** lpad/rpad's pad argument prepared with the length: the pad repeated to that length ('' for an empty pad), made once when both are literals. */
const PADDING = `function sqlPadding(pad, len) {
  return pad.length === 0 || len <= 0 ? '' : pad.repeat(Math.ceil(len / pad.length)).substring(0, len);
}`;
/** s padded to `len` with the start of `fill` (sqlPadding), on the left or right; cut to `len` when longer. */
const PAD = `function sqlPad(s, len, fill, left) {
  if (len <= s.length) return s.substring(0, Math.max(len, 0));
  if (fill.length === 0) return s;
  const f = fill.substring(0, len - s.length);
  return left ? f + s : s + f;
}`;
const padding = { prepared: { 2: (pad: string, _: DataType[], [, len]: readonly string[]) => `sqlPadding(${pad}, ${len})` }, preparedWith: { 2: [1] }, helpers: { sqlPad: PAD, sqlPadding: PADDING } };

const INITCAP = `function sqlInitcap(s) {
  return s.toLowerCase().replace(/(^|\\s)(\\S)/g, (m, a, b) => a + b.toUpperCase());
}`;

scalar('lower', { args: 1, returns: S, coerce: all(S), gen: ([s]) => `${s}.toLowerCase()`, aliases: ['lcase'] });
scalar('upper', { args: 1, returns: S, coerce: all(S), gen: ([s]) => `${s}.toUpperCase()`, aliases: ['ucase'] });
scalar('length', { args: 1, returns: Types.int, coerce: all(S), gen: ([s]) => `[...${s}].length`, aliases: ['char_length', 'character_length'] });
/**
 * trim / ltrim / rtrim(str[, trimStr]): spaces, or any of trimStr's characters, off both ends, the
 * start or the end; with trimStr Spark names them TRIM(BOTH x FROM s), TRIM(LEADING ...), TRIM(TRAILING ...).
 */
const TRIM_CHARS = `function sqlTrimChars(s, chars, leading, trailing) {
  const set = new Set(chars);
  const cs = [...s];
  let a = 0, b = cs.length;
  while (leading && a < b && set.has(cs[a])) a++;
  while (trailing && b > a && set.has(cs[b - 1])) b--;
  return cs.slice(a, b).join('');
}`;
for (const [name, side, spaces, leading, trailing] of [
  ['trim', 'BOTH', '/^ +| +$/g', true, true],
  ['ltrim', 'LEADING', '/^ +/', true, false],
  ['rtrim', 'TRAILING', '/ +$/', false, true],
] as const) {
  scalar(name, {
    args: [1, 2],
    returns: S,
    coerce: all(S),
    pretty: ([s, chars]) => (chars === undefined ? `${name}(${s})` : `TRIM(${side} ${chars} FROM ${s})`),
    gen: ([s, chars]) => (chars === undefined ? `${s}.replace(${spaces}, '')` : `sqlTrimChars(${s}, ${chars}, ${leading}, ${trailing})`),
    helpers: { sqlTrimChars: TRIM_CHARS },
  });
}
/** reverse of a string, or of an array's elements. */
scalar('reverse', {
  args: 1,
  returns: ([t]) => (t.typeName() === 'array' ? t : S),
  coerce: ([t]) => [t.typeName() === 'array' ? undefined : S],
  gen: ([s], [t]) => (t.typeName() === 'array' ? `[...${s}].reverse()` : `[...${s}].reverse().join('')`),
});
scalar('initcap', { args: 1, returns: S, coerce: all(S), gen: ([s]) => `sqlInitcap(${s})`, helpers: { sqlInitcap: INITCAP } });
scalar('repeat', { args: 2, returns: S, coerce: () => [S, Types.int], gen: ([s, n]) => `${s}.repeat(Math.max(${n}, 0))` });
scalar('substring', {
  args: [2, 3],
  returns: S,
  coerce: (t) => [S, Types.int, Types.int].slice(0, t.length),
  gen: ([s, pos, len]) => `sqlSubstring(${s}, ${pos}, ${len ?? 'undefined'})`,
  helpers: { sqlSubstring: SUBSTRING },
  aliases: ['substr'],
});
/** concat of strings (other types cast to string), or of arrays when every argument is one. */
const allArrays = (t: DataType[]) => t.length > 0 && t.every((x) => x.typeName() === 'array');
scalar('concat', {
  args: [0, Infinity],
  returns: (t) => (allArrays(t) ? t[0] : S),
  coerce: (t) => (allArrays(t) ? t.map(() => undefined) : t.map(() => S)),
  gen: (a, t) => (allArrays(t) ? `[].concat(${a.join(', ')})` : a.length === 0 ? `''` : `(${a.map((x) => `'' + ${x}`).join(' + ')})`),
});
scalar('concat_ws', {
  args: [1, Infinity],
  returns: S,
  nullTolerant: true,
  coerce: (t) => t.map(() => S),
  gen: ([sep, ...parts]) => `(${sep} === null ? null : [${parts.join(', ')}].filter((x) => x !== null).join(${sep}))`,
  nullableResult: true,
});
scalar('instr', { args: 2, returns: Types.int, coerce: all(S), gen: ([s, sub]) => `(${s}.indexOf(${sub}) + 1)` });
scalar('lpad', { args: 3, returns: S, coerce: () => [S, Types.int, S], gen: ([s, n, fill]) => `sqlPad(${s}, ${n}, ${fill}, true)`, ...padding });
scalar('rpad', { args: 3, returns: S, coerce: () => [S, Types.int, S], gen: ([s, n, fill]) => `sqlPad(${s}, ${n}, ${fill}, false)`, ...padding });
scalar('startswith', { args: 2, returns: Types.boolean, coerce: all(S), gen: ([s, p]) => `${s}.startsWith(${p})` });
scalar('endswith', { args: 2, returns: Types.boolean, coerce: all(S), gen: ([s, p]) => `${s}.endsWith(${p})` });
scalar('contains', { args: 2, returns: Types.boolean, coerce: all(S), gen: ([s, p]) => `${s}.includes(${p})` });

/** Java's Formatter for format_string: %s, %d, %f with an optional precision, %% (the common forms). */
const FORMAT_STRING = `function sqlFormatString(format, args) {
  let i = 0;
  return format.replace(/%(\\.(\\d+))?([sdf%])/g, (m, p, digits, kind) => {
    if (kind === '%') return '%';
    const v = args[i++];
    if (v === null || v === undefined) return 'null';
    if (kind === 'd') return String(Math.trunc(v));
    if (kind === 'f') return Number(v).toFixed(digits === undefined ? 6 : Number(digits));
    return String(v);
  });
}`;

/** Levenshtein distance; with a threshold, -1 beyond it (Spark's levenshtein(l, r, threshold)). */
const LEVENSHTEIN = `function sqlLevenshtein(a, b, threshold) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  const d = prev[b.length];
  return threshold !== undefined && d > threshold ? -1 : d;
}`;

const SUBSTRING_INDEX = `function sqlSubstringIndex(s, delim, count) {
  if (count === 0 || delim === '') return '';
  const parts = s.split(delim);
  return count > 0 ? parts.slice(0, count).join(delim) : parts.slice(Math.max(parts.length + count, 0)).join(delim);
}`;

/** translate's matching argument prepared with the replacement: the Map of each character to its replacement, made once when both are literals. */
const TRANSLATION = `function sqlTranslation(matching, replace) {
  const map = new Map();
  [...matching].forEach((c, i) => { if (!map.has(c)) map.set(c, i < replace.length ? [...replace][i] : ''); });
  return map;
}`;
const TRANSLATE = `function sqlTranslate(s, map) {
  return [...s].map((c) => (map.has(c) ? map.get(c) : c)).join('');
}`;

/**
 * format_number(x, d): grouped thousands, d decimals, HALF_EVEN as Java's DecimalFormat. `d` is
 * prepared: its Intl formatter, made once when a literal (null when negative).
 */
const NUMBER_FORMATTER = `function sqlNumberFormatter(d) {
  let f = sqlNumberFormatter.cache.get(d);
  if (f === undefined) {
    f = d < 0 ? null : new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, roundingMode: 'halfEven' });
    if (sqlNumberFormatter.cache.size >= 1024) sqlNumberFormatter.cache.clear();
    sqlNumberFormatter.cache.set(d, f);
  }
  return f;
}
sqlNumberFormatter.cache = new Map();`;

const utf8 = (s: string) => `Buffer.from(${s}, 'utf8')`;
scalar('ascii', { args: 1, returns: Types.int, coerce: all(S), gen: ([s]) => `(${s}.length === 0 ? 0 : ${s}.codePointAt(0))` });
scalar('base64', { args: 1, returns: S, gen: ([s]) => `Buffer.from(${s}).toString('base64')` });
scalar('octet_length', { args: 1, returns: Types.int, coerce: all(S), gen: ([s]) => `${utf8(s)}.length` });
scalar('bit_length', { args: 1, returns: Types.int, coerce: all(S), gen: ([s]) => `(${utf8(s)}.length * 8)` });
scalar('substring_index', { args: 3, returns: S, coerce: () => [S, S, Types.int], gen: ([s, d, n]) => `sqlSubstringIndex(${s}, ${d}, ${n})`, helpers: { sqlSubstringIndex: SUBSTRING_INDEX } });
scalar('levenshtein', {
  args: [2, 3],
  returns: Types.int,
  coerce: (t) => [S, S, Types.int].slice(0, t.length),
  gen: ([a, b, t]) => `sqlLevenshtein(${a}, ${b}, ${t ?? 'undefined'})`,
  helpers: { sqlLevenshtein: LEVENSHTEIN },
});
scalar('translate', {
  args: 3,
  returns: S,
  coerce: all(S),
  prepared: { 1: (matching, _, [, , replace]) => `sqlTranslation(${matching}, ${replace})` },
  preparedWith: { 1: [2] },
  gen: ([s, map]) => `sqlTranslate(${s}, ${map})`,
  helpers: { sqlTranslation: TRANSLATION, sqlTranslate: TRANSLATE },
});
scalar('format_number', {
  args: 2,
  returns: S,
  nullableResult: true,
  // A long stays one: Intl formats a JS bigint (a long past 2^53) exactly.
  coerce: ([t]) => [t?.typeName() === 'long' ? undefined : Types.double, Types.int],
  prepared: { 1: (d) => `sqlNumberFormatter(${d})` },
  gen: ([x, formatter]) => `((f) => f === null ? null : f.format(${x}))(${formatter})`,
  helpers: { sqlNumberFormatter: NUMBER_FORMATTER },
});
scalar('format_string', {
  args: [1, Infinity],
  returns: S,
  nullTolerant: true,
  gen: ([f, ...rest]) => `(${f} === null ? null : sqlFormatString(${f}, [${rest.join(', ')}]))`,
  helpers: { sqlFormatString: FORMAT_STRING },
  aliases: ['printf'],
});
scalar('overlay', {
  args: [3, 4],
  returns: S,
  coerce: (t) => [S, S, Types.int, Types.int].slice(0, t.length),
  gen: ([s, r, pos, len]) => `((l) => ${s}.substring(0, ${pos} - 1) + ${r} + ${s}.substring(${pos} - 1 + l))(${len ?? '-1'} < 0 ? ${r}.length : ${len})`,
});
scalar('bin', { args: 1, returns: S, coerce: () => [Types.long], gen: ([n]) => `BigInt.asUintN(64, BigInt(${n})).toString(2)` });
scalar('hex', {
  args: 1,
  returns: S,
  gen: ([v], [t]) => (t.typeName() === 'string' || t.typeName() === 'binary' ? `Buffer.from(${v}).toString('hex').toUpperCase()` : `BigInt.asUintN(64, BigInt(${v})).toString(16).toUpperCase()`),
});
