/**
 * Literals with Spark's typing rules: an integer is an int when it fits, else a bigint, else a
 * decimal; `1.5` is a decimal; `1e3` a double; suffixes L S Y D F BD force bigint, smallint,
 * tinyint, double, float, decimal. Adjacent strings concatenate (`'a' 'b'` is 'ab'). INTERVAL
 * literals take Spark's forms: `INTERVAL '3' DAY`, `INTERVAL 3 DAYS 2 HOURS`,
 * `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '1 day 2 hours'`.
 */
import type { IntervalLiteral, IntervalUnit, Literal } from './ast.js';
import type { Cursor } from './cursor.js';
import { checkedUnits } from './interval-literals.js';
import { durationOf, stringToInterval } from './interval-string.js';

const INTEGER_RANGES = {
  tinyint: [-(2n ** 7n), 2n ** 7n - 1n],
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

const fits = (value: bigint, type: keyof typeof INTEGER_RANGES): boolean =>
  value >= INTEGER_RANGES[type][0] && value <= INTEGER_RANGES[type][1];

/** Reads the number token at the cursor; `negative` when a minus sign came just before it. */
export function parseNumberLiteral(c: Cursor, negative: boolean): Literal {
  const token = c.next();
  const text = (negative ? '-' : '') + token.value;
  switch (token.kind) {
    case 'integer': {
      const value = BigInt(text);
      if (fits(value, 'int')) return { kind: 'literal', type: 'int', value: Number(value) };
      if (fits(value, 'bigint')) return { kind: 'literal', type: 'bigint', value: value.toString() };
      return { kind: 'literal', type: 'decimal', value: text };
    }
    case 'decimal':
      return { kind: 'literal', type: 'decimal', value: text };
    case 'exponent':
      return { kind: 'literal', type: 'double', value: Number(text) };
    case 'typedNumber':
      switch (token.suffix) {
        case 'L':
        case 'S':
        case 'Y': {
          const type = token.suffix === 'L' ? 'bigint' : token.suffix === 'S' ? 'smallint' : 'tinyint';
          const value = BigInt(text);
          if (!fits(value, type)) {
            const [low, high] = INTEGER_RANGES[type];
            throw c.error(`numeric literal ${text} does not fit in range [${low}, ${high}] for type ${type}`, token);
          }
          return type === 'bigint' ? { kind: 'literal', type, value: value.toString() } : { kind: 'literal', type, value: Number(value) };
        }
        case 'D':
          return { kind: 'literal', type: 'double', value: Number(text) };
        case 'F':
          return { kind: 'literal', type: 'float', value: Math.fround(Number(text)) };
        default:
          return { kind: 'literal', type: 'decimal', value: plainDecimalText(text) };
      }
    default:
      throw c.error('expected a number', token);
  }
}

/**
 * `123.0E-28` (a BD literal with an exponent) in plain digits, as Java's BigDecimal reads it: the
 * scale is the fraction's digits minus the exponent (29 here, so decimal(29,29)), and a negative
 * scale becomes 0 (`1.5E3BD` is 1500, decimal(4,0)), as Spark without negative decimal scales.
 */
function plainDecimalText(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (m === null) return text;
  const [, sign, whole = '', fraction = '', exponent] = m;
  let digits = whole + fraction;
  let scale = fraction.length - Number(exponent);
  if (scale < 0) [digits, scale] = [digits + '0'.repeat(-scale), 0];
  digits = digits.padStart(scale + 1, '0');
  const integral = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
  return sign + integral + (scale > 0 ? `.${digits.slice(digits.length - scale)}` : '');
}

/** One or more adjacent string tokens, concatenated. */
export function parseStringLiteral(c: Cursor): string {
  let value = c.next().value;
  while (c.peek().kind === 'string') value += c.next().value;
  return value;
}

const INTERVAL_UNITS: Record<string, IntervalUnit> = {
  YEAR: 'year', YEARS: 'year', MONTH: 'month', MONTHS: 'month', WEEK: 'week', WEEKS: 'week',
  DAY: 'day', DAYS: 'day', HOUR: 'hour', HOURS: 'hour', MINUTE: 'minute', MINUTES: 'minute',
  SECOND: 'second', SECONDS: 'second', MILLISECOND: 'millisecond', MILLISECONDS: 'millisecond',
  MICROSECOND: 'microsecond', MICROSECONDS: 'microsecond',
};

/** Does an interval value (an optional sign, then a number or a string) start `ahead` tokens on? */
function intervalValueLength(c: Cursor, ahead: number): number {
  const signed = c.isOp('-', ahead) || c.isOp('+', ahead);
  const kind = c.peek(ahead + (signed ? 1 : 0)).kind;
  return kind === 'integer' || kind === 'decimal' || kind === 'string' ? (signed ? 2 : 1) : 0;
}

/** Is the word after INTERVAL the start of an interval literal (and not a column named interval)? */
export function startsIntervalLiteral(c: Cursor): boolean {
  return c.isWord('INTERVAL') && intervalValueLength(c, 1) > 0;
}

function unitAt(c: Cursor, ahead: number): IntervalUnit | undefined {
  const token = c.peek(ahead);
  return token.kind === 'word' ? INTERVAL_UNITS[token.upper] : undefined;
}

export function parseIntervalLiteral(c: Cursor): IntervalLiteral {
  const intervalToken = c.peek();
  const start = c.expectWord('INTERVAL').offset;
  // Spark's parser quotes the literal as written when it mixes year-month and day-time units.
  const mixedUnits = () => {
    const last = c.peek(-1);
    const source = c.sql.slice(start, last.offset + last.text.length);
    return c.legacyError('_LEGACY_ERROR_TEMP_0029', `Cannot mix year-month and day-time fields: ${source}.`, intervalToken);
  };
  const valuesToken = c.peek();
  const parts: { value: string; unit: IntervalUnit | null }[] = [];
  // Spark reads `1.5 hours ...` as the text ' 1.5 hours ...' (stringToInterval, its units as written), which its messages quote.
  let unitsText = '';
  const quotedValues: string[] = [];
  do {
    // A unit-less string is Spark's typed literal INTERVAL '1 day 2 hours': a string, no sign.
    const bareString = c.peek().kind === 'string';
    const minus = c.isOp('-');
    const quoted = c.peek(minus || c.isOp('+') ? 1 : 0).kind === 'string';
    const value = readIntervalValue(c);
    const unit = unitAt(c, 0);
    const nanoseconds = unit === undefined && isNanosecondAt(c, 0);
    if (!unit && !nanoseconds) {
      if (parts.length === 0 && bareString) return { kind: 'interval', parts: checkedUnits([{ value, unit: null }], mixedUnits), to: null };
      throw c.error('expected an interval unit (YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND)');
    }
    const unitText = c.next().text;
    if (quoted) quotedValues.push(minus ? value.slice(1) : value);
    unitsText += ` ${sparkIntervalValue(value, minus, quoted)} ${unitText}`;
    if (unit) parts.push({ value, unit });
    if (unit && parts.length === 1 && c.isWord('TO')) {
      c.next();
      const to = unitAt(c, 0);
      if (!to) throw c.error('expected an interval unit after TO');
      c.next();
      return { kind: 'interval', parts, to };
    }
  } while (intervalValueLength(c, 0) > 0 && (unitAt(c, intervalValueLength(c, 0)) !== undefined || isNanosecondAt(c, intervalValueLength(c, 0))));
  // SPARK-32840: a quoted value holding a unit ('1 day 2' hour) would read as units once concatenated.
  const wordy = quotedValues.find((v) => /\p{L}/u.test(v));
  if (wordy !== undefined) {
    throw c.legacyError('_LEGACY_ERROR_TEMP_0026', `Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: ${wordy}.`, valuesToken);
  }
  const interval = stringToInterval(unitsText);
  const checked = checkedUnits(parts, mixedUnits);
  // A day-time literal is its microseconds, which must fit a long (IntervalUtils.getDuration).
  if (!parts.some((p) => p.unit === 'year' || p.unit === 'month')) durationOf(interval);
  return { kind: 'interval', parts: checked, to: null };
}

/** NANOSECOND(S) is a unit of Spark's grammar that its stringToInterval then refuses (INVALID_UNIT). */
function isNanosecondAt(c: Cursor, ahead: number): boolean {
  const token = c.peek(ahead);
  return token.kind === 'word' && /^NANOSECONDS?$/.test(token.upper);
}

/** A value as Spark's parser writes it into the text: a minus before a quoted value flips its own sign. */
function sparkIntervalValue(value: string, minus: boolean, quoted: boolean): string {
  if (!quoted || !minus) return value;
  const text = value.slice(1);
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}

function readIntervalValue(c: Cursor): string {
  const sign = c.isOp('-') ? '-' : '';
  if (c.isOp('-') || c.isOp('+')) c.next();
  const token = c.peek();
  if (token.kind === 'string') return sign + parseStringLiteral(c);
  if (token.kind === 'integer' || token.kind === 'decimal') return sign + c.next().value;
  throw c.error('expected an interval value (a number or a string)');
}
