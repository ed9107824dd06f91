/**
 * How the engine holds a LongType (`bigint`) value exactly: a JS number while it is a safe integer
 * (|v| <= 2^53 - 1), else a JS bigint primitive, and never a bigint for a safe value. One value
 * has one form, so `===`, Map keys and Set members compare longs by value, and the common case
 * stays a number (typed columns, plain double arithmetic).
 */

export type LongValue = number | bigint;

export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/**
 * An exact integer in the engine's form for a long: a number when safe, else the bigint. Its
 * source is also generated code's sqlLong (LONG_HELPERS), so it names no module binding.
 */
export function longValue(v: bigint): LongValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/**
 * Java's `(long) d`: NaN is 0, a fraction is truncated, past the range it saturates (0, never
 * -0). Its source is also generated code's sqlLongOfDouble (expr/long-arithmetic.ts).
 */
export function longOfDouble(d: number): LongValue {
  if (d !== d) return 0;
  if (d >= 9223372036854775807) return 9223372036854775807n;
  if (d <= -9223372036854775808) return -9223372036854775808n;
  const t = Math.trunc(d) + 0;
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

/**
 * A user's integer (a number or a bigint) as a long, or undefined when it is not one (a fraction,
 * past 64 bits). An integral number past 2^53 is exact as a double, so it is that bigint.
 */
export function toLongValue(value: number | bigint): LongValue | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? (value === 0 ? 0 : value) : Number.isInteger(value) ? toLongValue(BigInt(value)) : undefined;
  return value >= LONG_MIN && value <= LONG_MAX ? longValue(value) : undefined;
}

/** Generated code's helper: `sqlLong(b)` is the bigint b in the engine's form. */
export const LONG_HELPERS: Readonly<Record<string, string>> = {
  sqlLong: `const sqlLong = ${longValue.toString()};`,
};
