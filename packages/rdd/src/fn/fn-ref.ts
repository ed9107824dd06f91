/**
 * A function as it travels to a worker: source text, the values captured with it, and where the
 * user created it (for error messages). Functions are checked here, on the driver, when an RDD is
 * built: a free variable is an error at the call site, not a ReferenceError on a worker later.
 */
import { functionSource, parsesAsExpression, type FunctionSource } from './function-source.js';
import { unboundNames } from './globals.js';
import { shippableEnv } from './captured-helpers.js';
import { recordOrigins } from './function-origin.js';
import { userCallSite } from './call-site.js';

/** A function with values bound to it by `capture`; the env is passed as the function's last argument. */
export class Captured<F extends Function = Function> {
  constructor(
    readonly env: Record<string, unknown>,
    readonly fn: F,
  ) {}
}

/** The serializable form of a user or internal function. */
export class FnRef {
  constructor(
    /** An expression evaluating to the function, or `builtin:Name` for a global like `String`. */
    readonly source: string,
    readonly env: Record<string, unknown> | undefined,
    /** `map at job.ts:12:4`: the transformation and the user's call site. */
    readonly site: string,
  ) {}

  /**
   * A function from JavaScript source text, such as code generated for a query: `source` must be
   * one expression that evaluates to the function, and it is checked as a user function is (any
   * free variable that is not a JS global is an error naming it). Values reach it through `env`,
   * passed as its last argument.
   */
  static fromSource(source: string, env?: Record<string, unknown>, site = 'generated code'): FnRef {
    const expression = `(${source}\n)`;
    if (typeof source !== 'string' || !parsesAsExpression(expression)) {
      throw new SyntaxError(`FnRef.fromSource (${site}): the source is not one JavaScript expression: ${String(source).slice(0, 80)}`);
    }
    const free = unboundNames(expression);
    if (free.length > 0) {
      throw new ReferenceError(`FnRef.fromSource (${site}): the source uses ${free.map((n) => `'${n}'`).join(', ')}, which are not JS globals: pass values through env`);
    }
    return new FnRef(expression, env, site);
  }
}

/** A function argument of an RDD method: a plain function, or one with captured values. */
export type ShippableFn<F extends (...args: never[]) => unknown> = F | Captured;

/** Marks the leading arguments of a captured function as not inferred from where it is passed. */
declare const NOT_INFERRED: unique symbol;
type NotInferred = [typeof NOT_INFERRED];
type DropLast<P extends unknown[]> = P extends [...infer Init, unknown] ? Init : [];

/**
 * Binds values to a function shipped to workers: `rdd.map(capture({ k }, (x, { k }) => x * k))`.
 * `env` holds plain data, broadcasts and accumulators; it is serialized with the task.
 *
 * The types work both ways round. Passed to an RDD method, the leading arguments `A` come from
 * the method (`x` above is the element type). Made on its own (`capture({ k }, (x: number, { k })
 * => x * k)`), `A` is not inferred and the function's own parameters `P` decide: its last
 * parameter still gets the env's type, the others their annotations, and the result takes all
 * but the last. (A variadic `[...A, E]` alone cannot do the second: TypeScript must fix `A` before
 * it can type the env parameter, and with nothing to infer it from, `A` became `unknown[]`.)
 */
export function capture<
  E extends Record<string, unknown>,
  A extends unknown[] = NotInferred,
  R = unknown,
  P extends unknown[] = [...(A extends NotInferred ? [unknown] : A), E],
>(env: E, fn: (...args: P) => R): (...args: A extends NotInferred ? DropLast<P> : A) => R {
  return new Captured(env, fn) as unknown as (...args: A extends NotInferred ? DropLast<P> : A) => R;
}

export function toFnRef(fn: unknown, operation: string): FnRef {
  if (fn instanceof FnRef) return fn;
  // The SQL planner's own calls keep their sql/ frames: its generated functions are named after them.
  const site = `${operation} at ${userCallSite(['rdd', 'driver'])}`;
  const captured = fn instanceof Captured ? fn : undefined;
  const target = captured ? captured.fn : fn;
  if (typeof target !== 'function') {
    throw new TypeError(`${operation}() expects a function, got ${describe(target)}`);
  }
  const { source, free } = analysed(target);
  const env = () => captured && shippableEnv(captured.env, { operation, site });
  if (source.kind === 'builtin') return new FnRef(`builtin:${source.name}`, env(), site);
  if (free.length > 0) {
    const names = free.map((n) => `'${n}'`).join(', ');
    const captureEnv = `{ ${free.join(', ')} }`;
    throw new ReferenceError(
      `The function passed to ${operation}() uses ${names} from its enclosing scope (${site}). ` +
        `Functions run on workers and see only their arguments: pass values (and helper functions) with capture, ` +
        `e.g. capture(${captureEnv}, (x, ${captureEnv}) => ...)`,
    );
  }
  recordOrigins(site, source.expression, [target]);
  return new FnRef(source.expression, env(), site);
}

/**
 * A function's source and free variables, found once per function: its text never changes, and an
 * iterative job ships the same function every iteration (parsing it each time took 2-8 ms).
 */
const analyses = new WeakMap<Function, { source: FunctionSource; free: string[] }>();

function analysed(fn: Function): { source: FunctionSource; free: string[] } {
  let analysis = analyses.get(fn);
  if (!analysis) {
    const source = functionSource(fn);
    analysis = { source, free: source.kind === 'builtin' ? [] : unboundNames(source.expression) };
    analyses.set(fn, analysis);
  }
  return analysis;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
