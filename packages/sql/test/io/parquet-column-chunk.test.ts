import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetReadObjects, type SchemaElement } from 'hyparquet';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { cachedParquetFooter, readParquetFooter, readRowGroupColumns, readRowGroupRows } from '../../src/io/parquet/parquet-read.js';
import { UNREAD_COLUMN } from '../../src/io/column-batch.js';
import { ENGINE_PARSERS, type DictionaryColumn, type EngineColumn } from '../../src/io/parquet/column-chunk.js';

const ROWS = 5000;
const dir = mkdtempSync(join(tmpdir(), 'flint-parquet-chunk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes columns with hyparquet-writer in small pages, so a row group spans many of them. */
function writeFile(name: string, columns: ColumnSource[], rowGroupSize = ROWS, schema?: SchemaElement[]): string {
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData: columns, rowGroupSize, pageSize: 2048, schema })));
  return path;
}

/** The reference: hyparquet's own row reader, its values in the engine's form (bigints as numbers). */
async function referenceColumns(path: string, names: string[]): Promise<unknown[][]> {
  const { asyncBufferFromFile } = await import('hyparquet');
  const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path), parsers: ENGINE_PARSERS });
  return names.map((name) => rows.map((row) => (typeof row[name] === 'bigint' ? Number(row[name]) : row[name] ?? null)));
}

const ints = Array.from({ length: ROWS }, (_, i) => (i * 7919) % 1000);
// Nulls only in the last rows: the first pages have none, so the column starts typed and must turn into an array.
const lateNulls = ints.map((v, i) => (i >= ROWS - 300 && i % 3 === 0 ? null : v));
const doubles = ints.map((v, i) => v / 8 - i);
const longs = ints.map((v, i) => BigInt(v) * 9_000_000_000n - BigInt(i));
const strings = ints.map((v, i) => (i % 11 === 0 ? null : `s${v % 13}`));
const flags = ints.map((v) => v % 2 === 0);

