/**
 * Array functions beyond construction and access (collections.ts): slicing, joining, searching
 * and editing arrays, and building maps, with Spark's null rules.
 */
import { MapType, type DataType } from '../../types/index.js';
import { widestType } from '../type-rules.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

const elementOf = (t: DataType): DataType => ('elementType' in t ? (t as { elementType: DataType }).elementType : Types.null);

/** Spark's slice: 1-based start (negative counts from the end), a length of elements. */
const SLICE = `function sqlSlice(a, start, length) {
  if (start === 0) throw new Error('[INVALID_PARAMETER_VALUE.START] The value of parameter(s) \\\`start\\\` in \\\`slice\\\` is invalid: Expects a positive or a negative value for \\\`start\\\`, but got 0.');
  if (length < 0) throw new Error('[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) \\\`length\\\` in \\\`slice\\\` is invalid: Expects \\\`length\\\` greater than or equal to 0, but got ' + length + '.');
  const from = start > 0 ? start - 1 : a.length + start;
  return from < 0 ? [] : a.slice(from, from + length);
}`;

/** arrays_overlap: true on a common non-null element, else null when both are non-empty and one holds a null. */
const OVERLAP = `function sqlArraysOverlap(x, y) {
  const seen = new Set(x.filter((v) => v !== null));
  if (y.some((v) => v !== null && seen.has(v))) return true;
  return x.length > 0 && y.length > 0 && (x.includes(null) || y.includes(null)) ? null : false;
}`;

scalar('slice', { args: 3, returns: ([t]) => t, coerce: ([t]) => [t, Types.int, Types.int], gen: ([a, s, l]) => `sqlSlice(${a}, ${s}, ${l})`, helpers: { sqlSlice: SLICE } });
scalar('arrays_overlap', { args: 2, returns: Types.boolean, nullableResult: true, gen: ([x, y]) => `sqlArraysOverlap(${x}, ${y})`, helpers: { sqlArraysOverlap: OVERLAP } });
scalar('array_join', {
  args: [2, 3],
  returns: Types.string,
  coerce: (t) => [t[0], Types.string, Types.string].slice(0, t.length),
  gen: ([a, d, r]) => `${a}${r === undefined ? '.filter((v) => v !== null)' : `.map((v) => (v === null ? ${r} : v))`}.join(${d})`,
});
scalar('array_position', { args: 2, returns: Types.long, gen: ([a, v]) => `(${a}.indexOf(${v}) + 1)` });
/** get(array, i): 0-based, null outside the array. */
scalar('get', { args: 2, returns: ([t]) => elementOf(t), nullableResult: true, coerce: ([t]) => [t, Types.int], gen: ([a, i]) => `(${i} >= 0 && ${i} < ${a}.length ? ${a}[${i}] : null)` });
scalar('array_prepend', { args: 2, returns: ([t]) => t, nullTolerant: true, nullableResult: true, gen: ([a, v]) => `(${a} === null ? null : [${v}, ...${a}])` });
scalar('array_append', { args: 2, returns: ([t]) => t, nullTolerant: true, nullableResult: true, gen: ([a, v]) => `(${a} === null ? null : [...${a}, ${v}])` });
scalar('array_remove', { args: 2, returns: ([t]) => t, gen: ([a, v]) => `${a}.filter((x) => x !== ${v})` });
scalar('array_compact', { args: 1, returns: ([t]) => t, gen: ([a]) => `${a}.filter((x) => x !== null)` });
scalar('map', {
  args: [0, Infinity],
  returns: (t) => new MapType(widestType(t.filter((_, i) => i % 2 === 0)), widestType(t.filter((_, i) => i % 2 === 1)), true),
  coerce: (t) => {
    const [keys, values] = [widestType(t.filter((_, i) => i % 2 === 0)), widestType(t.filter((_, i) => i % 2 === 1))];
    return t.map((_, i) => (i % 2 === 0 ? keys : values));
  },
  nullTolerant: true,
  gen: (a) => `new Map([${Array.from({ length: a.length / 2 }, (_, i) => `[${a[2 * i]}, ${a[2 * i + 1]}]`).join(', ')}])`,
});
scalar('map_from_arrays', { args: 2, returns: ([k, v]) => new MapType(elementOf(k), elementOf(v), true), gen: ([k, v]) => `new Map(${k}.map((key, i) => [key, ${v}[i]]))` });
/** array_min/array_max skip nulls; an empty (or all-null) array gives null. */
for (const [name, better] of [['array_min', '<'], ['array_max', '>']] as const) {
  scalar(name, {
    args: 1,
    returns: ([t]) => elementOf(t),
    nullableResult: true,
    gen: ([a]) => `${a}.reduce((m, v) => (v !== null && (m === null || v ${better} m) ? v : m), null)`,
  });
}
scalar('array_size', { args: 1, returns: Types.int, gen: ([a]) => `${a}.length` });
scalar('cardinality', { args: 1, returns: Types.int, nullTolerant: true, gen: ([a]) => `(${a} === null ? -1 : ${a} instanceof Map ? ${a}.size : ${a}.length)` });
/** flatten: one level of nesting removed; null when any inner array is null. */
scalar('flatten', { args: 1, returns: ([t]) => elementOf(t), nullableResult: true, gen: ([a]) => `(${a}.includes(null) ? null : [].concat(...${a}))` });
