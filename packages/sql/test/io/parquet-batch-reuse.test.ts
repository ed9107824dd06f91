/**
 * The Parquet scan's batches and the thread's column pool (io/column-pool.ts): a batch nobody
 * releases keeps its values while later row groups are read, a released batch's memory holds the
 * next row group's values (right ones, whatever it held before: nulls, another length), and the
 * pool's bookkeeping ignores what it does not own. The reference is the rows the file was written from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { runtimeFunction } from '@flint/rdd';
import { readParquetFooter } from '../../src/io/parquet/parquet-read.js';
import { releaseBatch, takeFloat64 } from '../../src/io/column-pool.js';
import type { ColumnBatch } from '../../src/io/column-batch.js';
import { StructType } from '../../src/types/index.js';
import '../../src/io/io-runtime.js';

const ROW_GROUP = 1000;
// Four full row groups and a short last one; nulls in the third row group's `n` only.
const ROWS = 4 * ROW_GROUP + 337;
const dir = mkdtempSync(join(tmpdir(), 'flint-batch-reuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = Array.from({ length: ROWS }, (_, i) => i * 3 - 700);
const n = ids.map((v, i) => (i >= 2 * ROW_GROUP && i < 3 * ROW_GROUP && i % 7 === 0 ? null : (Math.abs(v) * 7919) % 50));
const x = ids.map((v) => v / 4);
const tag = ids.map((v) => `t${Math.abs(v) % 9}`);
const reference = [ids, n, x, tag];

const path = join(dir, 'groups.parquet');
writeFileSync(
  path,
  new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: Int32Array.from(ids), type: 'INT32', nullable: false },
        { name: 'n', data: n, type: 'INT32' },
        { name: 'x', data: Float64Array.from(x), type: 'DOUBLE', nullable: false },
        { name: 'tag', data: tag, type: 'STRING' },
      ],
      rowGroupSize: ROW_GROUP,
    }),
  ),
);

type BatchReader = (task: Iterable<unknown[]>, env: Record<string, unknown>) => Iterable<ColumnBatch>;

/** The scan's batches of every row group of the file, as a task reads a split of the whole file. */
function batches(): Iterable<ColumnBatch> {
  const footer = readParquetFooter(path);
  const rowGroups = footer.metadata.row_groups.map((_, index) => index);
  const read = runtimeFunction('sql.readParquetRowGroupBatches') as unknown as BatchReader;
  return read([[{ path, start: 0, length: footer.size, rowGroups }]], { schema: (footer.schema as StructType).json(), options: {} });
}

/** A batch's rows as values (dictionary codes looked up), column by column. */
function valuesOf(batch: ColumnBatch): unknown[][] {
  return batch.columns.map((column, c) => {
    const dictionary = batch.dictionaries?.[c];
    return Array.from({ length: batch.length }, (_, r) => (dictionary === undefined ? column[r] : dictionary[column[r] as number]));
  });
}

/** The reference's rows [start, start + length), column by column. */
const expectedRows = (start: number, length: number) => reference.map((column) => column.slice(start, start + length));

describe('Parquet scan batches and the column pool', () => {
  it('keeps every batch nobody releases as it was while the next row groups are read', () => {
    const kept = [...batches()];
    expect(kept.map((b) => b.length)).toEqual([ROW_GROUP, ROW_GROUP, ROW_GROUP, ROW_GROUP, 337]);
    kept.forEach((batch, g) => expect(valuesOf(batch)).toEqual(expectedRows(g * ROW_GROUP, batch.length)));
  });

  it('decodes each row group into the memory of the batch released before it, with the right values', () => {
    let start = 0;
    let released: ArrayBufferLike[] = [];
    const reused: number[][] = [];
    for (const batch of batches()) {
      expect(valuesOf(batch)).toEqual(expectedRows(start, batch.length));
      reused.push(batch.columns.flatMap((column, c) => (ArrayBuffer.isView(column) && released.includes(column.buffer) ? [c] : [])));
      start += batch.length;
      released = batch.columns.flatMap((column) => (ArrayBuffer.isView(column) ? [column.buffer] : []));
      releaseBatch(batch);
    }
    expect(start).toBe(ROWS);
    // Four typed columns (n is an array where it has nulls): each full row group after the first
    // takes at least three of the buffers the batch before released.
    expect(reused.slice(1, 4).map((columns) => columns.length >= 3)).toEqual([true, true, true]);
  });

  it('ignores a batch released twice and one whose columns are not the pool\'s', () => {
    const foreignColumns = [Float64Array.of(1, 2, 3), takeFloat64(3)];
    const foreign: ColumnBatch = { length: 3, columns: foreignColumns };
    releaseBatch(foreign);
    const [first, second] = batches();
    releaseBatch(first);
    releaseBatch(first);
    const next = [...batches()];
    const buffersOf = (b: ColumnBatch) => b.columns.flatMap((column) => (ArrayBuffer.isView(column) ? [column.buffer] : []));
    // No two columns of the batches read after the double release share memory.
    const all = [...buffersOf(second), ...next.flatMap(buffersOf)];
    expect(new Set(all).size).toBe(all.length);
    for (const column of foreignColumns) expect(all).not.toContain(column.buffer);
    next.forEach((batch, g) => expect(valuesOf(batch)).toEqual(expectedRows(g * ROW_GROUP, batch.length)));
  });
});
