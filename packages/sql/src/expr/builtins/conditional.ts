/** Null handling and conditional functions (CASE WHEN itself is an expression kind of its own). */
import { Types } from '../types-used.js';
import { isNull, isString, widestType } from '../type-rules.js';
import { equalsCode, SQL_EQUALS } from '../../physical/codegen/complex-equality.js';
import type { DataType } from '../../types/index.js';
import { scalar } from './define.js';
import type { GenState } from '../registry.js';

const toWidest = (types: DataType[]) => types.map(() => widestType(types));

/** `x` if it is not null, else `rest`; `x` evaluated once (into a temporary unless it is a plain value). */
function firstNonNull(x: string, rest: string, state: GenState): string {
  if (/^[\w.$]+$/.test(x)) return `(${x} !== null ? ${x} : ${rest})`;
  const t = state.scratch();
  return `((${t} = ${x}) !== null ? ${t} : ${rest})`;
}

// The conditional functions evaluate an argument only when its branch is taken (lazyArgs).
scalar('coalesce', {
  args: [1, Infinity],
  returns: widestType,
  coerce: toWidest,
  nullTolerant: true,
  nullableResult: true,
  lazyArgs: true,
  gen: (a, _types, _tz, state) => a.reduceRight((rest, x) => firstNonNull(x, rest, state), 'null'),
});
scalar('nvl', {
  args: 2,
  returns: widestType,
  coerce: toWidest,
  nullTolerant: true,
  nullableResult: true,
  lazyArgs: true,
  gen: ([a, b], _types, _tz, state) => firstNonNull(a!, b!, state),
  aliases: ['ifnull'],
});
/**
 * nullif(a, b) is Spark's `if(a = b, null, a)`: NaN equals NaN, arrays, structs and maps compare by
 * value, and a string `b` beside a typed `a` is read as `a`'s type (as `=` reads it).
 */
scalar('nullif', {
  args: 2,
  returns: ([t]) => t,
  coerce: ([a, b]) => [a!, isString(b!) && !isString(a!) && !isNull(a!) ? a! : b!],
  nullTolerant: true,
  nullableResult: true,
  gen: ([a, b], [t]) => `(${a} !== null && (${equalsCode(a!, b!, t!)}) ? null : ${a})`,
  helpers: { sqlEquals: SQL_EQUALS },
});
/** nullifzero(a) is nullif(a, 0); zeroifnull(a) is coalesce(a, 0), typed as coalesce types it. */
scalar('nullifzero', { args: 1, returns: ([t]) => t!, nullableResult: true, gen: ([a]) => `(${a} === 0 ? null : ${a})` });
scalar('zeroifnull', {
  args: 1,
  returns: ([t]) => widestType([t!, Types.int]),
  coerce: ([t]) => [widestType([t!, Types.int])],
  nullTolerant: true,
  gen: ([a]) => `(${a} !== null ? ${a} : 0)`,
});
scalar('isnull', { args: 1, returns: Types.boolean, nullTolerant: true, gen: ([a]) => `(${a} === null)` });
scalar('isnotnull', { args: 1, returns: Types.boolean, nullTolerant: true, gen: ([a]) => `(${a} !== null)` });
scalar('isnan', { args: 1, returns: Types.boolean, nullTolerant: true, gen: ([a]) => `(${a} !== null && Number.isNaN(${a}))` });
/** nanvl(a, b): null for a null `a`, `b` (evaluated only then, as Spark's NaNvl) for a NaN, else `a`. */
scalar('nanvl', {
  args: 2,
  returns: Types.double,
  nullTolerant: true,
  nullableResult: true,
  lazyArgs: true,
  gen: ([a, b], _types, _tz, state) => {
    const t = state.scratch();
    return `((${t} = ${a}) === null ? null : Number.isNaN(${t}) ? ${b} : ${t})`;
  },
});
scalar('if', {
  args: 3,
  returns: ([, a, b]) => widestType([a, b]),
  nullTolerant: true,
  nullableResult: true,
  lazyArgs: true,
  gen: ([c, a, b]) => `(${c} === true ? ${a} : ${b})`,
  aliases: ['iff'],
});
scalar('nvl2', {
  args: 3,
  returns: ([, a, b]) => widestType([a!, b!]),
  nullTolerant: true,
  nullableResult: true,
  lazyArgs: true,
  gen: ([x, a, b]) => `(${x} !== null ? ${a} : ${b})`,
});
/** equal_null(a, b): a <=> b (true for two nulls, NaN equal to NaN). */
scalar('equal_null', {
  args: 2,
  returns: Types.boolean,
  coerce: toWidest,
  nullTolerant: true,
  gen: ([a, b]) => `(${a} === ${b} || (${a} !== ${a} && ${b} !== ${b}))`,
});

/**
 * A scalar subquery's value given how many rows it returned (the analyzer's, analyzer/subqueries.ts):
 * Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS for more than one, the value otherwise (null for none).
 */
scalar('scalar_subquery_value', {
  args: 2,
  returns: (types) => types[1]!,
  nullTolerant: true,
  gen: ([rows, value]) => `(${rows} > 1 ? tooManySubqueryRows() : ${value})`,
  helpers: {
    // Deterministic: the scheduler does not retry the task (the same rows fail the same way).
    tooManySubqueryRows: `function tooManySubqueryRows() {
  throw Object.assign(new Error('[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression. SQLSTATE: 21000'), { deterministic: true });
}`,
  },
});
