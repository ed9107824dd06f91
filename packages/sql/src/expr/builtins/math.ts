/** Math functions. Spark names the unary math functions in upper case in column names (`SQRT(4)`). */
import { DecimalType, decimalArithmetic, type DataType } from '../../types/index.js';
import { ceilFloorDecimalType, roundedDecimalType } from '../../types/coercion.js';
import { DECIMAL_HELPERS, decimalResultCode, decimalUnitsCode } from '../decimal-arithmetic.js';
import { Types } from '../types-used.js';
import { isIntegral, isNull, isNumeric, widerNumeric, widestType } from '../type-rules.js';
import { all, scalar } from './define.js';
import { ARITHMETIC_HELPERS, negateCode, zeroDivisorCode } from '../ansi-arithmetic.js';
import { LONG_ARITHMETIC_HELPERS, longDivideCode } from '../long-arithmetic.js';
import { LONG_HELPERS, longValue } from '../../types/long-value.js';

const D = Types.double;
/** floor and ceil: an integral stays itself, a decimal is Spark's integer decimal, any other number a bigint. */
const ceilFloorType = ([t]: DataType[]) => (t instanceof DecimalType ? ceilFloorDecimalType(t) : isIntegral(t) ? t : Types.long);
/** round and bround: a decimal has Spark's rounded type at the scale (a literal; 0 when not given), any other number its own. */
const roundedType = ([t]: DataType[], [, scale]: unknown[]) => (t instanceof DecimalType ? roundedDecimalType(t, scale === undefined || scale === null ? 0 : Number(scale)) : sameAsArg([t]));
/** The power of ten that makes the decimal arguments integers (their largest scale); 1 without decimals. */
const decimalScale = (types: DataType[]) => Math.max(0, ...types.map((t) => (t instanceof DecimalType ? t.scale : 0)));
const decimalUnit = (types: DataType[]) => 10 ** decimalScale(types);
const isLong = (t: DataType | undefined) => t?.typeName() === 'long';
const sameAsArg = ([t]: DataType[]) => (isNumeric(t) ? t : D);
const numericArg = ([t]: DataType[]) => [isNumeric(t) ? undefined : D];

/** round's and bround's scale argument prepared: the power of ten it scales by. */
/** round's scale as the power of ten to round at: a double's factor, or for a long the divisor 10^-scale in BigInt (1 for a scale of 0 or more). */
const scaleFactor = (scale: string, [t]: DataType[]) => (isLong(t) ? `(${scale} >= 0 ? 1 : 10n ** BigInt(-(${scale})))` : `Math.pow(10, ${scale})`);
/**
 * x rounded at the scale whose power of ten is `f`, HALF_UP or HALF_EVEN. Spark's round is HALF_UP
 * on the decimal value; scaling by a power of ten first keeps 2.675 -> 2.68 right.
 */
const ROUND = `function sqlRound(x, f, halfEven) {
  if (!Number.isFinite(x)) return x;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  let r = Math.floor(scaled);
  const diff = scaled - r;
  if (diff > 0.5 || (diff === 0.5 && (!halfEven || r % 2 === 1))) r += 1;
  return Math.sign(x) * r / f + 0; // + 0: Spark rounds through a BigDecimal, which has no -0 (round(-0.4D) is 0.0)
}`;

/** A long rounded to a multiple of `p` (10^-scale, 1 for a scale of 0 or more) in BigInt, exact past 2^53; Java's long of the result. */
const ROUND_LONG = `function sqlRoundLong(x, p, halfEven) {
  if (p === 1) return x;
  x = BigInt(x);
  const r = x % p, q = x - r, twice = 2n * (r < 0n ? -r : r);
  const up = twice > p || (twice === p && (!halfEven || (q / p) % 2n !== 0n));
  return sqlLong(BigInt.asIntN(64, up ? q + (x < 0n ? -p : p) : q));
}`;
const ROUND_HELPERS = { sqlRound: ROUND, sqlRoundLong: ROUND_LONG, ...LONG_HELPERS };
/** x rounded at the prepared scale factor f (see scaleFactor; undefined: scale 0, where an integral x is itself). */
const roundCode = (x: string, f: string | undefined, t: DataType, halfEven: boolean) =>
  f === undefined && isIntegral(t) ? x : isLong(t) ? `sqlRoundLong(${x}, ${f}, ${halfEven})` : `sqlRound(${x}, ${f ?? '1'}, ${halfEven})`;

