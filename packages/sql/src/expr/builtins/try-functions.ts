/**
 * The try_ functions: an expression that gives null where its plain form would fail. try_add,
 * try_subtract, try_multiply (null on integer overflow), try_divide and try_mod (null for a zero
 * divisor) are the operators themselves in Spark's TRY mode, resolved by the analyzer
 * (resolve-expression.ts); try_sum, try_avg and try_element_at are their plain forms here, null
 * where a sum overflows (a decimal one past its precision too).
 */
import { lookupFunction, registerFunction, type AggregateFunction, type FunctionDef, type ScalarFunction } from '../registry.js';
import { avgFinish, sumFinish } from './aggregates.js';

function renamed<T extends AggregateFunction | ScalarFunction>(plain: string, name: string, finish?: (def: T) => Partial<T>): void {
  const def = lookupFunction(plain) as T;
  registerFunction({ ...def, name, prettyName: undefined, pretty: undefined, ...finish?.(def) } as FunctionDef);
}

// sumFinish range-checks a long total itself: null past 64 bits in TRY mode.
renamed<AggregateFunction>('sum', 'try_sum', () => ({ finish: (acc, argTypes) => sumFinish(acc, argTypes, 'try') }));
renamed<AggregateFunction>('avg', 'try_avg', () => ({ finish: (acc, argTypes) => avgFinish(acc, argTypes, 'try') }));
/** try_element_at: element_at in TRY mode, null for an index past the array (index 0 still fails, as in Spark). */
renamed<ScalarFunction>('element_at', 'try_element_at', (elementAt) => ({
  ansiAware: false,
  gen: (args, argTypes, timeZone, state) => elementAt.gen(args, argTypes, timeZone, state, 'try'),
}));
