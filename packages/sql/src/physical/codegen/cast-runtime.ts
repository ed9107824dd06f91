/**
 * The casts generated code calls: types/cast.ts (Spark 4's ANSI casts: malformed input is
 * CAST_INVALID_INPUT, overflow CAST_OVERFLOW; try_cast gives null instead) over engine values
 * (dates as day numbers, timestamps as epoch milliseconds). Generated code may name only
 * JavaScript globals, so the factory is installed on globalThis under a registered symbol; this
 * module is imported wherever generated code runs (the driver through @flint/sql, task threads
 * through @flint/sql/runtime).
 */
import { castFunction, dataTypeFromJson, tryCastFunction } from '../../types/index.js';
import { toExternal, toInternal } from '../../dataframe/row-conversion.js';

export const CAST_RUNTIME_SYMBOL = 'flint.sql.cast';

/** `legacy`: CAST with spark.sql.ansi.enabled=false (null for bad input, integral overflow wraps). */
export type CastMode = 'ansi' | 'try' | 'legacy';

/** The cast from `from` to `to` (types as JSON) in a session time zone, as a function of one non-null engine value. */
export function engineCast(fromJson: string, toJson: string, mode: CastMode, timeZone: string): (value: unknown) => unknown {
  const from = dataTypeFromJson(fromJson);
  const to = dataTypeFromJson(toJson);
  const cast = mode === 'try' ? tryCastFunction(from, to, { timeZone }) : castFunction(from, to, { timeZone, ansi: mode === 'ansi' });
  return (value) => toInternal(cast(toExternal(value, from)), to);
}

(globalThis as Record<symbol, unknown>)[Symbol.for(CAST_RUNTIME_SYMBOL)] = engineCast;
