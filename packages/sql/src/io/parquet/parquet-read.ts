/**
 * Reading Parquet with hyparquet: the footer (schema, row groups, statistics), and the rows of
 * one row group — Flint's unit of a Parquet split — for only the columns a query uses. Values
 * come out in the engine's form: integers (64-bit too) and decimals as numbers, dates as day
 * numbers, timestamps as epoch milliseconds, strings, binary as Uint8Array.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import type { StructType } from '../../types/index.js';
import { sparkSchemaOfParquet } from './parquet-schema.js';

/** hyparquet's value parsers, set to produce the engine's form. */
export const ENGINE_PARSERS = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
  dateFromDays: (days: number) => days,
};

export interface ParquetFooter {
  metadata: FileMetaData;
  schema: StructType;
}

/** A local file's bytes, read in the slices hyparquet asks for. */
export function localParquetFile(path: string): Promise<AsyncBuffer> {
  return asyncBufferFromFile(path);
}

/** Reads and parses a Parquet footer (schema, row groups, statistics). */
export async function parquetFooter(file: AsyncBuffer, path: string): Promise<ParquetFooter> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file, { parsers: ENGINE_PARSERS });
  } catch (e) {
    throw new Error(`${path} is not a Parquet file (${(e as Error).message})`);
  }
  return { metadata, schema: sparkSchemaOfParquet(metadata.schema, path) };
}

/** The first row and the end (exclusive) of each row group. */
export function rowGroupRanges(metadata: FileMetaData): { rowStart: number; rowEnd: number }[] {
  let start = 0;
  return metadata.row_groups.map((g) => {
    const rowStart = start;
    start += Number(g.num_rows);
    return { rowStart, rowEnd: start };
  });
}

function toEngine(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value === undefined ? null : value;
}

/**
 * Rows [rowStart, rowEnd) of a Parquet file as arrays in the order of `schema` (default the
 * file's own), whose columns are found in the file by name; only `columns` (positions in
 * `schema`, default all) are read, the others are null.
 */
export async function readParquetRows(...args: Parameters<typeof readParquetColumns>): Promise<unknown[][]> {
  const values = await readParquetColumns(...args);
  const range = args[2];
  const rowCount = range.rowEnd - range.rowStart;
  const rows: unknown[][] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) rows[r] = values.map((column) => column[r]);
  return rows;
}

/** The same values as readParquetRows, column by column (`columns[c][r]`), without an array per row. */
export async function readParquetColumns(
  file: AsyncBuffer,
  footer: ParquetFooter,
  range: { rowStart: number; rowEnd: number },
  columns?: readonly number[],
  schema: StructType = footer.schema,
): Promise<unknown[][]> {
  const inFile = new Set(footer.schema.fieldNames());
  const wanted = (columns ?? schema.fields.map((_, i) => i)).filter((i) => inFile.has(schema.fields[i].name));
  const rowCount = range.rowEnd - range.rowStart;
  const values = schema.fields.map(() => new Array<unknown>(rowCount).fill(null));
  if (wanted.length === 0 || rowCount === 0) return values;
  const positionOf = new Map(wanted.map((i) => [schema.fields[i].name, i]));
  await parquetRead({
    file,
    metadata: footer.metadata,
    columns: wanted.map((i) => schema.fields[i].name),
    rowStart: range.rowStart,
    rowEnd: range.rowEnd,
    parsers: ENGINE_PARSERS,
    onChunk: (chunk) => {
      const position = positionOf.get(chunk.columnName);
      if (position === undefined) return;
      const from = Math.max(chunk.rowStart, range.rowStart);
      const to = Math.min(chunk.rowEnd, range.rowEnd);
      const data = chunk.columnData;
      const column = values[position];
      for (let r = from; r < to; r++) column[r - range.rowStart] = toEngine(data[r - chunk.rowStart]);
    },
  });
  return values;
}