describe('Parquet column chunks decoded into the engine form', () => {
  it('keeps every long exact over many pages once one past 2^53 turned the column plain', () => {
    // The first page holds 2^60 + 1 (no double holds it): the later pages are appended to a plain array.
    const big = longs.map((v, i) => (i === 3 ? 2n ** 60n + 1n : v));
    const path = writeFile('big-longs.parquet', [{ name: 'big', data: big, type: 'INT64', nullable: false }]);
    expect(readParquetFooter(path).metadata.row_groups[0].columns[0].meta_data!.encoding_stats?.length ?? 0).toBeGreaterThan(0);
    const [column] = readRowGroupColumns(path, readParquetFooter(path), 0);
    expect(Array.isArray(column)).toBe(true);
    expect(Array.from(column)).toEqual(big.map((v) => (v === 2n ** 60n + 1n ? v : Number(v))));
  });

  it('gives the values of hyparquet\'s row reader over many pages, plain and dictionary-encoded, with and without nulls', async () => {
    const path = writeFile('mixed.parquet', [
      { name: 'n', data: Int32Array.from(ints), type: 'INT32', nullable: false },
      { name: 'late', data: lateNulls, type: 'INT32' },
      { name: 'd', data: Float64Array.from(doubles), type: 'DOUBLE' },
      { name: 'l', data: longs, type: 'INT64' },
      { name: 's', data: strings, type: 'STRING' },
      { name: 'b', data: flags, type: 'BOOLEAN' },
      // Nulls in the middle: the pages after them append converted longs to an array.
      { name: 'ml', data: longs.map((v, i) => (i >= 2000 && i < 2100 && i % 3 === 0 ? null : v)), type: 'INT64' },
    ]);
    const footer = readParquetFooter(path);
    const pages = footer.metadata.row_groups[0].columns.map((c) => c.meta_data!.encoding_stats?.length ?? 0);
    expect(Math.min(...pages)).toBeGreaterThan(0);
    const columns = readRowGroupColumns(path, footer, 0);
    const reference = await referenceColumns(path, ['n', 'late', 'd', 'l', 's', 'b', 'ml']);
    expect(columns.map((c) => Array.from(c))).toEqual(reference);
    expect(reference[1].filter((v) => v === null).length).toBe(100);
    expect(reference[6].filter((v) => v === null).length).toBe(33);
    // Numbers without nulls stay in typed arrays; a column with a null is an array.
    expect(columns.map((c) => c.constructor.name)).toEqual(['Int32Array', 'Array', 'Float64Array', 'Float64Array', 'Array', 'Array', 'Array']);
  });

  it.each(['SNAPPY', 'UNCOMPRESSED'] as const)('reads one row group of several, only the columns asked for; a later read leaves it intact (%s)', (codec) => {
    const path = writeFile(`groups-${codec}.parquet`, [
      { name: 'a', data: Int32Array.from(ints), type: 'INT32', codec },
      { name: 'b', data: Float64Array.from(doubles), type: 'DOUBLE', codec },
      { name: 'c', data: longs, type: 'INT64', codec },
    ], 1000);
    const footer = readParquetFooter(path);
    expect(footer.metadata.row_groups).toHaveLength(5);
    const third = readRowGroupColumns(path, footer, 3, [1, 2]);
    const fourth = readRowGroupColumns(path, footer, 4, [0, 1, 2]);
    const rows = (column: ArrayLike<unknown>) => Array.from({ length: 1000 }, (_, r) => column[r]);
    expect(third[0]).toBe(UNREAD_COLUMN);
    // As rows, a column not read is null.
    expect(readRowGroupRows(path, footer, 3, [1, 2]).slice(0, 2)).toEqual([0, 1].map((r) => [null, doubles[3000 + r], Number(longs[3000 + r])]));
    expect(rows(third[1])).toEqual(doubles.slice(3000, 4000));
    expect(rows(third[2])).toEqual(longs.slice(3000, 4000).map(Number));
    expect(rows(fourth[0])).toEqual(ints.slice(4000, 5000));
    expect(rows(fourth[1])).toEqual(doubles.slice(4000, 5000));
  });

  it('keeps dictionary-encoded strings as codes into their dictionary when asked, nulls included; other columns as values', async () => {
    const uniques = ints.map((_, i) => `row ${i}`);
    const path = writeFile('strings.parquet', [
      { name: 's', data: strings, type: 'STRING' },
      { name: 'u', data: uniques, type: 'STRING' },
      { name: 'n', data: Int32Array.from(ints), type: 'INT32', nullable: false },
    ]);
    const footer = readParquetFooter(path);
    const [s, u, n] = readRowGroupColumns(path, footer, 0, undefined, undefined, true);
    const values = (c: EngineColumn | DictionaryColumn) => ('codes' in c ? Array.from(c.codes, (code) => c.dictionary[code]) : Array.from(c));
    expect('codes' in s && s.codes).toBeInstanceOf(Int32Array);
    expect((s as DictionaryColumn).dictionary.length).toBe(14); // s0..s12 and null
    expect(values(s)).toEqual(strings);
    expect(values(u)).toEqual(uniques);
    expect(n).toBeInstanceOf(Int32Array);
    expect(values(n)).toEqual(ints);
    // Without asking, the same column comes as values.
    expect(readRowGroupColumns(path, footer, 0, [0])[0]).toEqual(strings);
  });

  it.each([2048, 1 << 20])('decodes only a row group\'s first rows when asked (pages of %i bytes), nulls and dictionaries included', (pageSize) => {
    const path = join(dir, `first-rows-${pageSize}.parquet`);
    const columns: ColumnSource[] = [
      { name: 'late', data: lateNulls, type: 'INT32' },
      { name: 'd', data: Float64Array.from(doubles), type: 'DOUBLE' },
      { name: 's', data: strings, type: 'STRING' },
      { name: 'b', data: flags, type: 'BOOLEAN' },
    ];
    writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData: columns, rowGroupSize: ROWS, pageSize })));
    const footer = readParquetFooter(path);
    const values = (c: EngineColumn | DictionaryColumn) => ('codes' in c ? Array.from(c.codes, (code) => c.dictionary[code]) : Array.from(c));
    // 4800 rows reach past the first nulls of `late` (row 4700 on).
    for (const rows of [1, 777, 4800, ROWS]) {
      const first = readRowGroupColumns(path, footer, 0, undefined, undefined, true, rows);
      expect(first.map(values)).toEqual([lateNulls, doubles, strings, flags].map((column) => column.slice(0, rows)));
    }
  });

  it('reads binary values as bytes, and keeps a row group\'s while the next row groups are read; text and numbers are copies', () => {
    // Binary values stay views of the chunk's bytes: those must not be a buffer the next chunk is read into.
    const blobs = ints.map((v, i) => Uint8Array.from([v & 0xff, v >> 8, i & 0xff]));
    const path = writeFile('blobs.parquet', [
      { name: 'bin', data: blobs, type: 'BYTE_ARRAY', nullable: false },
      { name: 's', data: strings, type: 'STRING' },
      { name: 'n', data: Int32Array.from(ints), type: 'INT32', nullable: false },
    ], 1000);
    const footer = readParquetFooter(path);
    const groups = footer.metadata.row_groups.map((_, g) => readRowGroupColumns(path, footer, g));
    expect(groups).toHaveLength(5);
    const all = (c: number) => groups.flatMap((columns) => Array.from(columns[c] as ArrayLike<unknown>));
    expect(all(0).every((b) => b instanceof Uint8Array)).toBe(true);
    expect(all(0).map((b) => Array.from(b as Uint8Array))).toEqual(blobs.map((b) => Array.from(b)));
    expect(all(1)).toEqual(strings);
    expect(all(2)).toEqual(ints);
  });

  it('remembers a footer until the file changes', () => {
    const path = writeFile('footer.parquet', [{ name: 'a', data: Int32Array.from(ints), type: 'INT32' }], 1000);
    const footer = cachedParquetFooter(path);
    expect(cachedParquetFooter(path)).toBe(footer);
    expect(footer.metadata.row_groups).toHaveLength(5);
    writeFile('footer.parquet', [{ name: 'a', data: Int32Array.from(ints), type: 'INT32' }], 2500);
    expect(cachedParquetFooter(path).metadata.row_groups).toHaveLength(2);
  });

  it('converts timestamps to epoch milliseconds and 64-bit integers to numbers as BigInt division would', async () => {
    const micros = [-1_500n, -1n, 0n, 999n, 1_700_000_000_123_456n, 9_007_199_254_740_991n];
    const path = writeFile('time.parquet', [{ name: 't', data: micros }], ROWS, [
      { name: 'root', num_children: 1 },
      { name: 't', type: 'INT64', repetition_type: 'OPTIONAL', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' } },
    ]);
    const footer = readParquetFooter(path);
    const [t] = readRowGroupColumns(path, footer, 0);
    expect(Array.from(t)).toEqual(micros.map((us) => ENGINE_PARSERS.timestampFromMicroseconds!(us)));
    expect(Array.from(t)).toEqual([-1, 0, 0, 0, 1_700_000_000_123, 9_007_199_254_740]);
  });
});
