/**
 * arrays_zip (an array of structs, one per position, fields named after the arrays) and
 * array_insert (Spark 4's 1-based positions; a negative one counts from the end, -1 appending).
 */
import { ArrayType, StructField, StructType, type DataType } from '../../types/index.js';
import { commonType } from '../type-rules.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

const elementOf = (t: DataType): DataType => (t instanceof ArrayType ? t.elementType : Types.null);

/**
 * `arrays_zip_named(name1, array1, name2, array2, ...)`: what `arrays_zip(a1, a2, ...)` resolves
 * to (analyzer/resolve-expression.ts names the fields); shorter arrays give nulls at the end.
 */
scalar('arrays_zip_named', {
  args: [0, Infinity],
  returns: (t, lits) =>
    new ArrayType(new StructType(Array.from({ length: t.length / 2 }, (_, i) => new StructField(String(lits[2 * i]), elementOf(t[2 * i + 1]!), true))), false),
  pretty: (a) => `arrays_zip(${a.filter((_, i) => i % 2 === 1).join(', ')})`,
  gen: (a) => {
    const arrays = a.filter((_, i) => i % 2 === 1);
    if (arrays.length === 0) return '[]';
    const fields = Array.from({ length: arrays.length }, (_, i) => `[${a[2 * i]}]: ${arrays[i]}[i] ?? null`).join(', ');
    return `Array.from({ length: Math.max(0, ${arrays.map((x) => `${x}.length`).join(', ')}) }, (_, i) => ({ ${fields} }))`;
  },
});

/** Spark 4's ArrayInsert: an index past either end pads the array with nulls up to it. */
const ARRAY_INSERT = `function sqlArrayInsert(a, pos, value) {
  if (pos === 0) throw new Error('[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003');
  const at = pos > 0 ? pos - 1 : a.length + pos + 1;
  if (at < 0) return [value, ...new Array(-at).fill(null), ...a];
  if (at > a.length) return [...a, ...new Array(at - a.length).fill(null), value];
  return [...a.slice(0, at), value, ...a.slice(at)];
}`;

const insertedType = ([a, , v]: DataType[]): DataType => new ArrayType(commonType(elementOf(a!), v!) ?? elementOf(a!), true);

scalar('array_insert', {
  args: 3,
  returns: insertedType,
  coerce: (t) => {
    const target = insertedType(t);
    return [target, Types.int, (target as ArrayType).elementType];
  },
  nullTolerant: true,
  nullableResult: true,
  gen: ([a, pos, v]) => `(${a} === null || ${pos} === null ? null : sqlArrayInsert(${a}, ${pos}, ${v}))`,
  helpers: { sqlArrayInsert: ARRAY_INSERT },
});
