/** Worker-side functions of the narrow transformations (core runtime namespace, see runtime/registry.ts). */
import type { RuntimeFunctions } from '../runtime/registry.js';

type Pair = [unknown, unknown];

export const NARROW_RUNTIME = {
  identity: (x: unknown) => x,
  firstArgument: (a: unknown) => a,
  pairKey: (kv: Pair) => kv[0],
  pairValue: (kv: Pair) => kv[1],
  withNullValue: (x: unknown) => [x, null],
  glom: (records: Iterable<unknown>) => [[...records]],
  zipWithIndex: (split: number, records: Iterable<unknown>, env: { startIndices: number[] }) => {
    let index = env.startIndices[split];
    return [...records].map((r) => [r, index++]);
  },
  zipWithUniqueId: (split: number, records: Iterable<unknown>, env: { numPartitions: number }) => {
    let k = 0;
    return [...records].map((r) => [r, split + k++ * env.numPartitions]);
  },
} satisfies RuntimeFunctions;
