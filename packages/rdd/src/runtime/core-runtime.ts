/**
 * Flint's own task functions: the `core` runtime namespace, referenced by bare name
 * (`runtime:identity`). Each group lives beside the operations that use it (ops/*-runtime.ts);
 * importing this module registers them all.
 */
import type { FnRef } from '../fn/fn-ref.js';
import { CORE_NAMESPACE, registerRuntime, RuntimeNamespace } from './registry.js';
import { NARROW_RUNTIME } from '../ops/narrow-runtime.js';
import { SHUFFLE_RUNTIME } from '../ops/shuffle-runtime.js';
import { JOINS_RUNTIME } from '../ops/joins-runtime.js';
import { ACTIONS_RUNTIME } from '../ops/actions-runtime.js';
import { AGGREGATES_RUNTIME } from '../ops/aggregates-runtime.js';
import { NUMERIC_RUNTIME } from '../ops/numeric-runtime.js';
import { SAMPLING_RUNTIME } from '../ops/sampling-runtime.js';
import { BY_KEY_SAMPLING_RUNTIME } from '../ops/by-key-sampling-runtime.js';
import { APPROXIMATE_RUNTIME } from './hyper-log-log.js';

const PARTS = [
  NARROW_RUNTIME,
  SHUFFLE_RUNTIME,
  JOINS_RUNTIME,
  ACTIONS_RUNTIME,
  AGGREGATES_RUNTIME,
  NUMERIC_RUNTIME,
  SAMPLING_RUNTIME,
  BY_KEY_SAMPLING_RUNTIME,
  APPROXIMATE_RUNTIME,
] as const;
for (const part of PARTS) registerRuntime(CORE_NAMESPACE, part);

type CoreFunctions = typeof NARROW_RUNTIME &
  typeof SHUFFLE_RUNTIME &
  typeof JOINS_RUNTIME &
  typeof ACTIONS_RUNTIME &
  typeof AGGREGATES_RUNTIME &
  typeof NUMERIC_RUNTIME &
  typeof SAMPLING_RUNTIME &
  typeof BY_KEY_SAMPLING_RUNTIME &
  typeof APPROXIMATE_RUNTIME;

export type CoreRuntimeName = keyof CoreFunctions & string;

const CORE = new RuntimeNamespace<CoreFunctions>(CORE_NAMESPACE);

/** A reference to one of Flint's own task functions, with the env it will receive. */
export function runtimeFn(name: CoreRuntimeName, env?: Record<string, unknown>): FnRef {
  return CORE.ref(name, env);
}
