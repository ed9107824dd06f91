/**
 * Helper functions in a captured env — `capture({ parseAmount }, (x, { parseAmount }) => ...)` —
 * travel as source, as the function they are captured for does: each becomes a FnRef, which the
 * worker compiles when it decodes the env (msgpack would otherwise encode a function as an empty
 * object, and the call would fail on the worker).
 *
 * A helper is checked as a user function is, when the RDD is built. It may call the other helper
 * functions of the same env by their env names (they are compiled together, in one scope, under
 * those names, which also keeps an arrow function's `name`), and use JS globals; anything else is
 * an error naming it. A helper that needs values is itself a `capture(...)`, with an env of its own.
 */
import { Captured } from './capture.js';
import { FnRef } from './fn-ref.js';
import { functionSource } from './function-source.js';
import { recordOrigins } from './function-origin.js';
import { unboundNames } from './globals.js';

/** Where the env is captured, for error messages: `map()` and `map at job.ts:3:5`. */
export interface CaptureSite {
  readonly operation: string;
  readonly site: string;
}

/** The env with each function (or captured function) in it replaced by a FnRef. */
export function shippableEnv(env: Record<string, unknown>, where: CaptureSite): Record<string, unknown> {
  const sources = helperSources(env);
  if (sources.size === 0 && !Object.values(env).some((value) => value instanceof Captured)) return env;
  const shipped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value instanceof Captured) shipped[name] = capturedHelper(name, value, where);
    else if (typeof value === 'function') shipped[name] = plainHelper(name, env, sources, where);
    else shipped[name] = value;
  }
  return shipped;
}

/** The source expressions of the env's plain helper functions (builtins such as Number ship by name). */
function helperSources(env: Record<string, unknown>): Map<string, string> {
  const sources = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'function') continue;
    const source = functionSource(value);
    if (source.kind === 'expression') sources.set(name, source.expression);
  }
  return sources;
}

function plainHelper(name: string, env: Record<string, unknown>, sources: Map<string, string>, where: CaptureSite): FnRef {
  if (!sources.has(name)) return new FnRef(`builtin:${(functionSource(env[name] as Function) as { name: string }).name}`, undefined, helperSite(name, where));
  const scope = helpersReachableFrom(name, sources, where);
  const declarations = scope.map((helper) => `const ${helper} = ${sources.get(helper)};`).join('\n');
  const source = `(() => {\n${declarations}\nreturn ${name};\n})()`;
  recordOrigins(helperSite(name, where), source, scope.map((helper) => env[helper] as Function));
  return new FnRef(source, undefined, helperSite(name, where));
}

function capturedHelper(name: string, captured: Captured, where: CaptureSite): FnRef {
  const source = functionSource(captured.fn);
  const env = shippableEnv(captured.env, where);
  if (source.kind === 'builtin') return new FnRef(`builtin:${source.name}`, env, helperSite(name, where));
  requireNoFreeNames(name, unboundNames(source.expression), where);
  recordOrigins(helperSite(name, where), source.expression, [captured.fn]);
  return new FnRef(source.expression, env, helperSite(name, where));
}

/** `name` and every sibling helper it calls, directly or through another helper. */
function helpersReachableFrom(name: string, sources: Map<string, string>, where: CaptureSite): string[] {
  const reached = new Set<string>();
  const visit = (helper: string): void => {
    if (reached.has(helper)) return;
    reached.add(helper);
    const free = unboundNames(sources.get(helper)!);
    requireNoFreeNames(helper, free.filter((used) => !sources.has(used)), where);
    for (const used of free) visit(used);
  };
  visit(name);
  return [...reached];
}

function requireNoFreeNames(helper: string, free: string[], where: CaptureSite): void {
  if (free.length === 0) return;
  const names = free.map((n) => `'${n}'`).join(', ');
  throw new ReferenceError(
    `The helper function '${helper}' captured for ${where.operation}() uses ${names} from its enclosing scope (${where.site}). ` +
      `Helpers run on workers and see only JS globals and the other functions captured with them: add a function to the ` +
      `same capture (capture({ ${helper}, ${free.join(', ')} }, ...)), or give the helper its values with capture(env, fn) of its own`,
  );
}

function helperSite(name: string, where: CaptureSite): string {
  return `${name} (helper of ${where.site})`;
}
