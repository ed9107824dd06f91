/** Worker-side functions of the actions: counting, taking, foreach, lookup. */
import type { RuntimeFunctions } from '../runtime/registry.js';
import { compareKeys } from '../keys/compare-keys.js';
import { keyIdentity } from '../keys/key-identity.js';
import { eachRecord } from '../runtime/each-record.js';

type Pair = [unknown, unknown];
type Fn = (...args: unknown[]) => unknown;

function takeOrderedPartition(records: Iterable<unknown>, env: { num: number; key?: Fn; reverse: boolean }): unknown[] {
  const keyOf = env.key ?? ((x: unknown) => x);
  const sign = env.reverse ? -1 : 1;
  return [...records]
    .map((record) => ({ record, key: keyOf(record) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key))
    .slice(0, env.num)
    .map((entry) => entry.record);
}

export const ACTIONS_RUNTIME = {
  countPartition: (records: Iterable<unknown>) => {
    if (Array.isArray(records)) return [records.length];
    let n = 0;
    eachRecord(records, () => {
      n++;
    });
    return [n];
  },
  takePartition: (records: Iterable<unknown>, env: { num: number }) => {
    const out: unknown[] = [];
    if (env.num <= 0) return out;
    for (const record of records) if (out.push(record) >= env.num) break;
    return out;
  },
  takeOrderedPartition,
  foreachRecord: async (records: Iterable<unknown>, env: { f: Fn }) => {
    for (const record of records) {
      const result = env.f(record);
      if (result instanceof Promise) await result;
    }
    return [];
  },
  foreachPartitionCall: async (records: Iterable<unknown>, env: { f: Fn }) => {
    await env.f(records);
    return [];
  },
  /** `keyId` is the looked-up key's identity, computed once on the driver rather than per record. */
  hasKey: (kv: Pair, env: { keyId: unknown }) => keyIdentity(kv[0]) === env.keyId,
} satisfies RuntimeFunctions;
