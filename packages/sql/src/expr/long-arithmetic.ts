/**
 * Exact bigint (LongType) arithmetic for generated code. Longs are numbers while safe and JS
 * bigints past 2^53 (types/long-value.ts); an operation whose operands are not both numbers, or
 * whose double result is not a safe integer, is redone in BigInt and its exact result checked
 * against the 64-bit range: ARITHMETIC_OVERFLOW under ANSI, null for try_ functions, Java's
 * two's-complement wrap-around with ANSI off.
 */
import type { EvalMode } from './expression.js';
import { ARITHMETIC_HELPERS, arithmeticOverflowMessage } from './ansi-arithmetic.js';
import { LONG_HELPERS, LONG_MAX, LONG_MIN, longOfDouble } from '../types/long-value.js';

/** What `sqlLongResult` does with an exact result past 64 bits: a message to throw, null, or wrap. */
export function longOverflowCode(evalMode: EvalMode | undefined, message: string): string {
  return evalMode === 'try' ? 'null' : evalMode === 'legacy' ? "'wrap'" : message;
}

/**
 * `a div b` of two longs (b non-zero): truncated toward zero, exact in doubles for safe operands;
 * Long.MinValue div -1 overflows (Spark's "Overflow in integral divide").
 */
export function longDivideCode(a: string, b: string, evalMode: EvalMode | undefined): string {
  const overflow = longOverflowCode(evalMode, JSON.stringify(arithmeticOverflowMessage('Overflow in integral divide', 'try_divide')));
  return `(typeof ${a} === 'number' && typeof ${b} === 'number' ? Math.trunc(${a} / ${b}) : sqlLongResult(BigInt(${a}) / BigInt(${b}), ${overflow}))`;
}

/** `a % b` of two longs (b non-zero): Java's remainder, with the dividend's sign. */
export const longRemainderCode = (a: string, b: string): string =>
  `(typeof ${a} === 'number' && typeof ${b} === 'number' ? ${a} % ${b} : sqlLong(BigInt(${a}) % BigInt(${b})))`;

export const LONG_ARITHMETIC_HELPERS: Readonly<Record<string, string>> = {
  ...ARITHMETIC_HELPERS,
  ...LONG_HELPERS,
  sqlLongResult: `const sqlLongResult = (v, overflow) => {
  if (v >= ${LONG_MIN}n && v <= ${LONG_MAX}n) return sqlLong(v);
  if (overflow === 'wrap') return sqlLong(BigInt.asIntN(64, v));
  return overflow === null ? null : sqlOverflow(overflow);
};`,
  sqlLongPmod: `const sqlLongPmod = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') { const r = a % b; return r < 0 ? (r + b) % b : r; }
  const r = BigInt(a) % BigInt(b);
  return sqlLong(r < 0n ? (r + BigInt(b)) % BigInt(b) : r);
};`,
  // a + b of two longs, exact: in doubles while the sum is a safe integer, else in BigInt (not range-checked).
  sqlLongAdd: `const sqlLongAdd = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') { const s = a + b; if (Number.isSafeInteger(s)) return s; }
  return sqlLong(BigInt(a) + BigInt(b));
};`,
  // Java's (long) of a double: NaN is 0, and past the range it saturates.
  sqlLongOfDouble: `const sqlLongOfDouble = ${longOfDouble.toString()};`,
};
