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

/**
 * The key of a fold method on records that can fold themselves faster than record by record
 * through a consumer closure (a fused chain's output folds inside its generated loop).
 */
export const FOLD_RECORDS = Symbol('flint.foldRecords');

/** acc = f(acc, record) over the records, from start[0] or, if start is [], from the first record: [acc], or [] if there was none. */
export type FoldRecords = (f: (acc: unknown, record: unknown) => unknown, start: [] | [unknown]) => [] | [unknown];

export function foldRecords<A>(records: Iterable<unknown>, f: (acc: A, record: unknown) => A, start: [] | [A]): [] | [A] {
  const foldable = records as { [FOLD_RECORDS]?: FoldRecords };
  if (typeof foldable[FOLD_RECORDS] === 'function') return foldable[FOLD_RECORDS](f as (acc: unknown, record: unknown) => unknown, start) as [] | [A];
  let empty = start.length === 0;
  let acc = start[0] as A;
  eachRecord(records, (record) => {
    acc = empty ? (record as A) : f(acc, record);
    empty = false;
  });
  return empty ? [] : [acc];
}

export function recordsToArray<T>(records: Iterable<T>): T[] {
  if (Array.isArray(records)) return records;
  const out: T[] = [];
  eachRecord(records, (record) => out.push(record));
  return out;
}
