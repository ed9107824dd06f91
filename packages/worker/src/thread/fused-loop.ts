/**
 * Generates the push loop of a fused chain as one function: `flatMap → filter → map` becomes
 * nested plain loops and `if`s calling the step functions, compiled once per chain. Each chain
 * gets its own compiled code, so V8 sees one target at every call site and can inline the user's
 * small functions; a chain of generic closures shares its call sites with every other job's.
 * The code is keyed by the compiled functions, not by their envs: every task of a stage (and
 * every iteration of an iterative job, whose envs differ) runs the same, already optimized loop,
 * made for it by the chain's factory from its functions and envs.
 *
 * A chain that ends in a fold (reduce, aggregate) gets the fold in its loop too: the accumulator
 * is a local of the generated function, not a variable of a consumer closure, so the per-record
 * fold does no closure-context reads and writes and its function is inlined like the steps'.
 */
import { unbound } from './compile-function.js';
import type { LiveStep as Step } from './live-step.js';
import { LruCache } from './lru-cache.js';

type Fn = (...args: unknown[]) => unknown;
export type FusedLoop = (source: Iterable<unknown>, consume: (record: unknown) => void) => void;
/** Folds the chain's output: acc = f(acc, record), from start[0] or, if start is [], from the first record; [] if none. */
export type FusedFold = (source: Iterable<unknown>, start: [] | [unknown]) => [] | [unknown];
type LoopFactory = (...fnsAndEnvs: unknown[]) => FusedLoop | FusedFold;

const MAX_CACHED_LOOPS = 64;
const factories = new LruCache<string, LoopFactory>(MAX_CACHED_LOOPS);
const fnIds = new WeakMap<Fn, number>();
let nextFnId = 0;

interface Call {
  readonly op: Step['op'] | 'fold';
  readonly fn: Fn;
  /** The env the function was bound to, passed as its last declared parameter. */
  readonly env?: unknown;
}

/** The loop for these steps; tasks that run the same functions share its compiled code. */
export function fusedLoop(steps: readonly Step[]): FusedLoop {
  return loopOf(steps.map(callOf)) as FusedLoop;
}

/** The loop for these steps folding their output with `f` (its env bound as a step's is). */
export function fusedFold(steps: readonly Step[], f: Fn): FusedFold {
  return loopOf([...steps.map(callOf), { op: 'fold', ...unbound(f) }]) as FusedFold;
}

function callOf(step: Step): Call {
  return { op: step.op, ...unbound(step.fn) };
}

function loopOf(calls: readonly Call[]): FusedLoop | FusedFold {
  const key = calls.map((call) => `${call.op}:${fnId(call.fn)}${'env' in call ? `:env${call.fn.length}` : ''}`).join(' ');
  let factory = factories.get(key);
  if (factory === undefined) {
    factory = compileFactory(calls);
    factories.set(key, factory);
  }
  return factory(...calls.flatMap((call) => [call.fn, call.env]));
}

function fnId(fn: Fn): number {
  let id = fnIds.get(fn);
  if (id === undefined) fnIds.set(fn, (id = nextFnId++));
  return id;
}

function compileFactory(calls: readonly Call[]): LoopFactory {
  const folds = calls[calls.length - 1]?.op === 'fold';
  const body = stepCode(calls, 0);
  const loops =
    `  if (Array.isArray(source)) { for (let i = 0; i < source.length; i++) { const x0 = source[i]; ${body} } }\n` +
    `  else { for (const x0 of source) { ${body} } }\n`;
  const source = folds
    ? `return function fusedFold(source, start) {\n  let empty = start.length === 0; let acc = start[0];\n${loops}  return empty ? [] : [acc];\n}`
    : `return function fusedLoop(source, consume) {\n${loops}}`;
  const params = calls.flatMap((_, i) => [`f${i}`, `e${i}`]);
  return new Function(...params, source) as LoopFactory;
}

/**
 * The call of step i's function on `args`, as compileFunction's bindEnv would make it: a bound
 * env goes in the last declared parameter of a function of 2 to 4 parameters (the call's own
 * arguments fill the ones before it, missing ones undefined, extra ones dropped), else after the
 * call's arguments.
 */
function callCode(calls: readonly Call[], i: number, args: readonly string[]): string {
  const call = calls[i];
  if (!('env' in call)) return `f${i}(${args.join(', ')})`;
  const arity = call.fn.length;
  const own = arity >= 2 && arity <= 4 ? Array.from({ length: arity - 1 }, (_, j) => args[j] ?? 'undefined') : args;
  return `f${i}(${[...own, `e${i}`].join(', ')})`;
}

/** The code that takes record `x<i>` through steps i.. and hands the result to `consume` (or folds it). */
function stepCode(calls: readonly Call[], i: number): string {
  if (i === calls.length) return `consume(x${i});`;
  const [x, next] = [`x${i}`, `x${i + 1}`];
  if (calls[i].op === 'fold') return `acc = empty ? ${x} : ${callCode(calls, i, ['acc', x])}; empty = false;`;
  const rest = stepCode(calls, i + 1);
  switch (calls[i].op) {
    case 'map':
      return `const ${next} = ${callCode(calls, i, [x])}; ${rest}`;
    case 'filter':
      return `if (${callCode(calls, i, [x])}) { const ${next} = ${x}; ${rest} }`;
    case 'flatMap':
      return `for (const ${next} of ${callCode(calls, i, [x])}) { ${rest} }`;
    case 'mapValues':
      return `const ${next} = [${x}[0], ${callCode(calls, i, [`${x}[1]`])}]; ${rest}`;
    case 'flatMapValues':
      return `for (const v${i} of ${callCode(calls, i, [`${x}[1]`])}) { const ${next} = [${x}[0], v${i}]; ${rest} }`;
    case 'keyBy':
      return `const ${next} = [${callCode(calls, i, [x])}, ${x}]; ${rest}`;
  }
}
