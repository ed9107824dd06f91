/**
 * What a shuffled join's shuffle carries: each map task sends one batch per reduce partition,
 * `[partition, [side, keys, columns]]`, the rows' join keys and carried columns as columns
 * (numbers as Float64Arrays, typed-columns.ts), instead of a `[key, [side, row]]` record per row:
 * encoding, decoding and garbage collection then cost per batch, not per row (TPC-H q03 at SF 1
 * shuffles 3.4M lineitem rows). A streaming join's reduce side probes with the streamed rows
 * where they stand in their batches (join.ts streamRows); the rest reads the batches back as
 * those per-row records (`joinRecords`), the shape the join's hash tables and spill buckets keep.
 */
import { registerRuntime } from '@flint/rdd';
import { plainColumn, type JoinColumn } from './join-columns.js';

export type JoinBatch = [side: 0 | 1, keys: ArrayLike<unknown>, columns: JoinColumn[]];

/** The rows of a reduce partition's join batches as `[key, [side, row]]` records, in order. */
export function* joinRecords(batches: Iterable<unknown>): Generator<[unknown, [0 | 1, unknown[]]]> {
  for (const record of batches as Iterable<[number, JoinBatch]>) {
    const [side, keys, packed] = record[1];
    const columns = packed.map(plainColumn);
    const width = columns.length;
    for (let i = 0; i < keys.length; i++) {
      const row = new Array<unknown>(width);
      for (let c = 0; c < width; c++) row[c] = columns[c][i];
      yield [keys[i], [side, row]];
    }
  }
}

/** Generated join code reads its shuffled records through `env.joinRecords(input)`. */
export const JOIN_BATCH_RUNTIME = registerRuntime('sql', { joinRecords });
