/**
 * Visits every record of a partition. Partition data may be an array, a generator, or the lazy
 * output of a fused pipeline; those that offer `forEach` are pushed through it, which avoids an
 * iterator result object per record on the hottest loops (combining, bucketing, collecting).
 */
type Pushable = Iterable<unknown> & { forEach?: (consumer: (record: unknown) => void) => void };

export function eachRecord<T>(records: Iterable<T>, consumer: (record: T) => void): void {
  const pushable = records as Pushable;
  if (typeof pushable.forEach === 'function' && !(records instanceof Map)) {
    pushable.forEach(consumer as (record: unknown) => void);
    return;
  }
  for (const record of records) consumer(record);
}

export function recordsToArray<T>(records: Iterable<T>): T[] {
  if (Array.isArray(records)) return records;
  const out: T[] = [];
  eachRecord(records, (record) => out.push(record));
  return out;
}
