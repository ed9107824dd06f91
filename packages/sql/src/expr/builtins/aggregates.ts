/**
 * Aggregate functions. Each keeps a small buffer per group; nulls are skipped, as in Spark, and an
 * aggregate over no non-null values is null (count is 0).
 */
import { DecimalType, avgResultType, sumResultType, type DataType } from '../../types/index.js';
import { DECIMAL_HELPERS, decimalResultCode, decimalUnitsCode } from '../decimal-arithmetic.js';
import type { EvalMode } from '../expression.js';
import { ARITHMETIC_HELPERS, arithmeticOverflowMessage } from '../ansi-arithmetic.js';
import { LONG_ARITHMETIC_HELPERS, longOverflowCode } from '../long-arithmetic.js';
import { LONG_HELPERS } from '../../types/long-value.js';
import { registerFunction, type AggregateFunction, type TypedAccumulator } from '../registry.js';
import { Types } from '../types-used.js';
import { isIntegral, isNumeric } from '../type-rules.js';
import { KEY_TEXT } from '../key-text.js';
import { distinctTupleKey } from '../distinct-aggregate.js';
import { isComplexType, SQL_COMPARE } from '../../physical/codegen/complex-equality.js';

const one = { minArgs: 1, maxArgs: 1 };

/**
 * A distinct-value key where values of any type share one table: strings and numbers must not
 * collide (`'1'` vs `1`), nor NaN, Infinity and -Infinity (key text keeps them apart). With KEY_TEXT.
 */
export const DISTINCT_KEY = `function distinctKey(v) { return typeof v === 'string' ? 's' + v : keyText(v); }`;
const distinctKeyHelpers = { distinctKey: DISTINCT_KEY, keyText: KEY_TEXT };

const sumType = (t: DataType): DataType => (t instanceof DecimalType ? sumResultType(t) : isIntegral(t) ? Types.long : Types.double);

/**
 * sum and avg of a decimal(p, s) (Spark's types: decimal(p + 10, s) and decimal(p + 4, s + 4)) add
 * the values as integer counts of 10^-s (exact below 2^53, see expr/decimal-arithmetic.ts); the
 * result is the count scaled back, rounded HALF_UP to the result's scale and range-checked.
 */
const decimalOf = (t: DataType | undefined): DecimalType | undefined => (t instanceof DecimalType ? t : undefined);
const addTerm = (x: string, t: DataType | undefined): string => {
  const d = decimalOf(t);
  return d === undefined ? x : decimalUnitsCode(x, d.scale);
};
const SUM_OVERFLOW = arithmeticOverflowMessage('Overflow in sum of decimals', undefined);
const SUM_HELPERS = { ...DECIMAL_HELPERS, ...LONG_ARITHMETIC_HELPERS };
/**
 * `a + b` for a long sum (t: the argument's type): exact (sqlLongAdd), past 64 bits too; sumFinish
 * range-checks the total (so an overflow that a later row undoes is not an error, where Spark's
 * running sum would fail).
 */
const sumPlus = (a: string, b: string, t: DataType | undefined): string => (t !== undefined && isIntegral(t) ? `sqlLongAdd(${a}, ${b})` : `${a} + ${b}`);
/**
 * A decimal sum past its precision fails with Spark's ARITHMETIC_OVERFLOW "Overflow in sum of
 * decimals" (ANSI), an average with NUMERIC_VALUE_OUT_OF_RANGE; both are null under legacy
 * (spark.sql.ansi.enabled=false) and for try_sum and try_avg (`evalMode` legacy or try).
 */
