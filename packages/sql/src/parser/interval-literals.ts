/**
 * INTERVAL literals as expressions: on their own, Spark's ANSI interval literal (AstBuilder's
 * visitInterval and, for a unit-less string, visitTypeConstructor); beside `x ±`, that literal
 * added or subtracted. A unit-less string is read as Spark's IntervalUtils.stringToInterval reads
 * it (`'1 day 2 hours'`, `'interval -1 year 1 month'`), its units then typing the literal like a
 * multi-unit one's: WEEK is days, MILLISECOND and MICROSECOND are seconds. Year-month and
 * day-time units together fail as Spark's parser fails them (_LEGACY_ERROR_TEMP_0029).
 */
import { binaryOf, type Expr as PlanExpr } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { DayTimeIntervalType, YearMonthIntervalType, type DataType } from '../types/index.js';
import { MICROS_PER_UNIT } from '../types/interval-types.js';
import type { IntervalLiteral, IntervalUnit } from './ast.js';
import { formatExpr } from './ast-text.js';
import { rangedInterval, scaledDecimal } from './interval-ranges.js';
import { invalidTypedLiteral } from './typed-literals.js';

const lit = (value: unknown, dataType: DataType = Types.string): PlanExpr => ({ kind: 'literal', value, dataType });
const unsupported = (what: string) => new Error(`[UNSUPPORTED_FEATURE] Flint SQL does not support ${what} yet.`);

/**
 * `x ± INTERVAL n unit ...`: x plus or minus each part as an ANSI interval literal (a year-month
 * interval in months, a day-time interval in microseconds); the analyzer picks the operation by
 * x's type, so a timestamp stays a timestamp (resolve-expression.ts, datetimeArithmetic).
 */
export function addInterval(value: PlanExpr, interval: IntervalLiteral, subtract: boolean): PlanExpr {
  // Units of one kind are one literal, as in Spark (d + INTERVAL '1-2' YEAR TO MONTH adds 14 months at once).
  const single = ansiInterval(interval);
  if (single !== undefined) return binaryOf(subtract ? '-' : '+', value, single);
  let result = value;
  for (const part of interval.parts) {
    const amount = Number(part.value.trim());
    const unit = part.unit === null || interval.to !== null ? undefined : INTERVAL_UNITS[part.unit];
    if (unit === undefined || !Number.isFinite(amount) || (unit.whole && !Number.isInteger(amount))) {
      throw unsupported(`${formatExpr(interval)} in datetime arithmetic (use whole years, months, weeks or days, or hours, minutes and seconds)`);
    }
    result = binaryOf(subtract ? '-' : '+', result, lit(amount * unit.scale, unit.type));
  }
  return result;
}

/**
 * An interval literal on its own (`INTERVAL '1' DAY`, `INTERVAL 2 HOURS 30 MINUTES`): one ANSI
 * interval spanning its units, as Spark types it (`interval hour to minute`, named
 * `INTERVAL '02:30' HOUR TO MINUTE`), or the range a `TO` form names (interval-ranges.ts).
 * Year-month and day-time units together and unit-less strings are not supported yet.
 */
export function intervalLiteral(interval: IntervalLiteral): PlanExpr {
  const literal = ansiInterval(interval);
  if (literal === undefined) throw unsupported(`${formatExpr(interval)} outside of date arithmetic (date + INTERVAL ... DAY|MONTH|YEAR)`);
  return literal;
}

/** The ANSI interval literal an INTERVAL of units of one kind is; undefined for other forms. */
function ansiInterval(interval: IntervalLiteral): PlanExpr | undefined {
  if (interval.to !== null) {
    const ranged = interval.parts[0]!.unit === null ? undefined : rangedInterval(interval.parts[0]!.value, interval.parts[0]!.unit, interval.to);
    return ranged && lit(ranged.value, ranged.type);
  }
  let total = 0;
  const types: DataType[] = [];
  for (const part of withUnits(interval.parts)) {
    const unit = part.unit === null ? undefined : INTERVAL_UNITS[part.unit];
    const { negative, digits } = signedDigits(part.value);
    const amount = digits === '' ? Number.NaN : Number(digits);
    if (unit === undefined || !Number.isFinite(amount) || (unit.whole && !Number.isInteger(amount))) return undefined;
    total += (negative ? -1 : 1) * scaledDecimal(digits, unit.scale);
    types.push(unit.type);
  }
  const yearMonth = types.filter((t) => t instanceof YearMonthIntervalType) as YearMonthIntervalType[];
  const dayTime = types.filter((t) => t instanceof DayTimeIntervalType) as DayTimeIntervalType[];
  if (yearMonth.length > 0 && dayTime.length > 0) return undefined;
  const fields = (yearMonth.length > 0 ? yearMonth : dayTime).map((t) => [t.startField, t.endField]).flat();
  const [start, end] = [Math.min(...fields), Math.max(...fields)];
  return lit(Math.round(total), yearMonth.length > 0 ? new YearMonthIntervalType(start, end) : new DayTimeIntervalType(start, end));
}

