/**
 * The function registry: every SQL/DataFrame function is defined once, here or in a family file
 * under `expr/builtins/`, with its arity, result type, null handling, the JavaScript it compiles
 * to, and whether it aggregates. `functions/` (F.sum, ...) and the SQL parser both build `call`
 * expressions by name; the analyzer and the code generator look the definition up.
 */
import type { DataType } from '../types/index.js';
import type { EvalMode, Expr } from './expression.js';

interface FunctionBase {
  /** The lookup name, lower case (SQL function names are case-insensitive). */
  readonly name: string;
  /** How the function shows in generated column names, when not `name` (e.g. `SQRT`). */
  readonly prettyName?: string;
  /** A custom column name from the arguments' names (e.g. `count(1)` for `count(*)`); `distinct` for an aggregate over DISTINCT rows. */
  readonly pretty?: (args: string[], distinct?: boolean) => string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /**
   * The result type from the argument types (after `coerceArgs`); `literals` holds the value of
   * each argument that is a literal (a struct field name, say), else undefined.
   */
  returnType(argTypes: DataType[], literals: unknown[]): DataType;
  /** Types the arguments are implicitly cast to (undefined: leave as is). */
  coerceArgs?(argTypes: DataType[]): (DataType | undefined)[];
  /** Whether the result may be null for non-null arguments. */
  readonly nullableResult?: boolean;
}

/**
 * A row-at-a-time function. `gen` returns a JavaScript expression over the arguments' code; when
 * `nullIntolerant`, the generated code returns null as soon as an argument is null and `gen`
 * sees only non-null values (Spark's NullIntolerant).
 */
export interface ScalarFunction extends FunctionBase {
  readonly type: 'scalar';
  readonly nullIntolerant: boolean;
  /** Whether the result depends on the session time zone, which `gen` then receives (Spark's TimeZoneAwareExpression). */
  readonly timeZoneAware?: boolean;
  /** The result may differ between evaluations with the same arguments (rand, uuid, partition ids): never folded or moved. */
  readonly nondeterministic?: boolean;
  /** Whether overflow or a zero divisor fails under ANSI (abs, pmod, ...): `gen` then receives the call's EvalMode. */
  readonly ansiAware?: boolean;
  /**
   * Spark's ConditionalExpression (if, coalesce, nvl, nvl2): `gen` receives the arguments' code
   * unevaluated and evaluates each at most once, only when its branch is taken, so that
   * `if(d = 0, 0, n / d)` never divides by zero.
   */
  readonly lazyArgs?: boolean;
  /** `state` gives a per-partition variable (undefined at first) for functions that count rows. */
  gen(args: string[], argTypes: DataType[], timeZone: string, state: GenState, evalMode?: EvalMode): string;
  /** Helper function sources the generated code needs, by name; inlined once per stage. */
  readonly helpers?: Readonly<Record<string, string>>;
  /**
   * Arguments `gen` receives prepared rather than raw (a regex compiled, a datetime pattern or a
   * number format parsed, a zone id resolved): by argument index, the code that prepares one from
   * its value. A literal argument is prepared once, in the generated function's prologue; any
   * other argument row by row (a prepare function caches by value). Only for null-intolerant
   * functions: `gen` sees non-null values.
   */
  readonly prepared?: Readonly<Record<number, Preparation>>;
  /**
   * Other arguments an argument's preparation reads (lpad's fill reads its length too): it is
   * prepared once only when they are all literals (or absent).
   */
  readonly preparedWith?: Readonly<Record<number, readonly number[]>>;
  /**
   * The value for constant arguments, computed while planning, for a function whose value another
   * function's result type depends on (schema_of_json as from_json's schema).
   */
  constantValue?(args: unknown[]): unknown;
  /**
   * Checks the arguments as written, before their implicit casts (Spark's checkInputDataTypes for
   * what a cast would hide: a BIGINT day count, an escape that is no one-character literal);
   * throws Spark's AnalysisException.
   */
  checkArgs?(args: readonly Expr[], argTypes: readonly DataType[]): void;
}

/**
 * An aggregate: a buffer of `slots` values per group, updated row by row on the map side
 * (partial aggregation), merged after the shuffle and finished into the result. Each hook
 * returns JavaScript statements; `acc` and `other` are buffer slot l-values, `args` hold the
 * evaluated arguments (possibly null).
 */
