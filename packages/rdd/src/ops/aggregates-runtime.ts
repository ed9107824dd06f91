/** Worker-side functions of the aggregating actions: per-partition reduce/aggregate, tree rounds, counts. */
import type { RuntimeFunctions } from '../runtime/registry.js';
import { keyIdentity } from '../keys/key-identity.js';
import { eachRecord, foldRecords } from '../runtime/each-record.js';

type Fn = (...args: unknown[]) => unknown;

export const AGGREGATES_RUNTIME = {
  reducePartition: (records: Iterable<unknown>, env: { f: Fn }) => foldRecords(records, env.f, []),
  aggregatePartition: (records: Iterable<unknown>, env: { zero: unknown; seqOp: Fn }) => foldRecords(records, env.seqOp, [structuredClone(env.zero)]),
  keyByPartitionModulo: (split: number, records: Iterable<unknown>, env: { modulo: number }) => {
    const key = split % env.modulo;
    return [...records].map((r) => [key, r]);
  },
  optionalReduce: (acc: unknown[], x: unknown, env: { f: Fn }) => (acc.length === 0 ? [x] : [env.f(acc[0], x)]),
  optionalMerge: (a: unknown[], b: unknown[], env: { f: Fn }) => (a.length === 0 ? b : b.length === 0 ? a : [env.f(a[0], b[0])]),
  countValues: (records: Iterable<unknown>) => {
    const counts = new Map<unknown, [unknown, number]>();
    eachRecord(records, (record) => {
      const id = keyIdentity(record);
      const entry = counts.get(id);
      if (entry) entry[1]++;
      else counts.set(id, [record, 1]);
    });
    return [...counts.values()];
  },
} satisfies RuntimeFunctions;
