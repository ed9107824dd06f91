/**
 * CAST and TRY_CAST as generated code, with Spark 4's ANSI semantics (spark.sql.ansi.enabled's
 * default): the casts of types/cast.ts, over engine values (dates are day numbers, timestamps
 * epoch milliseconds).
 */
import { DecimalType, canCast, decimalForIntegral, type DataType } from '../../types/index.js';
import { cannotCast } from '../../types/cast-errors.js';
import { DECIMAL_HELPERS, decimalResultCode } from '../../expr/decimal-arithmetic.js';
import type { CodegenContext } from './codegen-context.js';
import { CAST_RUNTIME_SYMBOL, type CastMode } from './cast-runtime.js';
import { QUERY_CONTEXT_HELPERS } from '../../expr/query-context.js';
import { defaultTimeZone } from '../../format/index.js';

/** Integral types by width: a cast to a wider one (or to a floating type) cannot fail. */
const INTEGRAL_RANK: Record<string, number> = { byte: 1, short: 2, integer: 3, long: 4 };

/**
 * `CAST(code AS to)` (mode `try`: `TRY_CAST`). Casts that cannot fail are inline JavaScript
 * (integral widening, numbers to floating types, integers and booleans to text); every other one
 * calls types/cast.ts through cast-runtime.ts, so generated code casts exactly as the rest of
 * Flint does: ANSI errors, or null for try_cast.
 */
export function genCast(code: string, from: DataType, to: DataType, ctx: CodegenContext, mode: CastMode = 'ansi', timeZone?: string): string {
  const f = from.typeName();
  const t = to.typeName();
  // A void value is null, but its code still runs: CAST(raise_error(...) AS INT) must raise.
  if (f === 'void') return code;
  if (from.equals(to)) return code;
  const v = ctx.scratch();
  const guarded = (conversion: string) => `((${v} = ${code}) === null ? null : ${conversion})`;
  if (f in INTEGRAL_RANK && t in INTEGRAL_RANK && INTEGRAL_RANK[f] <= INTEGRAL_RANK[t]) return code;
  // A long past 2^53 is a JS bigint (types/long-value.ts); floating types and decimals are numbers.
  if (f === 'long' && (t === 'double' || t === 'float' || to instanceof DecimalType)) {
    const l = ctx.scratch();
    code = `((${l} = ${code}) === null || typeof ${l} === 'number' ? ${l} : Number(${l}))`;
  }
  if ((f in INTEGRAL_RANK || f === 'float' || f === 'decimal') && t === 'double') return code;
  if (holdsEveryValue(from, to)) return code;
  // A decimal or an integer into a narrower decimal: rounded HALF_UP and range-checked inline, as types/cast.ts's toDecimal does.
  if (to instanceof DecimalType && (from instanceof DecimalType || f in INTEGRAL_RANK)) {
    ctx.addHelpers(DECIMAL_HELPERS);
    const exact = !(from instanceof DecimalType) || from.scale <= to.scale;
    return guarded(decimalResultCode(v, to, exact, mode === 'ansi' ? undefined : mode, mode === 'ansi' ? ctx.errorContext() : undefined));
  }
  if (f in INTEGRAL_RANK && t === 'float') return guarded(`Math.fround(${v})`);
  if (t === 'string' && (f in INTEGRAL_RANK || f === 'boolean')) return guarded(`String(${v})`);
  // An impossible cast (a date to an int under ANSI) fails here, while planning, as Spark's analyzer does.
  if (!canCast(from, to, mode !== 'legacy')) throw cannotCast(from, to);
  const zoned = castUsesTimeZone(from, to);
  const zone = zoned ? (timeZone ?? defaultTimeZone()) : 'UTC';
  const name = `sqlCast_${mode}_${typeKey(from)}_${typeKey(to)}${zoned ? `_${zone.replace(/[^A-Za-z0-9]/g, '_')}` : ''}`;
  const args = [JSON.stringify(from.json()), JSON.stringify(to.json()), `'${mode}'`, JSON.stringify(zone)].join(', ');
  ctx.addHelper(name, `const ${name} = globalThis[Symbol.for(${JSON.stringify(CAST_RUNTIME_SYMBOL)})](${args});`);
  const context = mode === 'ansi' ? ctx.errorContext() : undefined;
  if (context === undefined) return guarded(`${name}(${v})`);
  ctx.addHelpers(QUERY_CONTEXT_HELPERS);
  return guarded(`${ctx.constant(`sqlInContext(${name}, ${context})`)}(${v})`);
}

/**
 * Whether every value of `from` is a value of the decimal `to` unchanged: an integral type whose
 * digits fit (int into decimal(10,0) or wider), a decimal with no more integer digits and no
 * larger scale. Such a cast is no code at all (the analyzer adds them around decimal arithmetic).
 */
function holdsEveryValue(from: DataType, to: DataType): boolean {
  if (!(to instanceof DecimalType)) return false;
  const digits = decimalForIntegral(from);
  return digits !== undefined && digits.precision - digits.scale <= to.precision - to.scale && digits.scale <= to.scale;
}

/**
 * Whether a cast reads the session time zone: between a timestamp or text and a date or
 * timestamp. Any other cast computes in UTC, and its zone is never looked up (Intl's first use
 * in a process costs ~12 ms).
 */
export function castUsesTimeZone(from: DataType, to: DataType): boolean {
  const types = [from.typeName(), to.typeName()];
  return types.some((t) => t === 'timestamp' || t === 'string') && types.some((t) => t.startsWith('date') || t.startsWith('timestamp'));
}

/** A type's SQL name as identifier characters, for a helper's name. */
function typeKey(type: DataType): string {
  return type.simpleString().replace(/[^A-Za-z0-9]/g, '_');
}
