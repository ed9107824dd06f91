/**
 * Spark's IntervalUtils.stringToInterval, which its parser runs over a multi-unit INTERVAL
 * literal written out as text (`INTERVAL 1 day 2 hours` is ' 1 day 2 hours'): months and days
 * as ints and microseconds as a long, each step checked for overflow as Java's Math.*Exact do,
 * or Spark 4's INVALID_INTERVAL_FORMAT error for the first thing it cannot read (an empty value,
 * a fraction on a unit other than seconds, an unknown unit such as nanoseconds).
 */
import { MICROS_PER_UNIT } from '../types/interval-types.js';

/** stringToInterval's months and days (ints) and microseconds (a long); not types/calendar-interval.ts's value. */
export interface ParsedInterval {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
}

/** The microseconds of each unit, as bigints. */
const MICROS = {
  day: BigInt(MICROS_PER_UNIT.day),
  hour: BigInt(MICROS_PER_UNIT.hour),
  minute: BigInt(MICROS_PER_UNIT.minute),
  second: BigInt(MICROS_PER_UNIT.second),
  millisecond: BigInt(MICROS_PER_UNIT.millisecond),
};

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

class Overflow extends Error {}

/** Java's Math.addExact / multiplyExact / toIntExact over `long` or `int`. */
function exact(value: bigint, min = LONG_MIN, max = LONG_MAX): bigint {
  if (value < min || value > max) throw new Overflow();
  return value;
}
const exactInt = (value: bigint) => exact(value, INT_MIN, INT_MAX);

/** Units by their first letter, tried in Spark's order, with the microseconds or months one is worth. */
const UNITS: readonly { readonly word: string; readonly add: (t: Totals, value: bigint, fraction: bigint) => void }[] = [
  { word: 'year', add: (t, v) => (t.months = exactInt(t.months + exact(12n * v))) },
  { word: 'week', add: (t, v) => (t.days = exactInt(t.days + exact(7n * v))) },
  { word: 'day', add: (t, v) => (t.days = exactInt(t.days + exactInt(v))) },
  { word: 'hour', add: (t, v) => (t.micros = exact(t.micros + exact(v * MICROS.hour))) },
  { word: 'second', add: (t, v, f) => (t.micros = exact(exact(t.micros + exact(v * MICROS.second)) + f)) },
  { word: 'month', add: (t, v) => (t.months = exactInt(t.months + exactInt(v))) },
  { word: 'minute', add: (t, v) => (t.micros = exact(t.micros + exact(v * MICROS.minute))) },
  { word: 'millisecond', add: (t, v) => (t.micros = exact(t.micros + exact(v * MICROS.millisecond))) },
  { word: 'microsecond', add: (t, v) => (t.micros = exact(t.micros + v)) },
];

interface Totals {
  months: bigint;
  days: bigint;
  micros: bigint;
}

const isWhitespace = (c: string | undefined) => c !== undefined && /[\t\n\x0B\f\r \x1C-\x1F]/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Java's String.split("\\s+"): a leading empty string kept, trailing ones dropped. */
function words(text: string): string[] {
  if (text === '') return [''];
  const parts = text.split(/\s+/);
  while (parts.length > 0 && parts.at(-1) === '') parts.pop();
  return parts;
}

