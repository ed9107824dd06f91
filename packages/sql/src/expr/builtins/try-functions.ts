/**
 * The try_ functions: an expression that gives null where its plain form would fail. try_add,
 * try_subtract, try_multiply (null on integer overflow), try_divide and try_mod (null for a zero
 * divisor) are the operators themselves, resolved by the analyzer (resolve-expression.ts) and
 * wrapped in `null_on_overflow`; try_sum, try_avg and try_element_at are their plain forms here.
 */
import { lookupFunction, registerFunction, type AggregateFunction, type FunctionDef, type ScalarFunction } from '../registry.js';
import { scalar } from './define.js';

const INT_RANGE = ['-2147483648', '2147483647'];
const LONG_RANGE = ['-9223372036854775808', '9223372036854775807'];
const rangeOf = (typeName: string) => (typeName === 'integer' ? INT_RANGE : typeName === 'long' ? LONG_RANGE : undefined);
/** Longs are doubles inside the engine: a result at or past 2^63 has overflowed. */
const inRange = (v: string, [lo, hi]: string[]) => `(${v} < ${lo} || ${v} ${hi === LONG_RANGE[1] ? '>=' : '>'} ${hi} ? null : ${v})`;

scalar('null_on_overflow', {
  args: 1,
  returns: ([t]) => t!,
  nullableResult: true,
  pretty: ([x]) => x!,
  gen: ([v], [t]) => {
    const range = rangeOf(t!.typeName());
    return range ? inRange(v!, range) : v!;
  },
});

function renamed<T extends AggregateFunction | ScalarFunction>(plain: string, name: string, finish?: (def: T) => Partial<T>): void {
  const def = lookupFunction(plain) as T;
  registerFunction({ ...def, name, prettyName: undefined, pretty: undefined, ...finish?.(def) } as FunctionDef);
}

renamed<AggregateFunction>('sum', 'try_sum', (sum) => ({
  finish: (acc, argTypes) => {
    const range = rangeOf(sum.returnType(argTypes, []).typeName());
    return range ? inRange(sum.finish(acc, argTypes), range) : sum.finish(acc, argTypes);
  },
}));
renamed('avg', 'try_avg');
renamed('element_at', 'try_element_at');
