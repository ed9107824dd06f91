/**
 * References to Flint's own task functions (in `runtime/`), shipped by name rather than source:
 * every worker has the same runtime. Their env may hold user FnRefs, compiled on the worker.
 */
import { FnRef } from './fn-ref.js';
import type { RuntimeFunctionName } from '../runtime/registry.js';

export function runtimeFn(name: RuntimeFunctionName, env?: Record<string, unknown>): FnRef {
  return new FnRef(`runtime:${name}`, env, `${name} (Flint runtime)`);
}