export function stringToInterval(input: string): ParsedInterval {
  const fail = (subClass: string, detail: string) =>
    new Error(
      `[INVALID_INTERVAL_FORMAT.${subClass}] Error parsing '${input}' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. ${detail} SQLSTATE: 22006`,
    );
  const s = input.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').toLowerCase();
  if (s === '') throw fail('INPUT_IS_EMPTY', 'Interval string cannot be empty.');
  let i = 0;
  const currentWord = () => {
    const all = words(s);
    return all[all.length - words(s.substring(i)).length] ?? '';
  };
  const totals: Totals = { months: 0n, days: 0n, micros: 0n };
  let state: 'sign' | 'trimBeforeSign' | 'trimBeforeValue' | 'value' | 'fraction' | 'trimBeforeUnit' | 'unitBegin' | 'unitSuffix' | 'unitEnd' = 'trimBeforeSign';
  let value = 0n;
  let negative = false;
  let fraction = 0;
  let fractionScale = -1;
  let pointPrefixed = false;
  if (s.startsWith('interval')) {
    if (s.length === 'interval'.length) throw fail('INPUT_IS_EMPTY', 'Interval string cannot be empty.');
    if (!isWhitespace(s['interval'.length])) throw fail('INVALID_PREFIX', `Invalid interval prefix ${currentWord()}.`);
    i = 'interval'.length + 1;
  }
  try {
    while (i < s.length) {
      const c = s[i]!;
      switch (state) {
        case 'trimBeforeSign':
        case 'trimBeforeValue':
        case 'trimBeforeUnit':
          if (isWhitespace(c)) i++;
          else state = state === 'trimBeforeSign' ? 'sign' : state === 'trimBeforeValue' ? 'value' : 'unitBegin';
          break;
        case 'sign':
          value = 0n;
          fraction = 0;
          fractionScale = -1;
          pointPrefixed = false;
          state = 'trimBeforeValue';
          negative = c === '-';
          if (c === '-' || c === '+') i++;
          else if (c === '.') {
            fractionScale = 100_000_000;
            pointPrefixed = true;
            i++;
            state = 'fraction';
          } else if (!isDigit(c)) throw fail('UNRECOGNIZED_NUMBER', `Unrecognized number ${currentWord()}.`);
          break;
        case 'value':
          if (isDigit(c)) value = exact(exact(10n * value) + BigInt(c));
          else if (isWhitespace(c)) state = 'trimBeforeUnit';
          else if (c === '.') {
            fractionScale = 100_000_000;
            state = 'fraction';
          } else throw fail('INVALID_VALUE', `Invalid value ${currentWord()}.`);
          i++;
          break;
        case 'fraction':
          if (isDigit(c) && fractionScale > 0) {
            fraction += Number(c) * fractionScale;
            fractionScale = Math.trunc(fractionScale / 10);
          } else if (isWhitespace(c) && (!pointPrefixed || fractionScale < 100_000_000)) {
            fraction = Math.trunc(fraction / 1000);
            state = 'trimBeforeUnit';
          } else if (isDigit(c)) {
            throw fail('INVALID_PRECISION', `Interval can only support nanosecond precision, ${currentWord()} is out of range.`);
          } else throw fail('INVALID_VALUE', `Invalid value ${currentWord()}.`);
          i++;
          break;
        case 'unitBegin': {
          if (c !== 's' && fractionScale >= 0) throw fail('INVALID_FRACTION', `${currentWord()} cannot have fractional part.`);
          const unit = UNITS.find((u) => u.word[0] === c && s.startsWith(u.word, i));
          if (unit === undefined) throw fail('INVALID_UNIT', `Invalid unit ${currentWord()}.`);
          unit.add(totals, negative ? -value : value, BigInt(negative ? -fraction : fraction));
          i += unit.word.length;
          state = 'unitSuffix';
          break;
        }
        case 'unitSuffix':
          if (c === 's') state = 'unitEnd';
          else if (isWhitespace(c)) state = 'trimBeforeSign';
          else throw fail('INVALID_UNIT', `Invalid unit ${currentWord()}.`);
          i++;
          break;
        case 'unitEnd':
          if (!isWhitespace(c)) throw fail('INVALID_UNIT', `Invalid unit ${currentWord()}.`);
          i++;
          state = 'trimBeforeSign';
          break;
      }
    }
  } catch (e) {
    if (e instanceof Overflow) throw fail('ARITHMETIC_EXCEPTION', `Uncaught arithmetic exception while parsing '${input}'.`);
    throw e;
  }
  if (state === 'trimBeforeValue') throw fail('MISSING_NUMBER', `Expect a number after ${currentWord()} but hit EOL.`);
  if (state === 'value' || state === 'fraction') throw fail('MISSING_UNIT', `Expect a unit name after ${currentWord()} but hit EOL.`);
  if (state !== 'unitSuffix' && state !== 'unitEnd' && state !== 'trimBeforeSign') throw fail('UNKNOWN_PARSING_ERROR', `Unknown error when parsing ${currentWord()}.`);
  return { months: Number(totals.months), days: Number(totals.days), micros: totals.micros };
}

/**
 * The microseconds of a day-time interval (IntervalUtils.getDuration, days of 24 hours), or the
 * `long overflow` of Java's Math.addExact that Spark's parser lets through.
 */
export function durationOf(interval: ParsedInterval): bigint {
  const micros = interval.micros + BigInt(interval.days) * MICROS.day;
  if (micros < LONG_MIN || micros > LONG_MAX) throw new Error('long overflow');
  return micros;
}
