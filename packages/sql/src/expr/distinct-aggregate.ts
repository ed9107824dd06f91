/**
 * f(DISTINCT x, ...) for an aggregate f without a distinct form of its own (sum has sum_distinct,
 * count count_distinct): the buffer keeps each distinct argument tuple once, merged across
 * partitions, and finish runs f over those tuples, as Spark aggregates the distinct rows. Made
 * and registered the first time a query asks for it, named f(DISTINCT x).
 */
import { lookupFunction, registerFunction, type AggregateFunction } from './registry.js';

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
    init: () => ['{}'],
    update: ([a], args) => `${a}[JSON.stringify([${args.join(', ')}])] = [${args.join(', ')}];`,
    merge: ([a], [b]) => `Object.assign(${a}, ${b});`,
    finish: ([a], argTypes) => {
      const tuple = argTypes.map((_, i) => `tuple[${i}]`);
      const init = def.init().map((v, i) => `let ${slots[i]} = ${v};`).join(' ');
      return `((tuples) => { ${init} for (const tuple of tuples) { ${def.update(slots, tuple, argTypes)} } return ${def.finish(slots, argTypes)}; })(Object.values(${a}))`;
    },
    helpers: def.helpers,
  };
  registerFunction(variant);
  return variant;
}
