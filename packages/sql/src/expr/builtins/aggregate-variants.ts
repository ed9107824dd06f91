/**
 * Aggregates that are another aggregate under Spark's name: any_value (first), count_if (a count
 * of true conditions) and approx_count_distinct (here the exact distinct count, which is within
 * any relative error Spark's HyperLogLog++ is asked for).
 */
import { lookupFunction, registerFunction, type AggregateFunction } from '../registry.js';
import { Types } from '../types-used.js';

const first = lookupFunction('first') as AggregateFunction;
registerFunction({ ...first, name: 'any_value', pretty: ([x]) => `any_value(${x})` });

registerFunction({
  type: 'aggregate',
  name: 'count_if',
  minArgs: 1,
  maxArgs: 1,
  coerceArgs: () => [Types.boolean],
  returnType: () => Types.long,
  slots: 1,
  init: () => ['0'],
  update: ([a], [x]) => `if (${x} === true) ${a}++;`,
  merge: ([a], [b]) => `${a} += ${b};`,
  finish: ([a]) => a,
});

const countDistinct = lookupFunction('count_distinct') as AggregateFunction;
registerFunction({
  ...countDistinct,
  name: 'approx_count_distinct',
  distinct: false,
  maxArgs: 2,
  pretty: ([x]) => `approx_count_distinct(${x})`,
  update: (acc, [x], types) => countDistinct.update(acc, [x!], types.slice(0, 1)),
});