export interface AggregateFunction extends FunctionBase {
  readonly type: 'aggregate';
  readonly slots: number;
  init(): string[];
  update(acc: string[], args: string[], argTypes: DataType[]): string;
  merge(acc: string[], other: string[], argTypes: DataType[]): string;
  /** `evalMode`: the call's, for an `ansiAware` aggregate (a decimal sum past its precision fails under ANSI, is null under legacy). */
  finish(acc: string[], argTypes: DataType[], evalMode?: EvalMode): string;
  readonly ansiAware?: boolean;
  readonly helpers?: Readonly<Record<string, string>>;
  /** The same partial aggregation over slots of a Float64Array, for the argument types it accepts. */
  readonly typed?: TypedAccumulator;
  /** An aggregate over DISTINCT values (count(DISTINCT x), sum(DISTINCT x), ...): Spark refuses it over a window. */
  readonly distinct?: boolean;
}

/**
 * An aggregate's map-side form with every slot a number in a Float64Array (each starts at 0), so
 * that a group costs no buffer object and an update allocates nothing. `update` is as above;
 * `buffer` gives the values of the generic buffer's slots from the typed ones (what is merged
 * after the shuffle); `merge` adds the typed slots `other` (of rows the map side accumulated
 * apart, see direct-group-codegen.ts) into `acc`.
 */
export interface TypedAccumulator {
  readonly slots: number;
  accepts(argTypes: DataType[]): boolean;
  update(acc: string[], args: string[]): string;
  buffer(acc: string[]): string[];
  merge(acc: string[], other: string[]): string;
}

/** A function that only exists over a window (row_number, rank, lag, ...): see physical/window. */
export interface WindowFunction extends FunctionBase {
  readonly type: 'window';
  /** Whether the window must be ordered (all ranking functions). */
  readonly requiresOrder: boolean;
}

/**
 * A generator: each input row yields zero or more rows (explode, posexplode). Allowed as a
 * select item; the analyzer turns it into a `generate` plan node.
 */
export interface GeneratorFunction extends FunctionBase {
  readonly type: 'generator';
  /** Yields zero rows for an empty or null input unless outer (then one row of nulls). */
  readonly outer: boolean;
  readonly withPosition: boolean;
  /** Generators that are not explode's kind (stack, inline, json_tuple): their columns from the arguments' types and literal values... */
  columns?(argTypes: DataType[], literals: unknown[]): { name: string; dataType: DataType }[];
  /** ...and code giving an input row's rows, each an array of those columns' values (null: a row of nulls). */
  genRows?(args: string[], argTypes: DataType[]): string;
  readonly helpers?: Readonly<Record<string, string>>;
}

/** What a scalar function's code generation may ask of the generated function. */
export interface GenState {
  /** A fresh variable of the generated function, declared once per partition (undefined at first). */
  temp(): string;
  /** A fresh variable for one expression's evaluation, which no row reads after its own. */
  scratch(): string;
  /** A constant of the generated function: `source` evaluated once, in its prologue (after the helpers). */
  constant(source: string): string;
  /** The index of the partition the code runs over. */
  partitionIndex(): string;
  /** Code for the SQL query context an error raised here appends (expr/query-context.ts), or undefined. */
  errorContext(): string | undefined;
}

/**
 * Code preparing an argument from its code (`value`); `args` holds every argument's code, for
 * ScalarFunction.preparedWith; `timeZone` is the one `gen` receives.
 */
export type Preparation = (value: string, argTypes: DataType[], args: readonly string[], timeZone: string) => string;

export type FunctionDef = ScalarFunction | AggregateFunction | WindowFunction | GeneratorFunction;

const registry = new Map<string, FunctionDef>();

export function registerFunction(def: FunctionDef, ...aliases: string[]): void {
  for (const name of [def.name, ...aliases]) registry.set(name.toLowerCase(), def);
}

export function lookupFunction(name: string): FunctionDef | undefined {
  return registry.get(name.toLowerCase());
}

export function registeredFunctionNames(): string[] {
  return [...registry.keys()].sort();
}

/** Whether `e` is a call of an aggregate function (sum, count, ...). */
export function isAggregateCall(e: Expr): boolean {
  return e.kind === 'call' && lookupFunction(e.name)?.type === 'aggregate';
}

export function isWindowOnlyName(name: string): boolean {
  return lookupFunction(name)?.type === 'window';
}
