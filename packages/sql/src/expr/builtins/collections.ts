/** Arrays, maps and structs: construction and access. */
import { StructField, StructType, type DataType } from '../../types/index.js';
import { widestType } from '../type-rules.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { ARRAY_INDEX_HELPERS, invalidArrayIndexCode } from '../array-index-errors.js';


scalar('array', {
  args: [0, Infinity],
  returns: (t) => Types.array(widestType(t)),
  coerce: (t) => t.map(() => widestType(t)),
  nullTolerant: true,
  gen: (a) => `[${a.join(', ')}]`,
});
scalar('size', {
  args: 1,
  returns: Types.int,
  nullTolerant: true,
  gen: ([a]) => `(${a} === null ? -1 : ${a} instanceof Map ? ${a}.size : ${a}.length)`,
});
/** Spark's three-valued answer: true when found, else null when the array holds a null, else false. */
scalar('array_contains', { args: 2, returns: Types.boolean, nullableResult: true, gen: ([a, v]) => `(${a}.includes(${v}) ? true : ${a}.includes(null) ? null : false)` });
/** sort_array: nulls first when ascending, last when descending (Spark's rule). */
scalar('sort_array', {
  args: [1, 2],
  returns: ([t]) => t,
  gen: ([a, asc]) => `[...${a}].sort((x, y) => (x === null ? (y === null ? 0 : -1) : y === null ? 1 : x < y ? -1 : x > y ? 1 : 0) * (${asc ?? 'true'} ? 1 : -1))`,
});
/** `a[i]` on an array (0-based), `m[key]` on a map (null for a missing key in every mode), as Column.getItem. */
scalar('get_item', {
  args: 2,
  returns: ([t]) => ('elementType' in t ? (t as { elementType: DataType }).elementType : (t as unknown as { valueType: DataType }).valueType),
  nullableResult: true,
  pretty: ([a, k]) => `${a}[${k}]`,
  gen: ([a, k], [t], _, state, mode) =>
    'elementType' in t
      ? `(${k} >= 0 && ${k} < ${a}.length ? ${a}[${k}] : ${invalidArrayIndexCode(k!, `${a}.length`, mode, state.errorContext())})`
      : `(${a}.has(${k}) ? ${a}.get(${k}) : null)`,
  ansiAware: true,
  helpers: ARRAY_INDEX_HELPERS,
});
/** element_at(array, i) is 1-based (negative: from the end); element_at(map, key) is null for a missing key. */
scalar('element_at', {
  args: 2,
  returns: ([t]) => ('elementType' in t ? (t as { elementType: DataType }).elementType : (t as unknown as { valueType: DataType }).valueType),
  nullableResult: true,
  gen: ([a, k], [t], _, state, mode) => {
    const context = state.errorContext();
    return 'elementType' in t
      ? `sqlElementAt(${a}, ${k}, ${mode === undefined}${context === undefined ? '' : `, ${context}`})`
      : `(${a}.has(${k}) ? ${a}.get(${k}) : null)`;
  },
  ansiAware: true,
  helpers: ARRAY_INDEX_HELPERS,
});
/** Structs are plain objects keyed by field name inside the engine. */
scalar('get_field', {
  args: 2,
  returns: ([t], [, name]) => (t as StructType).fields.find((f) => f.name === name)?.dataType ?? Types.null,
  nullableResult: true,
  pretty: ([a, f]) => `${a}.${f}`,
  gen: ([a, f]) => `(${a}[${f}] ?? null)`,
});
scalar('named_struct', {
  args: [0, Infinity],
  returns: (t, lits) => new StructType(Array.from({ length: t.length / 2 }, (_, i) => new StructField(String(lits[2 * i]), t[2 * i + 1], true))),
  nullTolerant: true,
  pretty: (a) => `struct(${a.filter((_, i) => i % 2 === 1).join(', ')})`,
  gen: (a) => `({ ${Array.from({ length: a.length / 2 }, (_, i) => `[${a[2 * i]}]: ${a[2 * i + 1]}`).join(', ')} })`,
});
