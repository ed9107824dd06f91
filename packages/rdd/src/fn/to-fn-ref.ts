/**
 * A user function as an FnRef. Functions are checked here, on the driver, when an RDD is built: a
 * free variable is an error at the call site, not a ReferenceError on a worker later.
 */
import { functionSource, type FunctionSource } from './function-source.js';
import { unboundNames } from './globals.js';
import { shippableEnv } from './captured-helpers.js';
import { recordOrigins } from './function-origin.js';
import { userCallSite } from './call-site.js';
import { Captured } from './capture.js';
import { FnRef } from './fn-ref.js';

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