export const sumFinish = ([a]: string[], [t]: DataType[], evalMode?: EvalMode): string => {
  const d = decimalOf(t);
  if (t !== undefined && isIntegral(t)) return `(typeof ${a} === 'bigint' ? sqlLongResult(${a}, ${longOverflowCode(evalMode, JSON.stringify(arithmeticOverflowMessage('long overflow', 'try_add')))}) : ${a})`;
  if (d === undefined) return a;
  const total = decimalResultCode(`${a} / ${10 ** d.scale}`, sumResultType(d) as DecimalType, false, 'try');
  return `(${a} === null ? null : ${evalMode === undefined ? `(${total} ?? sqlOverflow(${JSON.stringify(SUM_OVERFLOW)}))` : total})`;
};
export const avgFinish = ([s, n]: string[], [t]: DataType[], evalMode?: EvalMode): string => {
  const d = decimalOf(t);
  if (d === undefined) return `(${n} === 0 ? null : ${s} / ${n})`;
  return `(${n} === 0 ? null : ${decimalResultCode(`${s} / ${n} / ${10 ** d.scale}`, avgResultType(d) as DecimalType, false, evalMode)})`;
};

/** Numbers that a Float64Array holds exactly as the engine does (decimals excepted). */
const numbersOnly = ([t]: DataType[]) => t !== undefined && isNumeric(t) && t.typeName() !== 'decimal';
/** As numbersOnly, without longs: a long past 2^53 is a JS bigint (types/long-value.ts), which a Float64Array cannot hold. */
const doublesHold = (types: DataType[]) => numbersOnly(types) && types[0]!.typeName() !== 'long';
/** avg adds longs as doubles, as Spark's Average casts an integral input to double. */
const avgTerm = (x: string, t: DataType | undefined): string => (t?.typeName() === 'long' ? `(typeof ${x} === 'number' ? ${x} : Number(${x}))` : addTerm(x, t));

const countUpdate = ([a]: string[], args: string[]) => `if (${args.map((x) => `${x} !== null`).join(' && ')}) ${a}++;`;
const avgUpdate = ([s, n]: string[], [x]: string[], [t]: DataType[] = []) => `if (${x} !== null) { ${s} += ${avgTerm(x, t)}; ${n}++; }`;
/** The typed form's update, which is not told the argument's type (never a decimal there): as a long's, which also takes a safe number. */
const avgTypedUpdate = (acc: string[], args: string[]) => avgUpdate(acc, args, [Types.long]);
/** Typed slots that are sums (counts, avg's sum and count) merge by adding. */
const addSlots = (acc: string[], other: string[]) => acc.map((a, i) => `${a} += ${other[i]};`).join(' ');

/** A value and whether any row set it: the typed form of an aggregate whose buffer starts null. */
const typedOptional = (update: (v: string, x: string, n: string) => string, accepts = numbersOnly): TypedAccumulator => ({
  slots: 2,
  accepts,
  update: ([v, n], [x]) => `if (${x} !== null) { ${update(v, x, n)} ${n} = 1; }`,
  buffer: ([v, n]) => [`(${n} === 0 ? null : ${v})`],
  merge: ([v, n], [v2, n2]) => `if (${n2} !== 0) { ${update(v, v2, n)} ${n} = 1; }`,
});

