/**
 * Higher-order functions over arrays and maps. Their lambda arguments (analyzer/lambdas.ts)
 * compile to JavaScript arrow functions (physical/codegen/expr-codegen.ts), which the generated
 * code here calls per element; a null from a predicate counts as false, except in exists/forall,
 * which follow SQL's three-valued logic as Spark does.
 */
import { ArrayType, MapType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

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
