/**
 * Turns a shipped FnRef back into a function on a worker thread. Compiled functions are cached by
 * source text, so a stage's function is compiled once per thread, not once per task. The cache is
 * bounded: a long-lived worker running many different jobs (or generated code, which differs per
 * query) would otherwise keep every function it ever compiled. The captured env is bound as the
 * function's last argument.
 */
import { runtimeFunction, shippedSourceUrl, type FnRef } from '@flint/rdd';
import { LruCache } from './lru-cache.js';

type AnyFn = (...args: unknown[]) => unknown;

/** tsx/esbuild insert `__name(fn, "name")` into compiled TypeScript; on a worker it only needs to return fn. */
const nameHelper = <F>(fn: F): F => fn;

/** Far more than the distinct functions of the jobs running at once; compiling again is cheap. */
export const MAX_COMPILED_FUNCTIONS = 1_000;

const compiled = new LruCache<string, AnyFn>(MAX_COMPILED_FUNCTIONS);

/** Marks functions whose calls return promises, so pipelines await them. */
export const ASYNC = Symbol('flint.async');

/**
 * On a function bound to its env: the compiled function (one per source text on this thread) and
 * the env, for a caller that passes the env itself. The fused loop does, so that its calls go
 * straight to the user's function rather than through bindEnv's wrapper, whose one call site is
 * shared by every bound function on the thread and so cannot be inlined.
 */
export const UNBOUND = Symbol('flint.unbound');

export interface Unbound {
  readonly fn: AnyFn;
  readonly env: unknown;
}

type CompiledFn = AnyFn & { [ASYNC]?: true; [UNBOUND]?: Unbound };

export function compileFunction(ref: FnRef): AnyFn {
  const fn = baseFunction(ref);
  const bound: CompiledFn = ref.env === undefined ? fn : bindEnv(fn, ref.env);
  if (bound !== fn) bound[UNBOUND] = { fn, env: ref.env };
  if (isAsync(fn)) bound[ASYNC] = true;
  return bound;
}

/** The function and env of a compiled function (no env if it was not bound to one). */
export function unbound(fn: AnyFn): { fn: AnyFn; env?: unknown } {
  return (fn as CompiledFn)[UNBOUND] ?? { fn };
}

function baseFunction(ref: FnRef): AnyFn {
  const cached = compiled.get(ref.source);
  if (cached) return cached;
  let fn: AnyFn;
  if (ref.source.startsWith('runtime:')) fn = runtimeFunction(ref.source.slice('runtime:'.length));
  else if (ref.source.startsWith('builtin:')) fn = (globalThis as unknown as Record<string, AnyFn>)[ref.source.slice('builtin:'.length)];
  else fn = new Function('__name', `return ${ref.source}\n//# sourceURL=${shippedSourceUrl(ref.site)}`)(nameHelper) as AnyFn;
  compiled.set(ref.source, fn);
  return fn;
}

function isAsync(fn: AnyFn): boolean {
  const kind = fn.constructor?.name;
  return kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction';
}

/**
 * Binds env with a closure of the function's own arity where possible (no per-call spread): env
 * is the last declared parameter (after the call's own arguments for any other arity).
 */
function bindEnv(fn: AnyFn, env: unknown): AnyFn {
  switch (fn.length) {
    case 2:
      return (a) => fn(a, env);
    case 3:
      return (a, b) => fn(a, b, env);
    case 4:
      return (a, b, c) => fn(a, b, c, env);
    default:
      return (...args) => fn(...args, env);
  }
}
