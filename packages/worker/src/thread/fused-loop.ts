/**
 * Generates the push loop of a fused chain as one function: `flatMap → filter → map` becomes
 * nested plain loops and `if`s calling the step functions, compiled once per chain. Each chain
 * gets its own compiled code, so V8 sees one target at every call site and can inline the user's
 * small functions; a chain of generic closures shares its call sites with every other job's.
 * The code is keyed by the compiled functions, not by their envs: every task of a stage (and
 * every iteration of an iterative job, whose envs differ) runs the same, already optimized loop,
 * made for it by the chain's factory from its functions and envs.
 */
import { unbound } from './compile-function.js';
import type { LiveStep as Step } from './live-step.js';
import { LruCache } from './lru-cache.js';

type Fn = (...args: unknown[]) => unknown;
export type FusedLoop = (source: Iterable<unknown>, consume: (record: unknown) => void) => void;
type LoopFactory = (...fnsAndEnvs: unknown[]) => FusedLoop;

const MAX_CACHED_LOOPS = 64;
const factories = new LruCache<string, LoopFactory>(MAX_CACHED_LOOPS);
const fnIds = new WeakMap<Fn, number>();
let nextFnId = 0;

interface Call {
  readonly op: Step['op'];
  readonly fn: Fn;
  /** The env the function was bound to, passed as its last declared parameter. */
  readonly env?: unknown;
}

/** The loop for these steps; tasks that run the same functions share its compiled code. */
export function fusedLoop(steps: readonly Step[]): FusedLoop {
  const calls: Call[] = steps.map((step) => ({ op: step.op, ...unbound(step.fn) }));
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
  const body = stepCode(calls, 0);
  const source =
    `return function fusedLoop(source, consume) {\n` +
    `  if (Array.isArray(source)) { for (let i = 0; i < source.length; i++) { const x0 = source[i]; ${body} } }\n` +
    `  else { for (const x0 of source) { ${body} } }\n` +
    `}`;
  const params = calls.flatMap((_, i) => [`f${i}`, `e${i}`]);
  return new Function(...params, source) as LoopFactory;
}

/**
 * The call of step i's function on `arg`. Steps call their function with one argument, so a
 * bound env goes where bindEnv puts it: the last declared parameter of a function of 3 or 4
 * parameters, else the second.
 */
function callCode(calls: readonly Call[], i: number, arg: string): string {
  const call = calls[i];
  if (!('env' in call)) return `f${i}(${arg})`;
  const padding = call.fn.length === 3 || call.fn.length === 4 ? 'undefined, '.repeat(call.fn.length - 2) : '';
  return `f${i}(${arg}, ${padding}e${i})`;
}

/** The code that takes record `x<i>` through steps i.. and hands the result to `consume`. */
function stepCode(calls: readonly Call[], i: number): string {
  if (i === calls.length) return `consume(x${i});`;
  const [x, next] = [`x${i}`, `x${i + 1}`];
  const rest = stepCode(calls, i + 1);
  switch (calls[i].op) {
    case 'map':
      return `const ${next} = ${callCode(calls, i, x)}; ${rest}`;
    case 'filter':
      return `if (${callCode(calls, i, x)}) { const ${next} = ${x}; ${rest} }`;
    case 'flatMap':
      return `for (const ${next} of ${callCode(calls, i, x)}) { ${rest} }`;
    case 'mapValues':
      return `const ${next} = [${x}[0], ${callCode(calls, i, `${x}[1]`)}]; ${rest}`;
    case 'flatMapValues':
      return `for (const v${i} of ${callCode(calls, i, `${x}[1]`)}) { const ${next} = [${x}[0], v${i}]; ${rest} }`;
    case 'keyBy':
      return `const ${next} = [${callCode(calls, i, x)}, ${x}]; ${rest}`;
  }
}
