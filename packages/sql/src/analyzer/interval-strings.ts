/**
 * Interval strings as window durations take them (Spark's TimeWindow.getIntervalInMicroSeconds):
 * IntervalUtils.stringToInterval, a month or a year refused, then the days and microseconds as
 * one duration (IntervalUtils.getDuration).
 */
import { durationOf, stringToInterval } from '../parser/interval-string.js';
import { AnalysisException } from './analysis-error.js';

/** The duration in microseconds; stringToInterval's INVALID_INTERVAL_FORMAT errors as AnalysisExceptions of that class. */
export function durationMicros(text: string): number {
  let interval;
  try {
    interval = stringToInterval(text);
  } catch (e) {
    const m = /^\[(INVALID_INTERVAL_FORMAT\.\w+)\] ([^]*)$/.exec((e as Error).message);
    throw m === null ? e : new AnalysisException(m[1]!, m[2]!);
  }
  if (interval.months !== 0) {
    throw new AnalysisException('_LEGACY_ERROR_TEMP_3231', `Intervals greater than a month is not supported (${text}).`);
  }
  return Number(durationOf(interval));
}