const unaryMath: [string, string, string?][] = [
  ['sqrt', 'Math.sqrt', 'SQRT'],
  ['exp', 'Math.exp', 'EXP'],
  ['ln', 'Math.log', 'ln'],
  ['log10', 'Math.log10', 'LOG10'],
  ['log2', 'Math.log2', 'LOG2'],
  ['cbrt', 'Math.cbrt', 'CBRT'],
  ['sin', 'Math.sin', 'SIN'],
  ['cos', 'Math.cos', 'COS'],
  ['tan', 'Math.tan', 'TAN'],
  ['asin', 'Math.asin', 'ASIN'],
  ['acos', 'Math.acos', 'ACOS'],
  ['atan', 'Math.atan', 'ATAN'],
  ['signum', 'Math.sign', 'SIGNUM'],
  ['sign', 'Math.sign', 'sign'],
  ['acosh', 'Math.acosh', 'ACOSH'],
  ['asinh', 'Math.asinh', 'ASINH'],
  ['atanh', 'Math.atanh', 'ATANH'],
  ['cosh', 'Math.cosh', 'COSH'],
  ['sinh', 'Math.sinh', 'SINH'],
  ['tanh', 'Math.tanh', 'TANH'],
  ['cot', '1 / Math.tan', 'COT'],
  ['csc', '1 / Math.sin', 'CSC'],
  ['sec', '1 / Math.cos', 'SEC'],
  ['expm1', 'Math.expm1', 'EXPM1'],
  ['log1p', 'Math.log1p', 'LOG1P'],
  ['degrees', '(180 / Math.PI) * ', 'DEGREES'],
  ['radians', '(Math.PI / 180) * ', 'RADIANS'],
  // Java's Math.rint: to the nearest integer, halves to the even one.
  ['rint', 'sqlRint', 'rint'],
];
const RINT = `function sqlRint(x) { const r = Math.round(x); return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r; }`;
for (const [name, fn, pretty] of unaryMath) {
  scalar(name, { args: 1, returns: D, coerce: all(D), gen: ([x]) => `${fn}(${x})`, prettyName: pretty, helpers: fn === 'sqlRint' ? { sqlRint: RINT } : undefined });
}
scalar('pi', { args: 0, returns: D, gen: () => 'Math.PI', prettyName: 'PI' });
scalar('e', { args: 0, returns: D, gen: () => 'Math.E', prettyName: 'E' });

/** abs and negative of the most negative int or bigint overflow (an error under ANSI, see ansi-arithmetic.ts). */
const overflowing = { ansiAware: true, helpers: ARITHMETIC_HELPERS } as const;
scalar('abs', { args: 1, returns: sameAsArg, coerce: numericArg, gen: ([x], [t], _, state, mode) => `(${x} < 0 ? ${negateCode(x!, t!, mode, state.errorContext())} : ${x})`, ...overflowing });
// Unary plus: the analyzer has already cast text to double and refused other non-numbers (resolve-expression.ts, signOperand).
scalar('positive', { args: 1, returns: ([t]) => t!, gen: ([x]) => x!, pretty: ([x]) => `(+ ${x})` });
scalar('negative', { args: 1, returns: sameAsArg, coerce: numericArg, gen: ([x], [t], _, state, mode) => negateCode(x!, t!, mode, state.errorContext()), ...overflowing });
/** floor and ceil: an integral is itself; a double's is a long, as Java's (long) of it (sqlLongOfDouble). */
const roundedToLong = (fn: string) => ([x]: string[], [t]: DataType[]) =>
  isIntegral(t) ? x! : isLong(ceilFloorType([t!])) ? `sqlLongOfDouble(${fn}(${x}))` : `${fn}(${x})`;
