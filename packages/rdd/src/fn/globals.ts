/**
 * Names a shipped function may use without capturing them: the JS globals, plus the helpers the
 * worker puts in scope when it compiles a function (`__name`, which tsx/esbuild insert into
 * compiled TypeScript, and `__flint`, Flint's own runtime for its internal functions), and
 * PySpark's `TaskContext`, `BarrierTaskContext` and `SparkFiles`, which the worker defines on task threads.
 */
import { freeVariables } from './free-variables.js';

const RUNTIME_NAMES = new Set(['__name', '__flint', 'arguments', 'undefined', 'NaN', 'Infinity', 'globalThis', 'TaskContext', 'BarrierTaskContext', 'SparkFiles']);

let definedAtPrompt: (name: string) => boolean = () => false;

/**
 * For a REPL (flint shell): `var`s and functions typed at its prompt become properties of this
 * process's globalThis, but no worker has them, so they must not pass for globals.
 */
export function setPromptScope(isDefinedAtPrompt: (name: string) => boolean): void {
  definedAtPrompt = isDefinedAtPrompt;
}

export function isGlobalName(name: string): boolean {
  return RUNTIME_NAMES.has(name) || (name in globalThis && !definedAtPrompt(name));
}

/** The names an expression uses that are neither declared in it nor globals: they would be ReferenceErrors on a worker. */
export function unboundNames(expression: string): string[] {
  return freeVariables(expression).filter((name) => !isGlobalName(name));
}
