/**
 * nth_value(x, offset, ignoreNulls = false): the value of the offset-th row (1-based) of the
 * window frame, null while the frame has fewer rows; with ignoreNulls, the offset-th non-null
 * value. Window-only (Spark's NthValue); physical/window.ts folds the frame's rows, in order,
 * through `NTH_VALUE_IN_FRAME` as it does an aggregate's.
 */
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { registerFunction, type AggregateFunction } from '../registry.js';

registerFunction({
  type: 'window',
  name: 'nth_value',
  minArgs: 2,
  maxArgs: 3,
  requiresOrder: false,
  nullableResult: true,
  returnType: ([t], [, offset]) => {
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset <= 0) {
      throw new AnalysisException(
        'DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE',
        `Cannot resolve "nth_value" due to data type mismatch: The \`offset\` must be between (0, 9223372036854775807] (current value = ${String(offset)}L). SQLSTATE: 42K09`,
      );
    }
    return t!;
  },
  pretty: ([x, offset, ignoreNulls]) => `nth_value(${x}, ${offset})${ignoreNulls === 'true' ? ' ignore nulls' : ''}`,
});

/** Slots: the rows counted so far, the value of the offset-th. */
export const NTH_VALUE_IN_FRAME: AggregateFunction = {
  type: 'aggregate',
  name: 'nth_value',
  minArgs: 2,
  maxArgs: 3,
  slots: 2,
  returnType: ([t]) => t!,
  init: () => ['0', 'null'],
  update: ([count, value], [x, offset, ignoreNulls]) =>
    `if (!(${ignoreNulls ?? 'false'} && ${x} === null) && ++${count} === ${offset}) ${value} = ${x};`,
  merge: () => {
    throw new Error('nth_value is evaluated over a window frame only');
  },
  finish: ([, value]) => value!,
};