scalar('floor', { args: 1, returns: ceilFloorType, coerce: numericArg, gen: roundedToLong('Math.floor'), prettyName: 'FLOOR', helpers: LONG_ARITHMETIC_HELPERS });
scalar('ceil', { args: 1, returns: ceilFloorType, coerce: numericArg, gen: roundedToLong('Math.ceil'), prettyName: 'CEIL', aliases: ['ceiling'], helpers: LONG_ARITHMETIC_HELPERS });
scalar('pow', { args: 2, returns: D, coerce: all(D), gen: ([a, b]) => `Math.pow(${a}, ${b})`, prettyName: 'POWER', aliases: ['power'] });
scalar('log', {
  args: [1, 2],
  returns: D,
  coerce: all(D),
  gen: ([a, b]) => (b === undefined ? `Math.log(${a})` : `(Math.log(${b}) / Math.log(${a}))`),
  prettyName: 'LOG',
});
scalar('round', {
  args: [1, 2],
  returns: roundedType,
  coerce: (t) => [isNumeric(t[0]) ? undefined : D, Types.int].slice(0, t.length),
  pretty: ([x, s]) => `round(${x}, ${s ?? 0})`,
  prepared: { 1: scaleFactor },
  gen: ([x, f], [t]) => roundCode(x!, f, t!, false),
  helpers: ROUND_HELPERS,
});
scalar('bround', {
  args: [1, 2],
  returns: roundedType,
  coerce: (t) => [isNumeric(t[0]) ? undefined : D, Types.int].slice(0, t.length),
  pretty: ([x, s]) => `bround(${x}, ${s ?? 0})`,
  prepared: { 1: scaleFactor },
  gen: ([x, f], [t]) => roundCode(x!, f, t!, true),
  helpers: ROUND_HELPERS,
});
/**
 * greatest and least of numbers: the type that holds them all (a decimal and an int make a wider
 * decimal, as Spark's findWiderTypeWithoutStringPromotion), each argument cast to it; of other
 * types, the first argument's.
 */
const allNumbers = (types: DataType[]) => types.every((t) => isNumeric(t) || isNull(t));
const extremeType = (types: DataType[]) => (allNumbers(types) ? widestType(types) : types[0]!);
const extremeArgs = (types: DataType[]) => (allNumbers(types) ? types.map(() => widestType(types)) : []);
scalar('greatest', {
  args: [2, Infinity],
  returns: extremeType,
  coerce: extremeArgs,
  nullTolerant: true,
  nullableResult: true,
  // NaN is the greatest number, as in Spark's ordering.
  gen: (a) => `[${a.join(', ')}].reduce((m, v) => (v !== null && (m === null || v > m || (v !== v && m === m)) ? v : m), null)`,
});
scalar('least', {
  args: [2, Infinity],
  returns: extremeType,
  coerce: extremeArgs,
  nullTolerant: true,
  nullableResult: true,
  gen: (a) => `[${a.join(', ')}].reduce((m, v) => (v !== null && (m === null || v < m || (m !== m && v === v)) ? v : m), null)`,
});

/** Bitwise operators on integral columns (Column.bitwiseOR/AND/XOR, F.bitwise_not); longs go through BigInt. */
const integralPair = ([a, b]: DataType[]) => {
  const t = isIntegral(a) && isIntegral(b) ? widerNumeric(a, b) : Types.long;
  return [t, t];
};
for (const [name, op] of [['bitwise_or', '|'], ['bitwise_and', '&'], ['bitwise_xor', '^']] as const) {
  scalar(name, {
    args: 2,
    returns: (types) => integralPair(types)[0],
    coerce: integralPair,
    gen: ([a, b], types) => (isLong(integralPair(types)[0]) ? `sqlLong(BigInt(${a}) ${op} BigInt(${b}))` : `(${a} ${op} ${b})`),
    pretty: ([a, b]) => `(${a} ${op} ${b})`,
    helpers: LONG_HELPERS,
  });
}
scalar('bitwise_not', {
  args: 1,
  returns: ([t]) => (isIntegral(t) ? t : Types.long),
  coerce: ([t]) => [isIntegral(t) ? undefined : Types.long],
  gen: ([a], [t]) => (isLong(t) ? `sqlLong(~BigInt(${a}))` : `(~${a})`),
  pretty: ([a]) => `~${a}`,
  helpers: LONG_HELPERS,
});
scalar('atan2', { args: 2, returns: D, coerce: all(D), gen: ([y, x]) => `Math.atan2(${y}, ${x})`, prettyName: 'ATAN2' });
scalar('hypot', { args: 2, returns: D, coerce: all(D), gen: ([a, b]) => `Math.hypot(${a}, ${b})`, prettyName: 'HYPOT' });

/**
 * pmod's operands: two decimals stay as they are, two numbers become the wider one, anything else
 * doubles. A decimal beside another number or NULL has been made two decimals or two doubles
 * already (the analyzer's DecimalPrecision rule, analyzer/decimal-coercion.ts).
 */
