/**
 * The functions a session registered (`fc.udf.register`), which SQL text may call by name after
 * the built-in ones (Spark's search path: `system`.`builtin`, then `system`.`session`). Analysis
 * is synchronous, so the session analyzing a plan makes its functions the ones in force meanwhile,
 * as Spark's analyzer reads the active session's function registry.
 */
import type { UdfRef } from '../expr/expression.js';

let inForce: ReadonlyMap<string, UdfRef> | undefined;

export function withSessionFunctions<T>(functions: ReadonlyMap<string, UdfRef>, analyze: () => T): T {
  const outer = inForce;
  inForce = functions;
  try {
    return analyze();
  } finally {
    inForce = outer;
  }
}

export function sessionFunction(name: string): UdfRef | undefined {
  return inForce?.get(name.toLowerCase());
}