const aggregates: AggregateFunction[] = [
  {
    type: 'aggregate',
    name: 'count',
    minArgs: 1,
    maxArgs: Infinity,
    returnType: () => Types.long,
    slots: 1,
    init: () => ['0'],
    update: countUpdate,
    merge: ([a], [b]) => `${a} += ${b};`,
    finish: ([a]) => a,
    typed: { slots: 1, accepts: () => true, update: countUpdate, buffer: ([a]) => [a], merge: addSlots },
  },
  {
    type: 'aggregate',
    name: 'count_distinct',
    distinct: true,
    pretty: (args) => `count(DISTINCT ${args.join(', ')})`,
    minArgs: 1,
    maxArgs: Infinity,
    returnType: () => Types.long,
    slots: 1,
    init: () => ['new Set()'],
    update: ([a], args, argTypes) => `if (${args.map((x) => `${x} !== null`).join(' && ')}) ${a}.add(${distinctTupleKey(args, argTypes)});`,
    merge: ([a], [b]) => `for (const k of ${b}) ${a}.add(k);`,
    finish: ([a]) => `${a}.size`,
    helpers: { keyText: KEY_TEXT },
  },
  {
    type: 'aggregate',
    name: 'sum',
    ...one,
    nullableResult: true,
    coerceArgs: ([t]) => [isNumeric(t) ? undefined : Types.double],
    returnType: ([t]) => sumType(t),
    slots: 1,
    init: () => ['null'],
    update: ([a], [x], [t]) => `if (${x} !== null) ${a} = ${a} === null ? ${addTerm(x, t)} : ${sumPlus(a, addTerm(x, t), t)};`,
    merge: ([a], [b], [t]) => `if (${b} !== null) ${a} = ${a} === null ? ${b} : ${sumPlus(a, b, t)};`,
    finish: sumFinish,
    ansiAware: true,
    helpers: SUM_HELPERS,
    // An int, short or byte argument sums in a Float64Array (exact while the total stays below 2^53); a long one exactly.
    typed: typedOptional((v, x) => `${v} += ${x};`, doublesHold),
  },
  {
    type: 'aggregate',
    name: 'avg',
    ...one,
    nullableResult: true,
    coerceArgs: ([t]) => [isNumeric(t) ? undefined : Types.double],
    returnType: ([t]) => (t instanceof DecimalType ? avgResultType(t) : Types.double),
    slots: 2,
    init: () => ['0', '0'],
    update: avgUpdate,
    merge: ([s, n], [s2, n2]) => `${s} += ${s2}; ${n} += ${n2};`,
    finish: avgFinish,
    ansiAware: true,
    helpers: DECIMAL_HELPERS,
    typed: { slots: 2, accepts: numbersOnly, update: avgTypedUpdate, buffer: ([s, n]) => [s, n], merge: addSlots },
  },
  extreme('min', '<'),
  extreme('max', '>'),
  firstOrLast('first', false),
  firstOrLast('last', true),
  {
    type: 'aggregate',
    name: 'collect_list',
    ...one,
    returnType: ([t]) => Types.array(t),
    slots: 1,
    init: () => ['[]'],
    update: ([a], [x]) => `if (${x} !== null) ${a}.push(${x});`,
    merge: ([a], [b]) => `for (const v of ${b}) ${a}.push(v);`,
    finish: ([a]) => a,
  },
  {
    type: 'aggregate',
    name: 'collect_set',
    ...one,
    returnType: ([t]) => Types.array(t),
    slots: 1,
    init: () => ['{}'],
    update: ([a], [x]) => `if (${x} !== null) ${a}[distinctKey(${x})] = ${x};`,
    merge: ([a], [b]) => `Object.assign(${a}, ${b});`,
    finish: ([a]) => `Object.values(${a})`,
    helpers: distinctKeyHelpers,
  },
  {
    type: 'aggregate',
    name: 'percentile_approx',
    minArgs: 2,
    maxArgs: 3,
    nullableResult: true,
    returnType: ([t]) => t,
    slots: 2,
    init: () => ['[]', 'null'],
    update: ([values, p], [x, percentage]) => `if (${x} !== null) ${values}.push(${x}); ${p} = ${percentage};`,
    merge: ([values, p], [values2, p2]) => `for (const v of ${values2}) ${values}.push(v); if (${p} === null) ${p} = ${p2};`,
    // With every value kept, Spark's quantile summary answers the value of rank ceil(p * n).
    finish: ([values, p]) =>
      // Compared, not subtracted: a long past 2^53 is a JS bigint (types/long-value.ts).
      `(${values}.length === 0 ? null : ${values}.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[Math.max(Math.ceil(${p} * ${values}.length) - 1, 0)])`,
  },
  byExtreme('max_by', '>'),
  byExtreme('min_by', '<'),
  {
    type: 'aggregate',
    name: 'product',
    ...one,
    nullableResult: true,
    coerceArgs: () => [Types.double],
    returnType: () => Types.double,
    slots: 1,
    init: () => ['null'],
    update: ([a], [x]) => `if (${x} !== null) ${a} = ${a} === null ? ${x} : ${a} * ${x};`,
    merge: ([a], [b]) => `if (${b} !== null) ${a} = ${a} === null ? ${b} : ${a} * ${b};`,
    finish: ([a]) => a,
  },
  {
    type: 'aggregate',
    name: 'sum_distinct',
    distinct: true,
    pretty: ([x]) => `sum(DISTINCT ${x})`,
    ...one,
    nullableResult: true,
    coerceArgs: ([t]) => [isNumeric(t) ? undefined : Types.double],
    returnType: ([t]) => sumType(t),
    slots: 1,
    init: () => ['new Map()'],
    update: ([a], [x]) => `if (${x} !== null) ${a}.set(${x}, ${x});`,
    merge: ([a], [b]) => `for (const v of ${b}.values()) ${a}.set(v, v);`,
    finish: ([a], types, evalMode) => `(${a}.size === 0 ? null : ${sumFinish([`[...${a}.values()].reduce((s, v) => ${sumPlus('s', addTerm('v', types[0]), types[0])}, 0)`], types, evalMode)})`,
    ansiAware: true,
    helpers: SUM_HELPERS,
  },
  {
    // Spark's median is the exact percentile 0.5, interpolated between the two middle values.
    type: 'aggregate',
    name: 'median',
    ...one,
    nullableResult: true,
    coerceArgs: () => [Types.double],
    returnType: () => Types.double,
    slots: 1,
    init: () => ['[]'],
    update: ([values], [x]) => `if (${x} !== null) ${values}.push(${x});`,
    merge: ([values], [other]) => `for (const v of ${other}) ${values}.push(v);`,
    finish: ([values]) =>
      `(${values}.length === 0 ? null : ((s) => { const p = (s.length - 1) / 2, lo = Math.floor(p); return s[lo] + (p - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]); })(${values}.sort((a, b) => a - b)))`,
  },
  ...booleanAggregates(),
  ...bitAggregates(),
];

