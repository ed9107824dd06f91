/**
 * The reduce side of the columnar range sort (range-sort.ts), run on workers: the partition's
 * column batches are concatenated and an index array is sorted, so no object per row is kept
 * while sorting; rows are built only as they are yielded. Keys that are all numbers (no nulls)
 * are radix sorted (radix-order.ts); others go through the comparator generated for the order.
 * Past the task's memory budget, each budget's worth of batches is sorted so and spilled as a run
 * of [key, row] records, and the runs are merged (the RDD layer's mergeSpilledRuns).
 */
import { TaskContext, estimateSize, mergeSpilledRuns, registerRuntime, type SpillFile, type TaskMemory } from '@flint/rdd';
import { RADIX_ORDER_WORKS, radixSort } from './radix-order.js';
import { concatColumns } from './typed-columns.js';

/** A batch's columns: plain arrays, or Float64Arrays for columns of numbers (a ColumnBuilder's column()). */
type Columns = ArrayLike<unknown>[];
type Order = (a: unknown, b: unknown) => number;
/** Batches concatenated within the budget, and the batch that did not fit. */
interface Gathered {
  columns: Columns;
  bytes: number;
  overflow?: Columns;
}

export interface SortBatchesEnv {
  /** Columns of an output row. */
  readonly outputWidth: number;
  /** The output position of each of a batch's first columns (computed keys follow them); the other positions are null. */
  readonly carried: readonly number[];
  /** The batch column of each sort key. */
  readonly keyColumns: readonly number[];
  /** Per sort key: whether it is descending (for the radix order; nulls never reach it). */
  readonly descending: readonly boolean[];
  /** From the key columns, the order of two row positions. */
  readonly indexOrder: (keys: readonly ArrayLike<unknown>[]) => (i: number, j: number) => number;
  /** The order of two keys (a value, or an array of values for several sort columns). */
  readonly keyOrder: Order;
}

/** The partition's rows in sort order, sorted when first iterated. */
function sortBatches(records: Iterable<[number, Columns]>, env: SortBatchesEnv): Iterable<unknown[]> {
  return { [Symbol.iterator]: () => sortedRows(records, env) };
}

function sortedRows(records: Iterable<[number, Columns]>, env: SortBatchesEnv): Iterator<unknown[]> {
  const memory = TaskContext.get()?.taskMemory();
  const iterator = records[Symbol.iterator]();
  const gathered = gatherWithinBudget(iterator, memory);
  if (gathered.overflow === undefined || memory === undefined) return inIndexOrder(gathered.columns, env);
  return mergedRuns(iterator, gathered, memory, env);
}

/**
 * Past the budget: each budget's worth of batches is sorted as columns and written as a run of
 * [key, row] records, and the runs are merged (only the batches being sorted are in memory).
 */
function* mergedRuns(iterator: Iterator<[number, Columns]>, first: Gathered, memory: TaskMemory, env: SortBatchesEnv): Generator<unknown[]> {
  const runs: SpillFile[] = [];
  for (let gathered = first; ; gathered = gatherWithinBudget(iterator, memory, gathered.overflow)) {
    runs.push(memory.spill.write(keyedInIndexOrder(gathered.columns, env), gathered.bytes));
    if (gathered.overflow === undefined) break;
  }
  for (const record of mergeSpilledRuns<[unknown, unknown[]]>(runs, (a, b) => env.keyOrder(a[0], b[0]))) yield record[1];
}

/**
 * Appends the batches (`first`, then the iterator's) to one set of columns while they fit the
 * budget; `overflow` is the batch that did not (the rest stay in `iterator`). `first` is always taken.
 */
function gatherWithinBudget(iterator: Iterator<[number, Columns]>, memory: TaskMemory | undefined, first?: Columns): Gathered {
  const parts: Columns[] = first === undefined ? [] : [first];
  let bytes = first === undefined ? 0 : batchBytes(first);
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const batch = next.value[1];
    const more = batchBytes(batch);
    if (memory !== undefined && bytes + more > memory.budgetBytes && parts.length > 0) return { columns: concatenated(parts), bytes, overflow: batch };
    parts.push(batch);
    bytes += more;
  }
  return { columns: concatenated(parts), bytes };
}

/** The batches' columns end to end (a Float64Array where every batch has one). */
function concatenated(batches: readonly Columns[]): Columns {
  return batches.length === 0 ? [] : batches[0].map((_, c) => concatColumns(batches.map((batch) => batch[c])));
}