/** An interval value whose sign may come twice, outside and inside the quotes: -'-1' is 1. */
function signedDigits(text: string): { negative: boolean; digits: string } {
  const m = /^\s*([+-]*)\s*(.*)$/s.exec(text)!;
  return { negative: (m[1]!.match(/-/g)?.length ?? 0) % 2 === 1, digits: m[2]!.trim() };
}

const dayTime = (field: number) => new DayTimeIntervalType(field, field);
const INTERVAL_UNITS: Readonly<Record<string, { type: DataType; scale: number; whole: boolean }>> = {
  year: { type: new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.YEAR), scale: 12, whole: true },
  month: { type: new YearMonthIntervalType(YearMonthIntervalType.MONTH, YearMonthIntervalType.MONTH), scale: 1, whole: true },
  week: { type: dayTime(DayTimeIntervalType.DAY), scale: MICROS_PER_UNIT.week, whole: true },
  day: { type: dayTime(DayTimeIntervalType.DAY), scale: MICROS_PER_UNIT.day, whole: true },
  hour: { type: dayTime(DayTimeIntervalType.HOUR), scale: MICROS_PER_UNIT.hour, whole: true },
  minute: { type: dayTime(DayTimeIntervalType.MINUTE), scale: MICROS_PER_UNIT.minute, whole: true },
  second: { type: dayTime(DayTimeIntervalType.SECOND), scale: MICROS_PER_UNIT.second, whole: false },
  millisecond: { type: dayTime(DayTimeIntervalType.SECOND), scale: MICROS_PER_UNIT.millisecond, whole: true },
  microsecond: { type: dayTime(DayTimeIntervalType.SECOND), scale: MICROS_PER_UNIT.microsecond, whole: true },
};

const UNIT_WORDS: Readonly<Record<string, IntervalUnit>> = Object.fromEntries(
  (['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond'] as const).flatMap((unit) => [
    [unit, unit],
    [`${unit}s`, unit],
  ]),
);

type IntervalParts = IntervalLiteral['parts'];

/** A unit-less string's parts read into value/unit pairs; other parts as they are. */
const withUnits = (parts: IntervalParts): IntervalParts => (parts.length === 1 && parts[0]!.unit === null ? unitlessParts(parts[0]!.value) : parts);

/**
 * The parts of an INTERVAL literal without TO, checked as Spark's parser checks them: a
 * unit-less string must read as stringToInterval reads it (INVALID_TYPED_LITERAL) and year-month
 * and day-time units do not mix (Spark 4's _LEGACY_ERROR_TEMP_0029, made by `mixedUnits`).
 */
export function checkedUnits(parts: IntervalParts, mixedUnits: () => Error): IntervalParts {
  const units = withUnits(parts).map((p) => p.unit);
  const yearMonth = units.some((u) => u === 'year' || u === 'month');
  if (yearMonth && units.some((u) => u !== 'year' && u !== 'month')) {
    throw mixedUnits();
  }
  return parts;
}

/**
 * A unit-less interval string's value/unit pairs (IntervalUtils.stringToInterval): an optional
 * leading `interval`, then signed numbers each followed by a unit; only seconds take a fraction
 * (up to nanoseconds, kept to the microsecond). Anything else is Spark's INVALID_TYPED_LITERAL.
 */
function unitlessParts(text: string): { value: string; unit: IntervalUnit }[] {
  const invalid = () => invalidTypedLiteral('INTERVAL', text);
  let rest = text.trim().replace(/^interval(\s+|$)/i, '');
  if (rest === '') throw invalid();
  const parts: { value: string; unit: IntervalUnit }[] = [];
  while (rest !== '') {
    const m = /^([+-]?)(\d+)(?:\.(\d{0,9}))?\s*([a-z]+)(?:\s+|$)/i.exec(rest);
    const unit = m ? UNIT_WORDS[m[4]!.toLowerCase()] : undefined;
    if (!m || !unit || (m[3] !== undefined && unit !== 'second')) throw invalid();
    const fraction = (m[3] ?? '').slice(0, 6);
    parts.push({ value: `${m[1]}${m[2]}${fraction ? `.${fraction}` : ''}`, unit });
    rest = rest.slice(m[0].length);
  }
  return parts;
}

