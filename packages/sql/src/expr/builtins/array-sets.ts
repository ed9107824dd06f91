/**
 * Arrays as sets and generated arrays: array_distinct, array_union, array_intersect, array_except (distinct
 * elements in first-seen order; null and NaN count as one value each, as in Spark),
 * array_repeat and sequence.
 */
import { ArrayType, type DataType } from '../../types/index.js';
import { commonType } from '../type-rules.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { LONG_HELPERS } from '../../types/long-value.js';
import { KEY_TEXT } from '../key-text.js';

/** A key under which equal elements meet: numbers and strings as they are, nested values as their key text (a long past 2^53 too). */
const SET_KEY = `function sqlSetKey(v) { return v !== null && typeof v === 'object' ? 'j' + keyText(v instanceof Map ? [...v] : v) : v; }`;
const SET_OPS = `function sqlArraySet(a, b, keep) {
  const inB = new Set(b.map(sqlSetKey));
  const seen = new Set();
  const out = [];
  for (const v of keep === 'union' ? a.concat(b) : a) {
    const k = sqlSetKey(v);
    if (seen.has(k) || (keep === 'intersect' && !inB.has(k)) || (keep === 'except' && inB.has(k))) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}`;
const SET_HELPERS = { keyText: KEY_TEXT, sqlSetKey: SET_KEY, sqlArraySet: SET_OPS };

const bothAs = ([a, b]: DataType[]) => {
  const t = commonType(a!, b!) ?? a!;
  return [t, t];
};
for (const op of ['union', 'intersect', 'except']) {
  scalar(`array_${op}`, {
    args: 2,
    returns: (t) => bothAs(t)[0]!,
    coerce: bothAs,
    gen: ([a, b]) => `sqlArraySet(${a}, ${b}, '${op}')`,
    helpers: SET_HELPERS,
  });
}

/** array_distinct(a): the union of a with nothing, so nested elements (arrays, structs, maps) meet by content. */
scalar('array_distinct', {
  args: 1,
  returns: ([t]) => t,
  gen: ([a]) => `sqlArraySet(${a}, [], 'union')`,
  helpers: SET_HELPERS,
});

/** array_repeat(x, n): n copies of x (x may be null; a null count gives null). */
scalar('array_repeat', {
  args: 2,
  returns: ([t]) => new ArrayType(t!, true),
  coerce: ([t]) => [t, Types.int],
  nullTolerant: true,
  nullableResult: true,
  gen: ([x, n]) => `(${n} === null ? null : new Array(Math.max(${n}, 0)).fill(${x}))`,
});

/** sequence(start, stop[, step]): integers from start to stop by step (default 1 or -1); in BigInt where a long is past 2^53. */
const SEQUENCE = `function sqlSequence(start, stop, step) {
  const big = typeof start === 'bigint' || typeof stop === 'bigint' || typeof step === 'bigint';
  if (big) [start, stop, step] = [BigInt(start), BigInt(stop), step === undefined ? undefined : BigInt(step)];
  const zero = big ? 0n : 0;
  if (step === undefined) step = start <= stop ? (big ? 1n : 1) : (big ? -1n : -1);
  if (step === zero ? start !== stop : step > zero ? start > stop : start < stop) {
    throw new Error('[INVALID_PARAMETER_VALUE.SEQUENCE_WRONG_INPUT_TYPES] Illegal sequence boundaries: ' + start + ' to ' + stop + ' by ' + step);
  }
  const out = [];
  if (step === zero) return [big ? sqlLong(start) : start];
  for (let v = start; step > zero ? v <= stop : v >= stop; v += step) out.push(big ? sqlLong(v) : v);
  return out;
}`;
scalar('sequence', {
  args: [2, 3],
  returns: (t) => new ArrayType(t.some((x) => x.typeName() === 'long') ? Types.long : Types.int, false),
  coerce: (t) => t.map(() => (t.some((x) => x.typeName() === 'long') ? Types.long : Types.int)),
  gen: ([a, b, s]) => `sqlSequence(${a}, ${b}, ${s ?? 'undefined'})`,
  helpers: { sqlSequence: SEQUENCE, ...LONG_HELPERS },
});
