/**
 * Interval strings as window durations take them (Spark's IntervalUtils.fromIntervalString):
 * `[interval] <number> <unit> ...` with units week, day, hour, minute, second, millisecond and
 * microsecond (singular or plural); a month or a year is refused, as TimeWindow refuses it.
 */
import { MICROS_PER_UNIT } from '../types/interval-types.js';
import { AnalysisException } from './analysis-error.js';

const MICROS: Record<string, number> = MICROS_PER_UNIT;

/** The duration in microseconds. */
export function durationMicros(text: string): number {
  const invalid = (subClass: string, detail: string) =>
    new AnalysisException(
      `INVALID_INTERVAL_FORMAT.${subClass}`,
      `Error parsing '${text}' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. ${detail} SQLSTATE: 22006`,
    );
  const words = text.trim().toLowerCase().replace(/^interval\s+/, '').split(/\s+/);
  if (words.length < 2 || words.length % 2 !== 0) throw invalid('INVALID_VALUE', `Invalid value ${words.at(-1)}.`);
  let micros = 0;
  for (let i = 0; i < words.length; i += 2) {
    const value = Number(words[i]);
    const unit = words[i + 1]!.replace(/s$/, '');
    if (unit === 'month' || unit === 'year') {
      throw new AnalysisException('_LEGACY_ERROR_TEMP_3231', `Intervals greater than a month is not supported (${text}).`);
    }
    if (!Number.isFinite(value)) throw invalid('INVALID_VALUE', `Invalid value ${words[i]}.`);
    if (MICROS[unit] === undefined) throw invalid('INVALID_UNIT', `Invalid unit ${words[i + 1]}.`);
    micros += Math.round(value * MICROS[unit]);
  }
  return micros;
}
