/**
 * f(DISTINCT x, ...) for an aggregate f without a distinct form of its own (sum has sum_distinct,
 * count count_distinct): the buffer keeps each distinct argument tuple once, merged across
 * partitions, and finish runs f over those tuples, as Spark aggregates the distinct rows. Made
 * and registered the first time a query asks for it, named f(DISTINCT x).
 */
import type { DataType } from '../types/index.js';
import { isNumeric } from './type-rules.js';
import { KEY_TEXT } from './key-text.js';
import { lookupFunction, registerFunction, type AggregateFunction } from './registry.js';

/** A Map keys these by value (NaN as NaN, -0.0 as 0.0, as Spark normalizes them); other values by their key text. */
const keyedByValue = (t: DataType) => isNumeric(t) || t.typeName() === 'string' || t.typeName() === 'boolean';

/** The expression a DISTINCT buffer keys a row's arguments by. */
export const distinctTupleKey = (args: string[], argTypes: DataType[]) =>
  args.length === 1 && keyedByValue(argTypes[0]!) ? args[0]! : `keyText([${args.join(', ')}])`;

export function distinctAggregate(def: AggregateFunction): AggregateFunction {
  const name = `${def.name}_distinct`;
  const existing = lookupFunction(name);
  if (existing?.type === 'aggregate') return existing;
  const slots = Array.from({ length: def.slots }, (_, i) => `distinctSlot${i}`);
  const variant: AggregateFunction = {
    type: 'aggregate',
    name,
    distinct: true,
    pretty: (args) => (def.pretty ? def.pretty(args, true) : `${def.prettyName ?? def.name}(DISTINCT ${args.join(', ')})`),
    minArgs: def.minArgs,
    maxArgs: def.maxArgs,
    returnType: def.returnType,
    coerceArgs: def.coerceArgs,
    nullableResult: def.nullableResult,
    slots: 1,
    // Each distinct tuple by its key (the first row's tuple kept).
    init: () => ['new Map()'],
    update: ([a], args, argTypes) => `{ const distinctKey = ${distinctTupleKey(args, argTypes)}; if (!${a}.has(distinctKey)) ${a}.set(distinctKey, [${args.join(', ')}]); }`,
    merge: ([a], [b]) => `for (const [key, tuple] of ${b}) if (!${a}.has(key)) ${a}.set(key, tuple);`,
    ansiAware: def.ansiAware,
    finish: ([a], argTypes, evalMode) => {
      const tuple = argTypes.map((_, i) => `tuple[${i}]`);
      const init = def.init().map((v, i) => `let ${slots[i]} = ${v};`).join(' ');
      return `((tuples) => { ${init} for (const tuple of tuples) { ${def.update(slots, tuple, argTypes)} } return ${def.finish(slots, argTypes, evalMode)}; })(${a}.values())`;
    },
    helpers: { ...def.helpers, keyText: KEY_TEXT },
  };
  registerFunction(variant);
  return variant;
}