/** min/max; NaN is larger than any other number, as in Spark; structs, arrays, maps and binary values compare by content (sqlCompare). */
function extreme(name: string, better: '<' | '>'): AggregateFunction {
  const scalarBeats = (x: string, a: string) => (better === '>' ? `(${x} > ${a} || (${x} !== ${x} && ${a} === ${a}))` : `(${x} < ${a} || (${a} !== ${a} && ${x} === ${x}))`);
  // Values held as objects (and a calendar interval's {months, days, microseconds}) compare by content; the rest as JS values.
  const beats = (x: string, a: string, t: DataType | undefined) =>
    t !== undefined && (isComplexType(t) || t.typeName() === 'interval') ? `(sqlCompare(${x}, ${a}) ${better} 0)` : scalarBeats(x, a);
  return {
    type: 'aggregate',
    name,
    ...one,
    helpers: { sqlCompare: SQL_COMPARE },
    nullableResult: true,
    returnType: ([t]) => t,
    slots: 1,
    init: () => ['null'],
    update: ([a], [x], [t]) => `if (${x} !== null && (${a} === null || ${beats(x, a, t)})) ${a} = ${x};`,
    merge: ([a], [b], [t]) => `if (${b} !== null && (${a} === null || ${beats(b, a, t)})) ${a} = ${b};`,
    finish: ([a]) => a,
    typed: typedOptional((v, x, n) => `if (${n} === 0 || ${scalarBeats(x, v)}) ${v} = ${x};`, doublesHold),
  };
}

