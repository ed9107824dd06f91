/** Time windows for grouping by event time: window (tumbling and sliding), session_window and window_time. */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, type ColumnOrName } from './call.js';

/**
 * window(timeColumn, windowDuration, slideDuration?, startTime?): the `window` struct
 * (start inclusive, end exclusive) of each window the time falls in; tumbling without a slide.
 */
export function window(timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string, startTime?: string): Column {
  for (const [name, value] of [['windowDuration', windowDuration], ['slideDuration', slideDuration ?? 'x'], ['startTime', startTime ?? 'x']] as const) {
    if (typeof value !== 'string' || value === '') throw new TypeError(`[NOT_STR] Argument \`${name}\` should be a str, got ${typeof value}.`);
  }
  const durations = slideDuration !== undefined ? [windowDuration, slideDuration, ...(startTime !== undefined ? [startTime] : [])] : startTime !== undefined ? [windowDuration, windowDuration, startTime] : [windowDuration];
  return new Column(callOf('window', [columnExpr(timeColumn), ...durations.map((d) => literalExpr(d))]));
}

/** window_time(windowColumn): the last instant inside the window (its end less the smallest time step). */
export const window_time = (windowColumn: ColumnOrName): Column => fn('window_time', windowColumn);

/**
 * session_window(timeColumn, gapDuration): a row's session is [time, time + gap); grouped by, the
 * sessions of a group that overlap merge. `gapDuration` is an interval string ('5 minutes').
 */
export const session_window = (timeColumn: ColumnOrName, gapDuration: Column | string): Column =>
  new Column(callOf('session_window', [columnExpr(timeColumn), typeof gapDuration === 'string' ? literalExpr(gapDuration) : gapDuration.expr]));
