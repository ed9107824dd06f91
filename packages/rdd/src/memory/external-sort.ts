/**
 * Sorting within a task's memory budget (Spark's UnsafeExternalSorter, small): records are
 * buffered while their estimated size fits the budget; past it, the buffer is sorted and written
 * to the task's spill store as a run, and the buffer starts again. At the end the runs and the
 * last buffer are merged k ways with a binary heap, reading each run back a frame at a time.
 * Stable: equal records keep their input order (runs merge in the order they were written).
 */
import type { SpillFile, TaskMemory } from './task-memory.js';
import { SampledSize } from './size-estimate.js';

type Compare<T> = (a: T, b: T) => number;

/** The records in `compare` order; spills sorted runs when the buffer outgrows `memory` (if given). */
export function sortWithinBudget<T>(records: Iterable<T>, compare: Compare<T>, memory: TaskMemory | undefined): Iterable<T> {
  if (memory === undefined) return [...records].sort(compare);
  const runs: SpillFile[] = [];
  let buffer: T[] = [];
  const size = new SampledSize();
  for (const record of records) {
    buffer.push(record);
    if (size.add(record) > memory.budgetBytes && buffer.length > 1) {
      runs.push(memory.spill.write(buffer.sort(compare), size.bytes));
      buffer = [];
      size.reset();
    }
  }
  buffer.sort(compare);
  return runs.length === 0 ? buffer : mergeRuns([...runs.map((run) => ({ records: run.read(), file: run })), { records: buffer, file: undefined }], compare);
}

interface Cursor<T> {
  readonly iterator: Iterator<T>;
  readonly run: number;
  head: T;
}

/** The records of sorted spilled runs in `compare` order (equal records in run order); deletes the files once read. */
export function mergeSpilledRuns<T>(runs: readonly SpillFile[], compare: Compare<T>): Iterable<T> {
  return mergeRuns(runs.map((run) => ({ records: run.read(), file: run })), compare);
}

/** Merges sorted sequences; deletes their spill files once read (or when the consumer stops early). */
function* mergeRuns<T>(runs: { records: Iterable<unknown>; file: SpillFile | undefined }[], compare: Compare<T>): Generator<T> {
  const before = (a: Cursor<T>, b: Cursor<T>) => {
    const c = compare(a.head, b.head);
    return c < 0 || (c === 0 && a.run < b.run);
  };
  const heap: Cursor<T>[] = [];
  try {
    runs.forEach((run, index) => {
      const iterator = (run.records as Iterable<T>)[Symbol.iterator]();
      const first = iterator.next();
      if (!first.done) pushHeap(heap, { iterator, run: index, head: first.value }, before);
    });
    while (heap.length > 0) {
      const top = heap[0];
      yield top.head;
      const next = top.iterator.next();
      if (next.done) {
        const last = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = last;
          siftDown(heap, 0, before);
        }
      } else {
        top.head = next.value;
        siftDown(heap, 0, before);
      }
    }
  } finally {
    for (const run of runs) run.file?.delete();
  }
}

function pushHeap<T>(heap: T[], item: T, before: (a: T, b: T) => boolean): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown<T>(heap: T[], start: number, before: (a: T, b: T) => boolean): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let best = i;
    if (left < heap.length && before(heap[left], heap[best])) best = left;
    if (right < heap.length && before(heap[right], heap[best])) best = right;
    if (best === i) return;
    [heap[i], heap[best]] = [heap[best], heap[i]];
    i = best;
  }
}
