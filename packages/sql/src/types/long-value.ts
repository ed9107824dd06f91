/**
 * How the engine holds a LongType (`bigint`) value exactly: a JS number while it is a safe integer
 * (|v| <= 2^53 - 1), else a JS bigint primitive, and never a bigint for a safe value. One value
 * has one form, so `===`, Map keys and Set members compare longs by value, and the common case
 * stays a number (typed columns, plain double arithmetic).
 */

export type LongValue = number | bigint;

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** An exact integer in the engine's form for a long: a number when safe, else the bigint. */
export function longValue(v: bigint): LongValue {
  return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
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
  sqlLong: 'const sqlLong = (v) => (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);',
};