/** first/last(x, ignoreNulls = false): the slot `seen` tells "no row yet" from "a null row". */
function firstOrLast(name: string, last: boolean): AggregateFunction {
  return {
    type: 'aggregate',
    name,
    // Spark names first(x, true) `first(x)`: the ignoreNulls flag is not part of the name.
    pretty: ([x]) => `${name}(${x})`,
    minArgs: 1,
    maxArgs: 2,
    nullableResult: true,
    returnType: ([t]) => t,
    slots: 2,
    init: () => ['null', 'false'],
    update: ([v, seen], [x, ignoreNulls]) => {
      const skipNull = ignoreNulls === undefined ? '' : `!(${ignoreNulls} && ${x} === null) && `;
      return `if (${skipNull}${last ? 'true' : `!${seen}`}) { ${v} = ${x}; ${seen} = true; }`;
    },
    merge: ([v, seen], [v2, seen2]) => `if (${seen2} && ${last ? 'true' : `!${seen}`}) { ${v} = ${v2}; ${seen} = true; }`,
    finish: ([v]) => v,
  };
}

/** max_by/min_by(x, ord): the x of the row with the largest (smallest) ord; a later row wins ties, as in Spark. */
function byExtreme(name: string, better: '<' | '>'): AggregateFunction {
  return {
    type: 'aggregate',
    name,
    minArgs: 2,
    maxArgs: 2,
    nullableResult: true,
    returnType: ([t]) => t,
    slots: 2,
    init: () => ['null', 'null'],
    update: ([v, o], [x, ord]) => `if (${ord} !== null && (${o} === null || !(${o} ${better} ${ord}))) { ${v} = ${x}; ${o} = ${ord}; }`,
    merge: ([v, o], [v2, o2]) => `if (${o2} !== null && (${o} === null || !(${o} ${better} ${o2}))) { ${v} = ${v2}; ${o} = ${o2}; }`,
    finish: ([v]) => v,
  };
}

/** every/bool_and (and `some`/`any`/bool_or): whether all (any) non-null values are true. */
function booleanAggregates(): AggregateFunction[] {
  const make = (name: string, all: boolean): AggregateFunction => ({
    type: 'aggregate',
    name,
    ...one,
    nullableResult: true,
    coerceArgs: () => [Types.boolean],
    returnType: () => Types.boolean,
    slots: 1,
    init: () => ['null'],
    update: ([a], [x]) => `if (${x} !== null) ${a} = ${a} === null ? ${x} : ${all ? `${a} && ${x}` : `${a} || ${x}`};`,
    merge: ([a], [b]) => `if (${b} !== null) ${a} = ${a} === null ? ${b} : ${all ? `${a} && ${b}` : `${a} || ${b}`};`,
    finish: ([a]) => a,
  });
  return [make('every', true), make('bool_and', true), make('some', false), make('bool_or', false), make('any', false)];
}

/** bit_and/bit_or/bit_xor over integral values (BigInt, so longs keep every bit). */
function bitAggregates(): AggregateFunction[] {
  const make = (name: string, op: string): AggregateFunction => ({
    type: 'aggregate',
    name,
    ...one,
    nullableResult: true,
    coerceArgs: ([t]) => [isIntegral(t) ? undefined : Types.long],
    returnType: ([t]) => t,
    slots: 1,
    init: () => ['null'],
    update: ([a], [x]) => `if (${x} !== null) ${a} = ${a} === null ? ${x} : sqlLong(BigInt(${a}) ${op} BigInt(${x}));`,
    merge: ([a], [b]) => `if (${b} !== null) ${a} = ${a} === null ? ${b} : sqlLong(BigInt(${a}) ${op} BigInt(${b}));`,
    finish: ([a]) => a,
    helpers: LONG_HELPERS,
  });
  return [make('bit_and', '&'), make('bit_or', '|'), make('bit_xor', '^')];
}

const aliases: Record<string, string[]> = { avg: ['mean'], first: ['first_value'], last: ['last_value'], collect_list: ['array_agg'], percentile_approx: ['approx_percentile'] };
for (const def of aggregates) registerFunction(def, ...(aliases[def.name] ?? []));
