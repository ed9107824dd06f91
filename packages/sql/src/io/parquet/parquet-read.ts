/**
 * Reading local Parquet files: the footer (schema, row groups, statistics), and the columns of
 * one row group — Flint's unit of a Parquet split — for only the columns a query uses, each
 * column chunk read with one system call and decoded by column-chunk.ts. Values come out in the
 * engine's form: integers (64-bit too) and decimals as numbers, dates as day numbers,
 * timestamps as epoch milliseconds, strings, binary as Uint8Array.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { FileMetaData } from 'hyparquet';
import { parquetMetadata } from 'hyparquet/src/metadata.js';
import type { StructType } from '../../types/index.js';
import { copiesValuesOut, decodeColumnChunk, ENGINE_PARSERS, type DictionaryColumn, type EngineColumn } from './column-chunk.js';
import { ScratchBuffer } from './data-page.js';
import { sparkSchemaOfParquet } from './parquet-schema.js';
import { sharedNulls, UNREAD_COLUMN } from '../column-batch.js';

export interface ParquetFooter {
  metadata: FileMetaData;
  schema: StructType;
  /** The file's size in bytes. */
  size: number;
}

function readBytes(fd: number, start: number, length: number, into: Uint8Array = new Uint8Array(length)): Uint8Array {
  const bytes = into;
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? bytes : bytes.subarray(0, done);
}

/** The footer of an open Parquet file. */
function footerOf(fd: number, path: string): ParquetFooter {
  const size = fstatSync(fd).size;
  const tail = Buffer.from(readBytes(fd, Math.max(0, size - 8), Math.min(size, 8)));
  if (size < 12 || tail.toString('latin1', 4) !== 'PAR1') throw new Error(`${path} is not a Parquet file (no PAR1 footer)`);
  const footerLength = Math.min(size, tail.readUInt32LE(0) + 8);
  const bytes = readBytes(fd, size - footerLength, footerLength);
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(bytes.buffer as ArrayBuffer, { parsers: ENGINE_PARSERS });
  } catch (e) {
    throw new Error(`${path} is not a Parquet file (${(e as Error).message})`);
  }
  return { metadata, schema: sparkSchemaOfParquet(metadata.schema, path), size };
}

/** Calls `read` with the open file, and closes it. */
function withFile<T>(path: string, read: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return read(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses a Parquet footer (schema, row groups, statistics). */
export function readParquetFooter(path: string): ParquetFooter {
  return withFile(path, (fd) => footerOf(fd, path));
}

/** Footers read on this thread, by path, with the file identity they were read from. */
const footers = new Map<string, { identity: string; footer: ParquetFooter }>();
const FOOTERS_KEPT = 64;

/**
 * readParquetFooter, remembered while the file stays the same (inode, size, modification time):
 * a task reads one row group per split, and parsing a footer's statistics again for each of a
 * file's row groups cost as much as decoding a column.
 */
export function cachedParquetFooter(path: string): ParquetFooter {
  const stat = statSync(path, { bigint: true });
  const identity = `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  const cached = footers.get(path);
  if (cached?.identity === identity) return cached.footer;
  const footer = readParquetFooter(path);
  if (footers.size >= FOOTERS_KEPT) footers.delete(footers.keys().next().value!);
  footers.set(path, { identity, footer });
  return footer;
}

const chunkScratch = new ScratchBuffer();
/**
 * Row group `rowGroup` of a Parquet file, column by column (`columns[c][r]`) in the order of
 * `schema` (default the file's own), whose columns are found in the file by name; only
 * `columns` (positions in `schema`, default all) are read, the others are UNREAD_COLUMN (no values).
 * With `keepDictionaries`, dictionary-encoded string columns stay encoded (column-chunk.ts); with
 * `firstRows`, only the row group's first rows are decoded (a sort's sample).
 */
export function readRowGroupColumns(
  path: string,
  footer: ParquetFooter,
  rowGroup: number,
  columns?: readonly number[],
  schema?: StructType,
  keepDictionaries?: false,
): EngineColumn[];
export function readRowGroupColumns(
  path: string,
  footer: ParquetFooter,
  rowGroup: number,
  columns: readonly number[] | undefined,
  schema: StructType | undefined,
  keepDictionaries: boolean,
  firstRows?: number,
): (EngineColumn | DictionaryColumn)[];
export function readRowGroupColumns(
  path: string,
  footer: ParquetFooter,
  rowGroup: number,
  columns?: readonly number[],
  schema: StructType = footer.schema,
  keepDictionaries = false,
  firstRows = Infinity,
): (EngineColumn | DictionaryColumn)[] {
  const group = footer.metadata.row_groups[rowGroup];
  const rows = Math.min(Number(group.num_rows), firstRows);
  const elements = new Map(footer.metadata.schema.slice(1).map((e) => [e.name, e]));
  const chunks = new Map(group.columns.map((c) => [c.meta_data?.path_in_schema[0], c.meta_data]));
  const wanted = new Set(columns ?? schema.fields.map((_, i) => i));
  return withFile(path, (fd) =>
    schema.fields.map((field, i) => {
      const element = elements.get(field.name);
      const meta = chunks.get(field.name);
      if (!wanted.has(i)) return UNREAD_COLUMN as EngineColumn;
      if (element === undefined || meta === undefined || rows === 0) return sharedNulls(rows);
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const length = Number(meta.total_compressed_size);
      // A chunk whose values are all copied out while decoding (numbers, text) may go in the scratch buffer.
      const bytes = copiesValuesOut(element) ? readBytes(fd, start, length, chunkScratch.take(length)) : readBytes(fd, start, length);
      return decodeColumnChunk(bytes, element, meta, rows, keepDictionaries);
    }),
  );
}

/** The same values as readRowGroupColumns, as an array per row. */
export function readRowGroupRows(path: string, footer: ParquetFooter, rowGroup: number, columns?: readonly number[], schema?: StructType): unknown[][] {
  const values = readRowGroupColumns(path, footer, rowGroup, columns, schema);
  const rowCount = Number(footer.metadata.row_groups[rowGroup].num_rows);
  // A row holds every column: nulls where one is not read.
  const columnsOfRows = values.map((column) => (column === UNREAD_COLUMN ? sharedNulls(rowCount) : column));
  const rows: unknown[][] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) rows[r] = columnsOfRows.map((column) => column[r]);
  return rows;
}