/** Row `i` of the batch columns as an output row (null where a column was not carried). */
function rowAt(columns: Columns, i: number, env: SortBatchesEnv): unknown[] {
  const { carried } = env;
  const row = new Array<unknown>(env.outputWidth).fill(null);
  for (let c = 0; c < carried.length; c++) row[carried[c]] = columns[c][i];
  return row;
}

/**
 * Bytes a batch holds: a typed column its elements' bytes (8 a double), a column of values a
 * slot each plus their size, estimated from a few of its rows.
 */
function batchBytes(batch: Columns): number {
  let bytes = 0;
  for (const column of batch) bytes += ArrayBuffer.isView(column) ? column.byteLength : sampledColumnBytes(column);
  return bytes;
}

function sampledColumnBytes(column: ArrayLike<unknown>): number {
  const count = column.length;
  const sampled = Math.min(count, 8);
  let bytes = 0;
  for (let s = 0; s < sampled; s++) bytes += 8 + estimateSize(column[Math.floor((s * count) / sampled)]);
  return sampled === 0 ? 0 : (bytes / sampled) * count;
}

/** The rows in sorted order, through a plain iterator (a generator costs a resumption per row). */
function inIndexOrder(columns: Columns, env: SortBatchesEnv): Iterator<unknown[]> {
  const count = columns.length === 0 ? 0 : columns[0].length;
  const sorted = sortedColumns(columns, env.carried.map((_, c) => c), env);
  let n = 0;
  return { next: () => (n < count ? { done: false, value: rowAt(sorted, n++, env) } : { done: true, value: undefined }) };
}

/** The rows as [key, row] records in sorted order (a spilled run). */
function* keyedInIndexOrder(columns: Columns, env: SortBatchesEnv): Generator<[unknown, unknown[]]> {
  const count = columns.length === 0 ? 0 : columns[0].length;
  const { keyColumns } = env;
  const sorted = sortedColumns(columns, [...new Set([...env.carried.map((_, c) => c), ...keyColumns])], env);
  for (let n = 0; n < count; n++) {
    const key = keyColumns.length === 1 ? sorted[keyColumns[0]][n] : keyColumns.map((c) => sorted[c][n]);
    yield [key, rowAt(sorted, n, env)];
  }
}

/**
 * The batch columns at positions `wanted` in sort order (the other positions empty), so rows are
 * then read in order. Under the radix order the columns of numbers move along with the row
 * positions in every pass (the batch's own arrays serve as its scratch space); the others, and
 * all under the comparator, are gathered through the sorted positions.
 */
function sortedColumns(columns: Columns, wanted: readonly number[], env: SortBatchesEnv): Columns {
  const count = columns.length === 0 ? 0 : columns[0].length;
  const sorted: Columns = new Array(columns.length).fill([]);
  if (count === 0) return sorted;
  const keys = env.keyColumns.map((c) => numericOrAsIs(columns[c]));
  let index: ArrayLike<number> | undefined;
  const moved = new Set<number>();
  if (RADIX_ORDER_WORKS && keys.every((k) => k instanceof Float64Array)) {
    const typed = wanted.filter((c) => columns[c] instanceof Float64Array);
    const result = radixSort(keys as Float64Array[], env.descending, typed.map((c) => columns[c] as Float64Array), typed.length < wanted.length);
    typed.forEach((c, i) => {
      sorted[c] = result.payloads[i];
      moved.add(c);
    });
    index = result.index;
  } else index = comparedOrder(keys, count, env);
  for (const c of wanted) if (!moved.has(c)) sorted[c] = gathered(columns[c], index!);
  return sorted;
}

/** The column's values at the sorted positions, in one tight loop (the processor overlaps its reads at random positions). */
function gathered(column: ArrayLike<unknown>, index: ArrayLike<number>): ArrayLike<unknown> {
  const count = index.length;
  const out = new Array<unknown>(count);
  for (let n = 0; n < count; n++) out[n] = column[index[n]];
  return out;
}

function comparedOrder(keys: ArrayLike<unknown>[], count: number, env: SortBatchesEnv): Uint32Array {
  const index = new Uint32Array(count);
  for (let i = 0; i < count; i++) index[i] = i;
  return index.sort(env.indexOrder(keys));
}

/** A Float64Array of a column of numbers (no nulls): the comparator reads it without checking each value's type. */
function numericOrAsIs(column: ArrayLike<unknown>): ArrayLike<unknown> {
  if (column instanceof Float64Array) return column;
  for (let i = 0; i < column.length; i++) if (typeof column[i] !== 'number') return column;
  return Float64Array.from(column as ArrayLike<number>);
}

export const SORT_RUNTIME = registerRuntime('sql', { sortBatches });
