/**
 * Time windows (Spark's TimeWindow and WindowTime): `time_windows` is the generator
 * the analyzer puts under a plan that groups or selects `window(ts, ...)` (analyzer/time-windows.ts):
 * a row yields one `{start, end}` per window its time falls in, none for a null time.
 * `window_time(w)` is the last instant inside a window. Engine timestamps are milliseconds, so
 * the durations arrive as milliseconds and window_time is `end` less one millisecond (Spark,
 * with microseconds, takes one microsecond).
 */
import { StructField, StructType } from '../../types/index.js';
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { AnalysisException } from '../../analyzer/analysis-error.js';
import type { DataType } from '../../types/index.js';

/** struct<start:t,end:t>, the type of a time window over a column of type t (timestamp or timestamp_ntz). */
const windowType = (t: DataType = Types.timestamp) => new StructType([new StructField('start', t, true), new StructField('end', t, true)]);

/**
 * Spark's getWindow for i = 0 until ceil(window / slide): the last window start at or before the
 * time, then earlier ones, kept while they still contain the time (all of them when the window
 * is a whole number of slides).
 */
const TIME_WINDOWS = `function sqlTimeWindows(t, size, slide, start) {
  const remainder = (t - start) % slide;
  const lastStart = t - (remainder < 0 ? remainder + slide : remainder);
  const windows = [];
  for (let i = 0; i < Math.ceil(size / slide); i++) {
    const s = lastStart - i * slide;
    if (t >= s && t < s + size) windows.push([{ start: s, end: s + size }]);
  }
  return windows;
}`;

registerFunction({
  type: 'generator',
  name: 'time_windows',
  minArgs: 4,
  maxArgs: 4,
  outer: false,
  withPosition: false,
  returnType: ([t]) => windowType(t),
  columns: ([t]) => [{ name: 'window', dataType: windowType(t) }],
  genRows: ([t, size, slide, start]) => `(${t} === null ? [] : sqlTimeWindows(${t}, ${size}, ${slide}, ${start}))`,
  helpers: { sqlTimeWindows: TIME_WINDOWS },
});

function checkWindowStruct(t: DataType): void {
  const fields = t instanceof StructType ? t.fields : [];
  if (fields.length !== 2 || fields.some((f) => !['timestamp', 'timestamp_ntz'].includes(f.dataType.typeName()))) {
    throw new AnalysisException(
      'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
      `Cannot resolve "window_time" due to data type mismatch: the input should be a window column (struct<start:timestamp,end:timestamp>), got "${t.simpleString().toUpperCase()}". SQLSTATE: 42K09`,
    );
  }
}

scalar('window_time', {
  args: 1,
  returns: ([t]) => {
    checkWindowStruct(t!);
    return (t as StructType).fields[1]!.dataType;
  },
  nullableResult: true,
  gen: ([w]) => `(${w}.end === null ? null : ${w}.end - 1)`,
});
