/**
 * Higher-order functions over arrays and maps. Their lambda arguments (analyzer/lambdas.ts)
 * compile to JavaScript arrow functions (physical/codegen/expr-codegen.ts), which the generated
 * code here calls per element; a null from a predicate counts as false, except in exists/forall,
 * which follow SQL's three-valued logic as Spark does.
 */
import { ArrayType, MapType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { SQL_COMPARE } from '../../physical/codegen/complex-equality.js';

scalar('lambdafunction', {
  args: [1, Infinity],
  returns: ([body]) => body!,
  nullTolerant: true,
  pretty: ([body, ...params]) => `lambdafunction(${body}, ${params.join(', ')})`,
  gen: () => {
    throw new Error('internal error: a lambda function outside a higher-order function');
  },
});

const arrayOf = (t: DataType) => new ArrayType(t, true);
const mapParts = (t: DataType) => t as MapType;

scalar('transform', { args: 2, returns: ([, f]) => arrayOf(f!), gen: ([a, f]) => `${a}.map((x, i) => ${f}(x, i))` });
scalar('filter', { args: 2, returns: ([a]) => a!, gen: ([a, f]) => `${a}.filter((x, i) => ${f}(x, i) === true)` });
const THREE_VALUED = (stop: 'true' | 'false') => `((a, f) => { let unknown = false; for (const x of a) { const r = f(x); if (r === ${stop}) return ${stop}; if (r === null) unknown = true; } return unknown ? null : ${stop === 'true' ? 'false' : 'true'}; })`;
scalar('exists', { args: 2, returns: Types.boolean, nullableResult: true, gen: ([a, f]) => `${THREE_VALUED('true')}(${a}, ${f})` });
scalar('forall', { args: 2, returns: Types.boolean, nullableResult: true, gen: ([a, f]) => `${THREE_VALUED('false')}(${a}, ${f})` });
/** aggregate(array, zero, merge[, finish]) folds the elements from zero, then applies finish. */
for (const name of ['aggregate', 'reduce']) {
  scalar(name, {
    args: [3, 4],
    returns: ([, zero, merge, finish]) => finish ?? merge ?? zero!,
    nullTolerant: true,
    nullableResult: true,
    gen: ([a, zero, merge, finish]) => `(${a} === null ? null : ((acc) => ${finish ? `${finish}(acc)` : 'acc'})(${a}.reduce((acc, x) => ${merge}(acc, x), ${zero})))`,
  });
}
/** zip_with(a, b, f): f over the elements at each position, the shorter array padded with nulls. */
scalar('zip_with', {
  args: 3,
  returns: ([, , f]) => arrayOf(f!),
  gen: ([a, b, f]) => `Array.from({ length: Math.max(${a}.length, ${b}.length) }, (_, i) => ${f}(${a}[i] ?? null, ${b}[i] ?? null))`,
});
scalar('map_filter', { args: 2, returns: ([m]) => m!, gen: ([m, f]) => `new Map([...${m}].filter(([k, v]) => ${f}(k, v) === true))` });
scalar('transform_keys', {
  args: 2,
  returns: ([m, f]) => new MapType(f!, mapParts(m!).valueType, mapParts(m!).valueContainsNull),
  gen: ([m, f]) => `new Map(Array.from(${m}, ([k, v]) => [${f}(k, v), v]))`,
});
scalar('transform_values', {
  args: 2,
  returns: ([m, f]) => new MapType(mapParts(m!).keyType, f!, true),
  gen: ([m, f]) => `new Map(Array.from(${m}, ([k, v]) => [k, ${f}(k, v)]))`,
});

/**
 * array_sort(array[, comparator]): without a comparator Spark's default one (ascending, NaN above
 * numbers, nulls last), which its column name spells out; a comparator returning null is an error.
 * Both sorts are stable, as Java's is.
 */
const DEFAULT_COMPARATOR_NAME =
  'lambdafunction((IF(((left IS NULL) AND (right IS NULL)), 0, (IF((left IS NULL), 1, (IF((right IS NULL), -1, (IF((left < right), -1, (IF((left > right), 1, 0)))))))))), left, right)';
const COMPARATOR_RETURNS_NULL = `function sqlComparatorReturnsNull(x, y) {
  throw new Error('[COMPARATOR_RETURNS_NULL] The comparator has returned a NULL for a comparison between ' + x + ' and ' + y + '. It should return a positive integer for "greater than", 0 for "equal" and a negative integer for "less than". To revert to deprecated behavior where NULL is treated as 0 (equal), you must set "spark.sql.legacy.allowNullComparisonResultInArraySort" to "true". SQLSTATE: 22004');
}`;
scalar('array_sort', {
  args: [1, 2],
  returns: ([a]) => a!,
  pretty: ([a, f]) => `array_sort(${a}, ${f ?? DEFAULT_COMPARATOR_NAME})`,
  gen: ([a, f]) =>
    f === undefined
      ? `[...${a}].sort((x, y) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : sqlCompare(x, y)))`
      : `[...${a}].sort((x, y) => { const c = ${f}(x, y); return c === null ? sqlComparatorReturnsNull(x, y) : c; })`,
  helpers: { sqlCompare: SQL_COMPARE, sqlComparatorReturnsNull: COMPARATOR_RETURNS_NULL },
});

/** map_zip_with(m1, m2, f(k, v1, v2)): the keys of m1, then those only in m2; a missing value is null. */
scalar('map_zip_with', {
  args: 3,
  returns: ([m, , f]) => new MapType(mapParts(m!).keyType, f!, true),
  gen: ([m1, m2, f]) =>
    `((a, b) => { const out = new Map(); for (const [k, v] of a) out.set(k, ${f}(k, v, b.has(k) ? b.get(k) : null)); for (const [k, v] of b) if (!a.has(k)) out.set(k, ${f}(k, null, v)); return out; })(${m1}, ${m2})`,
});
