/**
 * File formats plug in here: a reader makes a DataFrame from paths and options, a writer saves
 * one. The io/ package registers csv, json, parquet (and text is built in), so the DataFrame API
 * does not depend on any format's code.
 */
import type { StructType } from '../types/index.js';
import type { DataFrame } from './dataframe.js';
import type { SqlSession } from '../session.js';

export type ReaderOptions = Readonly<Record<string, string>>;

export interface FormatReader {
  (session: SqlSession, paths: readonly string[], options: ReaderOptions, schema: StructType | undefined): DataFrame;
}

export type SaveMode = 'error' | 'errorifexists' | 'overwrite' | 'append' | 'ignore';

export interface WriteRequest {
  readonly df: DataFrame;
  readonly path: string;
  readonly mode: SaveMode;
  readonly options: ReaderOptions;
  readonly partitionBy: readonly string[];
}

export type FormatWriter = (request: WriteRequest) => Promise<void>;

const readers = new Map<string, FormatReader>();
const writers = new Map<string, FormatWriter>();

export function registerFormatReader(format: string, reader: FormatReader): void {
  readers.set(format.toLowerCase(), reader);
}

export function registerFormatWriter(format: string, writer: FormatWriter): void {
  writers.set(format.toLowerCase(), writer);
}

export function formatReader(format: string): FormatReader {
  const reader = readers.get(format.toLowerCase());
  if (!reader) throw new Error(`[DATA_SOURCE_NOT_FOUND] Failed to find the data source: ${format}. Known formats: ${[...readers.keys()].sort().join(', ')}.`);
  return reader;
}

export function formatWriter(format: string): FormatWriter {
  const writer = writers.get(format.toLowerCase());
  if (!writer) throw new Error(`[DATA_SOURCE_NOT_FOUND] Failed to find the data source: ${format}. Known formats: ${[...writers.keys()].sort().join(', ')}.`);
  return writer;
}
