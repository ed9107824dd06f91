/** Shorthands for defining scalar functions in the family files. */
import type { DataType } from '../../types/index.js';
import { registerFunction, type GenState, type Preparation, type ScalarFunction } from '../registry.js';
import type { EvalMode } from '../expression.js';

export interface ScalarSpec {
  args: number | [number, number];
  returns: DataType | ((argTypes: DataType[], literals: unknown[]) => DataType);
  gen: (args: string[], argTypes: DataType[], timeZone: string, state: GenState, evalMode: EvalMode | undefined) => string;
  /** The result depends on the session time zone (passed to `gen`). */
  timeZoneAware?: boolean;
  /** Different results for the same arguments (rand, uuid, partition ids): never folded or moved. */
  nondeterministic?: boolean;
  /** Overflow or a zero divisor fails under ANSI (the call's EvalMode is passed to `gen`). */
  ansiAware?: boolean;
  coerce?: (argTypes: DataType[]) => (DataType | undefined)[];
  /** Null-tolerant functions see null arguments (coalesce, concat_ws, ...). */
  nullTolerant?: boolean;
  nullableResult?: boolean;
  prettyName?: string;
  pretty?: (args: string[]) => string;
  helpers?: Record<string, string>;
  /** See ScalarFunction.prepared. */
  prepared?: Record<number, Preparation>;
  /** See ScalarFunction.preparedWith. */
  preparedWith?: Record<number, number[]>;
  aliases?: string[];
  constantValue?: (args: unknown[]) => unknown;
  /** See ScalarFunction.lazyArgs. */
  lazyArgs?: boolean;
  /** See ScalarFunction.checkArgs. */
  checkArgs?: ScalarFunction['checkArgs'];
}

export function scalar(name: string, spec: ScalarSpec): ScalarFunction {
  const [minArgs, maxArgs] = typeof spec.args === 'number' ? [spec.args, spec.args] : spec.args;
  const returns = spec.returns;
  const def: ScalarFunction = {
    type: 'scalar',
    name,
    prettyName: spec.prettyName,
    pretty: spec.pretty,
    minArgs,
    maxArgs,
    returnType: typeof returns === 'function' ? returns : () => returns,
    coerceArgs: spec.coerce,
    nullIntolerant: !spec.nullTolerant,
    nullableResult: spec.nullableResult,
    timeZoneAware: spec.timeZoneAware,
    nondeterministic: spec.nondeterministic,
    ansiAware: spec.ansiAware,
    gen: spec.gen,
    helpers: spec.helpers,
    prepared: spec.prepared,
    preparedWith: spec.preparedWith,
    constantValue: spec.constantValue,
    checkArgs: spec.checkArgs,
    lazyArgs: spec.lazyArgs,
  };
  registerFunction(def, ...(spec.aliases ?? []));
  return def;
}

/** Casts every argument to `t`. */
export const all = (t: DataType) => (argTypes: DataType[]) => argTypes.map(() => t);
