/** conv (number bases, through an unsigned 64-bit integer as Spark's NumberConverter), width_bucket and typeof. */
import { Types } from '../types-used.js';
import { scalar } from './define.js';

/**
 * Spark's NumberConverter.convert: the digits read stop at the first one invalid in `from`; a
 * negative input or a negative `to` base (signed output) goes through two's complement; an
 * overflow of 64 bits is an error (ANSI mode).
 */
const CONV = `function sqlConv(s, from, to) {
  if (from < 2 || from > 36 || Math.abs(to) < 2 || Math.abs(to) > 36 || s.length === 0) return null;
  const negativeInput = s[0] === '-';
  const MASK = (1n << 64n) - 1n;
  const radix = BigInt(from);
  let v = 0n;
  for (let i = negativeInput ? 1 : 0; i < s.length; i++) {
    const digit = parseInt(s[i], 36);
    if (Number.isNaN(digit) || digit >= from) break;
    v = v * radix + BigInt(digit);
    if (v > MASK) throw new Error('[ARITHMETIC_OVERFLOW] Overflow in function conv(). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003');
  }
  let negative = negativeInput;
  if (negativeInput && to > 0) v = -v & MASK;
  if (to < 0 && v > MASK >> 1n) { v = -v & MASK; negative = true; }
  return (negative && to < 0 ? '-' : '') + v.toString(Math.abs(to)).toUpperCase();
}`;

scalar('conv', {
  args: 3,
  returns: Types.string,
  nullableResult: true,
  coerce: () => [Types.string, Types.int, Types.int],
  gen: ([s, from, to]) => `sqlConv(${s}, ${from}, ${to})`,
  helpers: { sqlConv: CONV },
});

/** Spark's WidthBucket.computeBucketNumber: bucket 0 below the range, num + 1 above it; min > max counts downwards. */
const WIDTH_BUCKET = `function sqlWidthBucket(v, min, max, n) {
  if (n <= 0 || Number.isNaN(v) || min === max || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const lower = Math.min(min, max), upper = Math.max(min, max);
  if (min < max) return v < lower ? 0 : v >= upper ? n + 1 : Math.trunc((n * (v - lower)) / (upper - lower)) + 1;
  return v > upper ? 0 : v <= lower ? n + 1 : Math.trunc((n * (upper - v)) / (upper - lower)) + 1;
}`;

scalar('width_bucket', {
  args: 4,
  returns: Types.long,
  nullableResult: true,
  coerce: () => [Types.double, Types.double, Types.double, Types.long],
  gen: ([v, min, max, n]) => `sqlWidthBucket(${v}, ${min}, ${max}, ${n})`,
  helpers: { sqlWidthBucket: WIDTH_BUCKET },
});

/** The argument's type as SQL writes it (`int`, `array<string>`, `void` for NULL). */
scalar('typeof', { args: 1, returns: Types.string, nullTolerant: true, gen: (_args, [t]) => JSON.stringify(t!.simpleString()) });
