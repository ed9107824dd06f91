/**
 * Generates the push loop of a fused chain as one function: `flatMap → filter → map` becomes
 * nested plain loops and `if`s calling the step functions, compiled once per chain. Each chain
 * gets its own compiled code, so V8 sees one target at every call site and can inline the user's
 * small functions; a chain of generic closures shares its call sites with every other job's.
 */
import type { LiveStep as Step } from './live-step.js';

type Fn = (...args: unknown[]) => unknown;
export type FusedLoop = (source: Iterable<unknown>, consume: (record: unknown) => void) => void;

const MAX_CACHED_LOOPS = 64;
const loops = new Map<string, FusedLoop>();
const fnIds = new WeakMap<Fn, number>();
let nextFnId = 0;

/** The compiled loop for these steps; tasks of a stage that reuse the same functions reuse it. */
export function fusedLoop(steps: readonly Step[]): FusedLoop {
  const key = steps.map((s) => `${s.op}:${fnId(s.fn)}`).join(' ');
  let loop = loops.get(key);
  if (loop === undefined) {
    loop = compileLoop(steps);
    if (loops.size >= MAX_CACHED_LOOPS) loops.delete(loops.keys().next().value as string);
    loops.set(key, loop);
  }
  return loop;
}

function fnId(fn: Fn): number {
  let id = fnIds.get(fn);
  if (id === undefined) fnIds.set(fn, (id = nextFnId++));
  return id;
}

function compileLoop(steps: readonly Step[]): FusedLoop {
  const body = stepCode(steps, 0);
  const source =
    `return function fusedLoop(source, consume) {\n` +
    `  if (Array.isArray(source)) { for (let i = 0; i < source.length; i++) { const x0 = source[i]; ${body} } }\n` +
    `  else { for (const x0 of source) { ${body} } }\n` +
    `}`;
  const params = steps.map((_, i) => `f${i}`);
  return new Function(...params, source)(...steps.map((s) => s.fn)) as FusedLoop;
}

/** The code that takes record `x<i>` through steps i.. and hands the result to `consume`. */
function stepCode(steps: readonly Step[], i: number): string {
  if (i === steps.length) return `consume(x${i});`;
  const [x, next, f] = [`x${i}`, `x${i + 1}`, `f${i}`];
  const rest = stepCode(steps, i + 1);
  switch (steps[i].op) {
    case 'map':
      return `const ${next} = ${f}(${x}); ${rest}`;
    case 'filter':
      return `if (${f}(${x})) { const ${next} = ${x}; ${rest} }`;
    case 'flatMap':
      return `for (const ${next} of ${f}(${x})) { ${rest} }`;
    case 'mapValues':
      return `const ${next} = [${x}[0], ${f}(${x}[1])]; ${rest}`;
    case 'flatMapValues':
      return `for (const v${i} of ${f}(${x}[1])) { const ${next} = [${x}[0], v${i}]; ${rest} }`;
    case 'keyBy':
      return `const ${next} = [${f}(${x}), ${x}]; ${rest}`;
  }
}
