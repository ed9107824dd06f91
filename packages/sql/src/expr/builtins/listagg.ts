/**
 * listagg / string_agg(expr[, delimiter]) [WITHIN GROUP (ORDER BY key [DESC])]: the non-null
 * values joined by the delimiter (none by default), null when there are none. The parser passes
 * WITHIN GROUP as two more arguments, the key and whether it descends (nulls first ascending,
 * last descending, as ORDER BY has them); without it the values keep the order they come in.
 * DISTINCT is the analyzer's distinct form of any aggregate.
 */
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { SQL_COMPARE } from '../../physical/codegen/complex-equality.js';

for (const name of ['listagg', 'string_agg']) {
  registerFunction({
    type: 'aggregate',
    name,
    minArgs: 1,
    maxArgs: 4,
    // Spark's ListAgg names its null default delimiter: listagg(s, NULL).
    pretty: ([value, delimiter, key, descending], distinct) =>
      `${name}(${distinct ? 'DISTINCT ' : ''}${value}, ${delimiter ?? 'NULL'})${key === undefined ? '' : ` WITHIN GROUP (ORDER BY ${key}${descending === 'true' ? ' DESC' : ''})`}`,
    coerceArgs: (t) => [Types.string, Types.string, undefined, Types.boolean].slice(0, t.length),
    returnType: () => Types.string,
    nullableResult: true,
    slots: 3,
    init: () => ['[]', 'null', 'false'],
    update: ([items, delimiter, descending], [value, d, key, desc]) =>
      `if (${value} !== null) ${items}.push(${key === undefined ? value : `[${value}, ${key}]`}); if (${d ?? 'null'} !== null) ${delimiter} = ${d}; ${desc === undefined ? '' : `${descending} = ${desc} === true;`}`,
    merge: ([items, delimiter, descending], [otherItems, otherDelimiter, otherDescending]) =>
      `for (const v of ${otherItems}) ${items}.push(v); if (${delimiter} === null) ${delimiter} = ${otherDelimiter}; ${descending} = ${descending} || ${otherDescending};`,
    finish: ([items, delimiter, descending], argTypes) => {
      const values = argTypes.length > 2 ? `${items}.slice().sort((p, q) => sqlCompare(p[1], q[1]) * (${descending} ? -1 : 1)).map((p) => p[0])` : items;
      return `(${items}.length === 0 ? null : ${values}.join(${delimiter} ?? ''))`;
    },
    helpers: { sqlCompare: SQL_COMPARE },
  });
}