const pmodOperands = ([a, b]: DataType[]): DataType[] => {
  if (a instanceof DecimalType && b instanceof DecimalType) return [a, b];
  const t = isNumeric(a) && isNumeric(b) ? widerNumeric(a, b) : D;
  return [t, t];
};
const pmodType = (types: DataType[]): DataType => {
  const [a, b] = pmodOperands(types);
  return a instanceof DecimalType && b instanceof DecimalType ? decimalArithmetic('%', a, b) : a!;
};
/** pmod: the remainder made non-negative by adding the divisor once (Spark's Pmod); a zero divisor fails under ANSI, else gives null. Decimals as `%` takes them (expr/decimal-arithmetic.ts). */
scalar('pmod', {
  args: 2,
  returns: pmodType,
  coerce: pmodOperands,
  nullableResult: true,
  gen: ([a, b], types, _, state, mode) => {
    const type = pmodType(types);
    const context = mode === undefined ? state.errorContext() : undefined;
    if (isLong(type)) return `(${zeroDivisorCode(b!, `sqlLongPmod(${a}, ${b})`, mode, context)})`;
    if (!(type instanceof DecimalType)) return `(${zeroDivisorCode(b!, `((r) => (r < 0 ? (r + ${b}) % ${b} : r))(${a} % ${b})`, mode, context)})`;
    const pmod = `sqlDecimalPmod(${a}, ${b}, ${decimalUnit(types)})`;
    return `(${zeroDivisorCode(b!, decimalResultCode(pmod, type, false, mode, context), mode, context)})`;
  },
  ...overflowing,
  helpers: { ...LONG_ARITHMETIC_HELPERS, ...DECIMAL_HELPERS },
});
/** `a div b` (Spark's IntegralDivide): the quotient truncated toward zero, a bigint; a zero divisor as for `/`. */
scalar('div', {
  args: 2,
  returns: Types.long,
  coerce: (types) => types.map((t) => (t.typeName() === 'decimal' ? undefined : Types.long)),
  nullableResult: true,
  // Decimals divide as integer counts of their smallest unit (0.3 div 0.1 is 3, where doubles give 2.9999999999999996).
  gen: ([a, b], types, _, state, mode) => {
    const scale = decimalScale(types);
    const context = mode === undefined ? state.errorContext() : undefined;
    if (scale === 0 && types.every(isLong)) return `(${zeroDivisorCode(b!, longDivideCode(a!, b!, mode), mode, context)})`;
    return `(${zeroDivisorCode(b!, `Math.trunc(${decimalUnitsCode(a!, scale)} / ${decimalUnitsCode(b!, scale)})`, mode, context)})`;
  },
  pretty: ([a, b]) => `(${a} div ${b})`,
  ansiAware: true,
  helpers: LONG_ARITHMETIC_HELPERS,
});
const shift = (name: string, gen: (a: string, n: string, long: boolean) => string) =>
  scalar(name, {
    args: 2,
    returns: ([t]) => (isLong(t) ? Types.long : Types.int),
    coerce: ([t]) => [isLong(t) ? undefined : Types.int, Types.int],
    gen: ([a, n], [t]) => gen(a, n, isLong(t)),
    helpers: LONG_HELPERS,
  });
shift('shiftleft', (a, n, long) => (long ? `sqlLong(BigInt.asIntN(64, BigInt(${a}) << BigInt(${n} & 63)))` : `(${a} << ${n})`));
shift('shiftright', (a, n, long) => (long ? `sqlLong(BigInt(${a}) >> BigInt(${n} & 63))` : `(${a} >> ${n})`));
shift('shiftrightunsigned', (a, n, long) => (long ? `sqlLong(BigInt.asIntN(64, BigInt.asUintN(64, BigInt(${a})) >> BigInt(${n} & 63)))` : `(${a} >>> ${n} | 0)`));
/** 0! to 20! (the last that fits a long) as the engine holds them, written into generated code as literals. */
const FACTORIALS = Array.from({ length: 21 }, (_, n) => {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  const long = longValue(f);
  return typeof long === 'bigint' ? `${long}n` : String(long);
});
scalar('factorial', {
  args: 1,
  returns: Types.long,
  coerce: () => [Types.int],
  nullableResult: true,
  gen: ([n]) => `(${n} < 0 || ${n} > 20 ? null : sqlFactorials[${n}])`,
  helpers: { sqlFactorials: `const sqlFactorials = [${FACTORIALS.join(', ')}];` },
});
