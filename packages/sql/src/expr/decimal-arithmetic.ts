/**
 * Decimal results as generated code. A decimal value is a JavaScript double; after each decimal
 * operation the result is rounded HALF_UP to the result type's scale and checked against its
 * precision, as Spark's Decimal.changePrecision does, so that a collected value is the double
 * nearest the exact decimal (1.10 * 3 is 3.3, not 3.3000000000000003). Too many integer digits
 * fail under ANSI with Spark's NUMERIC_VALUE_OUT_OF_RANGE, and are null under legacy and try
 * modes. Exact while the digits fit a double (about 15 significant digits); see the README.
 */
import type { DecimalType } from '../types/index.js';
import { decimalOutOfRangeMessage } from '../types/cast-errors.js';
import { plainNumberString } from '../format/decimal-text.js';
import type { EvalMode } from './expression.js';

/**
 * The helpers' sources. sqlDecimalRound: HALF_UP at the scale whose power of ten is `f`; a double
 * within a few units in the last place of a half counts as the half it stands for (1.005 * 100 is
 * 100.49999999999999 in doubles). The integer is then divided by `f`, which gives the double
 * nearest the decimal. Past 14 digits (value and scale together) a double cannot tell the digits
 * at the scale apart, and the result is rounded to the 15 significant digits a double holds
 * (10.3 * 3.0 at scale 34 is 30.9). Spark's decimals have no negative zero.
 */
export const DECIMAL_HELPERS: Readonly<Record<string, string>> = {
  sqlDecimalRound: `const sqlDecimalRound = (v, f) => { const y = (v < 0 ? -v : v) * f; if (!(y < 1e14)) return Number(v.toPrecision(15)) + 0; let r = Math.floor(y); if (y - r >= 0.5 - y * 5e-16) r += 1; r /= f; return v < 0 && r !== 0 ? -r : r; };`,
  // A value in plain digits, as the cast's message has it (types/cast-numeric.ts).
  sqlDecimalText: `const sqlDecimalText = (v) => Number.isFinite(v) ? (${plainNumberString.toString()})(v) : String(v);`,
  // The cast's message, its value, precision and scale filled in by a template literal at run time.
  sqlDecimalOverflow: `const sqlDecimalOverflow = (v, p, s, context = '') => { throw new Error(\`${decimalOutOfRangeMessage('${sqlDecimalText(v)}', '${p}', '${s}')}\` + context); };`,
  // a % b and pmod(a, b) on the integer counts of the units of the scale whose power of ten is `f`.
  sqlDecimalUnitsRemainder: `const sqlDecimalUnitsRemainder = (a, b, f) => Math.round(a * f) % Math.round(b * f);`,
  sqlDecimalRemainder: `const sqlDecimalRemainder = (a, b, f) => sqlDecimalUnitsRemainder(a, b, f) / f;`,
  sqlDecimalPmod: `const sqlDecimalPmod = (a, b, f) => { const r = sqlDecimalUnitsRemainder(a, b, f); const y = Math.round(b * f); return (r < 0 ? (r + y) % y : r) / f; };`,
  // The value and the power of ten of its scale (0: no rounding); an overflow names the value before rounding, as Spark's changePrecision does.
  sqlDecimalAnsi: `const sqlDecimalAnsi = (v, f, bound, p, s, context) => { const r = f === 0 ? v : sqlDecimalRound(v, f); return r > -bound && r < bound ? r : sqlDecimalOverflow(v, p, s, context); };`,
  sqlDecimalOrNull: `const sqlDecimalOrNull = (v, f, bound) => { const r = f === 0 ? v : sqlDecimalRound(v, f); return r > -bound && r < bound ? r : null; };`,
};

/**
 * `v` (code for a double holding an exact or nearly exact decimal result) as a value of `type`:
 * rounded to its scale unless `exact` (an integral result needs none), and range-checked.
 */
export function decimalResultCode(v: string, type: DecimalType, exact: boolean, evalMode: EvalMode | undefined, context?: string): string {
  const f = exact ? 0 : 10 ** type.scale;
  const bound = `1e${type.precision - type.scale}`;
  const contextArg = context === undefined ? '' : `, ${context}`;
  return evalMode === undefined ? `sqlDecimalAnsi(${v}, ${f}, ${bound}, ${type.precision}, ${type.scale}${contextArg})` : `sqlDecimalOrNull(${v}, ${f}, ${bound})`;
}

/**
 * A decimal of scale `scale` as the integer count of its last digit's units (1.25 at scale 2 is
 * 125): sums of these are exact while below 2^53, where sums of the doubles drift.
 */
export const decimalUnitsCode = (x: string, scale: number): string => (scale === 0 ? x : `Math.round(${x} * ${10 ** scale})`);
