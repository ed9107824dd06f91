/**
 * The memory of a thread's typed scan columns, reused from batch to batch. A Parquet row group's
 * columns are tens of megabytes; fresh each time, their pages were first touched (faulted in and
 * zeroed by the kernel) for every row group, which cost as much as decoding them. A reader takes
 * its columns here (takeInt32/takeFloat64) and marks a batch as made of them (ownColumns); the
 * consumer of the batch hands it back with releaseBatch once it has read every row and keeps
 * nothing of it: a generated row loop does (physical/pipeline.ts, through io-runtime.ts's runtime
 * function); a join's bulk build, which keeps views of the columns, does not. A batch nobody
 * releases keeps its memory, so reuse is the consumer's choice and the default is always safe.
 */
import type { ColumnBatch } from './column-batch.js';

/** Memory and buffers this pool keeps for the thread at most; beyond them released columns go to the garbage collector. */
const POOL_BYTES = 256 * 1024 * 1024;
const POOL_BUFFERS = 64;

const free: ArrayBuffer[] = [];
let freeBytes = 0;
/** Buffers handed out by take, until a batch owns them. */
const taken = new WeakSet<ArrayBuffer>();
/** The buffers each batch owns, until it is released. */
const owned = new WeakMap<ColumnBatch, ArrayBuffer[]>();

/**
 * A buffer of at least `bytes`: the smallest free one that fits and is not over twice as large
 * (a sort's sample of a row group is followed by the whole row group), else a new one with room
 * for a slightly longer row group. Its memory is not zeroed (Buffer.allocUnsafeSlow's): the
 * builders write every element they hand over before it is read.
 */
function take(bytes: number): ArrayBuffer {
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    const size = free[i].byteLength;
    if (size >= bytes && size <= 2 * bytes && (best < 0 || size < free[best].byteLength)) best = i;
  }
  const buffer = best >= 0 ? free.splice(best, 1)[0] : (Buffer.allocUnsafeSlow(bytes + (bytes >> 4)).buffer as ArrayBuffer);
  if (best >= 0) freeBytes -= buffer.byteLength;
  // allocUnsafeSlow's buffer is an ArrayBuffer of its own (not a slice of a shared pool's).
  taken.add(buffer);
  return buffer;
}

/** An Int32Array of `length` elements whose contents are undefined (every element must be written before it is read). */
export function takeInt32(length: number): Int32Array {
  return new Int32Array(take(length * 4), 0, length);
}

/** A Float64Array of `length` elements whose contents are undefined (every element must be written before it is read). */
export function takeFloat64(length: number): Float64Array {
  return new Float64Array(take(length * 8), 0, length);
}

/** Marks the batch's columns that came from take as its own: releaseBatch returns them to the pool. */
export function ownColumns(batch: ColumnBatch): void {
  const buffers: ArrayBuffer[] = [];
  for (const column of batch.columns) {
    if (!ArrayBuffer.isView(column) || !taken.has(column.buffer as ArrayBuffer)) continue;
    taken.delete(column.buffer as ArrayBuffer);
    buffers.push(column.buffer as ArrayBuffer);
  }
  if (buffers.length > 0) owned.set(batch, buffers);
}

/**
 * Hands a batch back: the columns it owns may hold the next batch's values from now on. Only for
 * a consumer that has read all of the batch's rows and keeps no reference to its columns; a
 * batch of another reader, or one already released, is left alone.
 */
export function releaseBatch(batch: ColumnBatch): void {
  const buffers = owned.get(batch);
  if (buffers === undefined) return;
  owned.delete(batch);
  for (const buffer of buffers) {
    if (free.length >= POOL_BUFFERS || freeBytes + buffer.byteLength > POOL_BYTES) continue;
    free.push(buffer);
    freeBytes += buffer.byteLength;
  }
}
