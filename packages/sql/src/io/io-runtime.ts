/**
 * The readers' task functions, registered in the `sql` runtime namespace so that tasks refer to
 * them by name (`runtime:sql.readCsvSplits`); a worker imports `@flint/sql/runtime` to have them.
 * A reader reads the splits of its partition from the local file system (or, for dfs:// paths,
 * takes the lines of a DFS text split) and returns rows in the engine's form; the writer writes a partition's rows as part files. Schemas travel as
 * Spark's JSON, options as strings.
 */
import { registerRuntime } from '@flint/rdd';
import { dataTypeFromJson, type StructType } from '../types/index.js';
import { parseCsvOptions, type CsvOptions } from './csv/csv-options.js';
import { fastCsvBatches, fastCsvRows, fitsFastCsvPath } from './csv/csv-fast-reader.js';
import { ColumnBatchBuilder, type ColumnBatch } from './column-batch.js';
import { ownColumns, releaseBatch } from './column-pool.js';
import { CsvRowConverter } from './csv/csv-row-converter.js';
import { forEachCsvRecord } from './csv/csv-tokenizer.js';
import { lineNumberAt, sampleChunks, splitText, splitTextPieces, type ByteSplit } from './files/byte-splits.js';
import { parseJsonOptions } from './json/json-options.js';
import { JsonRowConverter, parseJsonLine } from './json/json-reader.js';
import { MalformedRecordError } from './parse-mode.js';
import { cachedParquetFooter, readRowGroupColumns, readRowGroupRows } from './parquet/parquet-read.js';
import type { DictionaryColumn, EngineColumn } from './parquet/column-chunk.js';
import { writePartition } from './write/write-partition.js';
import { readingFiles, type FileBlock } from './input-file.js';
// The casts that generated code calls (CAST, TRY_CAST) must be installed on every task thread.
import '../physical/codegen/cast-runtime.js';
// And the JSON/CSV column functions' parsers and writers.
import './format-functions-runtime.js';

export interface ReadEnv {
  /** The files' columns as `StructType.json()` (partition columns follow them in each row). */
  schema: string;
  options: Record<string, string>;
  /** The session's time zone, for timestamps without one when the options give no `timeZone` (sent only if a read column holds timestamps). */
  sessionTimeZone?: string;
  /** Positions the query reads (undefined: all). */
  columns?: number[];
  /**
   * Read only a sample of each split, for a sort's range bounds: `chunks` of `chunkBytes` of a CSV
   * split (byte-splits.ts sampleChunks), the first `rowGroupRows` rows of a Parquet row group.
   */
  sample?: { chunks: number; chunkBytes: number; rowGroupRows: number };
}

/** A byte range of a Parquet file: the row groups whose midpoint lies in it (parquet-format.ts), as parquet-mr reads a split. */
export interface ParquetSplit {
  path: string;
  start: number;
  length: number;
  /** The indices in the file of the row groups it reads (their rows are in the footer). */
  rowGroups: number[];
  partitionValues?: unknown[];
}

/** A task's splits, one after the other: a task gets its partition's lists of splits (sources/file-scan.ts). */
function* splitsOf<S>(task: Iterable<readonly S[]>): Generator<S> {
  for (const splits of task) yield* splits;
}

/** The schema of the files and the asked-for positions among its columns. */
function fileColumns(env: ReadEnv): { schema: StructType; columns?: number[] } {
  const schema = dataTypeFromJson(env.schema) as StructType;
  return { schema, columns: env.columns?.filter((i) => i < schema.fields.length) };
}

function withPartitionValues(row: unknown[], values: unknown[] | undefined): unknown[] {
  return values && values.length > 0 ? row.concat(values) : row;
}

/**
 * A FAILFAST error re-raised with its line counted from the file's start rather than the
 * split's (counting costs a read of the file's prefix, so only then).
 */
function withLineFromFileStart(e: unknown, split: ByteSplit, offset: number): unknown {
  if (!(e instanceof MalformedRecordError) || offset === 0) return e;
  const base = lineNumberAt(split.path, offset) - 1;
  return new MalformedRecordError(e.format, { file: e.location.file, line: base + e.location.line }, e.problem);
}

/** What reading CSV splits needs: the files' schema, the asked-for columns, the options and the row converter. */
function csvReading(env: ReadEnv) {
  const { schema, columns } = fileColumns(env);
  const options = parseCsvOptions(env.options, env.sessionTimeZone);
  return { schema, columns, options, converter: new CsvRowConverter(schema, options, columns) };
}

/**
 * A split's rows, streamed: lines of the common simple form go through the fast reader
 * (csv/csv-fast-reader.ts), any other text through the tokenizer and the row converter.
 */
function readCsvSplits(task: Iterable<readonly ByteSplit[]>, env: ReadEnv): Generator<unknown[]> {
  const { schema, columns, options, converter } = csvReading(env);
  return readingFiles(splitsOf(task), function* (split) {
    for (const { text, offset, fast, skipHeader } of csvPieces(split, schema, options)) {
      const rows = fast
        ? fastCsvRows(text, schema, options, columns, converter, split.path, skipHeader)
        : tokenizedCsvRows(text, options, converter, split.path, skipHeader);
      try {
        for (const row of rows) yield withPartitionValues(row, split.partitionValues);
      } catch (e) {
        throw withLineFromFileStart(e, split, offset);
      }
    }
  });
}

/**
 * A CSV split's text in pieces of whole lines (byte-splits.ts splitTextPieces), each for the fast
 * reader if it fits it, else for the general parser. Without multiLine a record is one line, so a
 * 128 MB split is never held whole; with it (the file is then one split) a quoted field may span
 * lines, so the split is one piece for the general parser (the fast path never takes multiLine).
 */
function* csvPieces(split: ByteSplit, schema: StructType, options: CsvOptions): Generator<{ text: string; offset: number; fast: boolean; skipHeader: boolean }> {
  const pieces = options.multiLine ? [splitText(split)] : splitTextPieces(split);
  for (const { text, offset } of pieces) {
    yield { text, offset, fast: fitsFastCsvPath(text, schema, options), skipHeader: options.header && offset === 0 };
  }
}

/** readCsvSplits' rows as column batches (column-batch.ts): the fast path fills the columns without an array per row. */
function readCsvSplitBatches(task: Iterable<readonly ByteSplit[]>, env: ReadEnv): Generator<ColumnBatch> {
  const { schema, columns, options, converter } = csvReading(env);
  return readingFiles(splitsOf(task), function* (split) {
    if (env.sample !== undefined) {
      const sampled = sampledCsvBatches(split, env.sample, env);
      if (sampled !== undefined) {
        yield* sampled;
        return;
      }
    }
    const trailing = split.partitionValues ?? [];
    for (const { text, offset, fast, skipHeader } of csvPieces(split, schema, options)) {
      try {
        if (fast) {
          yield* fastCsvBatches(trailing, text, schema, options, columns, converter, split.path, skipHeader);
          continue;
        }
        const builder = new ColumnBatchBuilder(schema.fields.length, trailing);
        for (const row of tokenizedCsvRows(text, options, converter, split.path, skipHeader)) builder.push(row);
        if (builder.size > 0) yield builder.take();
      } catch (e) {
        throw withLineFromFileStart(e, split, offset);
      }
    }
  });
}

/**
 * The rows of a sample of the split's lines (see ReadEnv.sample), read by the fast path with
 * malformed lines dropped whatever the mode: a sample only steers the range bounds, and the full
 * read that follows applies the mode. Undefined when a chunk needs the general parser (quotes,
 * `\r`), as a chunk may then start inside a quoted field: the caller reads the whole split.
 */
function sampledCsvBatches(split: ByteSplit, sample: NonNullable<ReadEnv['sample']>, env: ReadEnv): ColumnBatch[] | undefined {
  const { schema, columns, options } = csvReading(env);
  if (options.multiLine) return undefined;
  const lenient = { ...options, mode: 'DROPMALFORMED' as const };
  const converter = new CsvRowConverter(schema, lenient, columns);
  const chunks = sampleChunks(split, sample.chunks, sample.chunkBytes);
  if (!chunks.every((chunk) => fitsFastCsvPath(chunk.text, schema, options))) return undefined;
  return chunks.flatMap((chunk) => [...fastCsvBatches(split.partitionValues ?? [], chunk.text, schema, lenient, columns, converter, split.path, options.header && chunk.fileStart)]);
}

function tokenizedCsvRows(text: string, options: CsvOptions, converter: CsvRowConverter, file: string, skipHeader: boolean): unknown[][] {
  const rows: unknown[][] = [];
  let skip = skipHeader;
  forEachCsvRecord(text, options, (record) => {
    if (skip) {
      skip = false;
      return;
    }
    const row = converter.convert(record, file);
    if (row) rows.push(row);
  });
  return rows;
}

/** JSON lines, piece by piece (byte-splits.ts splitTextPieces): a split's rows are never all held at once. */
function readJsonSplits(task: Iterable<readonly ByteSplit[]>, env: ReadEnv): Generator<unknown[]> {
  const { schema, columns } = fileColumns(env);
  const converter = new JsonRowConverter(schema, parseJsonOptions(env.options, env.sessionTimeZone), columns);
  return readingFiles(splitsOf(task), function* (split) {
    for (const { text, offset } of splitTextPieces(split)) {
      const rows: unknown[][] = [];
      try {
        text.split(/\r?\n/).forEach((line, i) => {
          if (line.trim() === '') return;
          for (const row of converter.convertLine({ file: split.path, line: i + 1, text: line }, parseJsonLine(line))) {
            rows.push(withPartitionValues(row, split.partitionValues));
          }
        });
      } catch (e) {
        throw withLineFromFileStart(e, split, offset);
      }
      yield* rows;
    }
  });
}

export interface LinesEnv extends ReadEnv {
  /** Shown in error messages. */
  paths: string[];
  /** The file block each partition's lines come from (input_file_name, input_file_block_start/length). */
  files: FileBlock[];
}

/** Re-raises a FAILFAST error saying its line is counted within a DFS split. */
function inDfsSplit<T>(paths: string[], read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof MalformedRecordError)) throw e;
    throw new MalformedRecordError(e.format, { file: paths.join(', '), line: e.location.line, inSplit: true }, e.problem);
  }
}

/**
 * CSV from the lines of a DFS text split. A file's header is dropped wherever it appears,
 * recognised as a record whose fields are the schema's names (splits do not know where files start).
 */
function readCsvLines(partition: number, lines: Iterable<string>, env: LinesEnv): Generator<unknown[]> {
  const { schema, columns } = fileColumns(env);
  const options = parseCsvOptions(env.options, env.sessionTimeZone);
  const converter = new CsvRowConverter(schema, options, columns);
  const header = schema.fieldNames().map((n) => n.toLowerCase()).join('\u0000');
  const rows: unknown[][] = [];
  inDfsSplit(env.paths, () =>
    forEachCsvRecord([...lines].join('\n'), options, (record) => {
      if (options.header && record.fields.map((f) => f.toLowerCase()).join('\u0000') === header) return;
      const row = converter.convert(record, env.paths.join(', '));
      if (row) rows.push(row);
    }),
  );
  return readingFiles([env.files[partition]!], () => rows, (block) => block);
}

function readJsonLines(partition: number, lines: Iterable<string>, env: LinesEnv): Generator<unknown[]> {
  const { schema, columns } = fileColumns(env);
  const converter = new JsonRowConverter(schema, parseJsonOptions(env.options, env.sessionTimeZone), columns);
  const rows: unknown[][] = [];
  inDfsSplit(env.paths, () => {
    let i = 0;
    for (const line of lines) {
      i++;
      if (line.trim() === '') continue;
      for (const row of converter.convertLine({ file: env.paths.join(', '), line: i, text: line }, parseJsonLine(line))) rows.push(row);
    }
  });
  return readingFiles([env.files[partition]!], () => rows, (block) => block);
}

/** The rows of each split's row groups, with the split's partition values. */
function readParquetRowGroups(task: Iterable<readonly ParquetSplit[]>, env: ReadEnv): Generator<unknown[]> {
  const { schema, columns } = fileColumns(env);
  return readingFiles(splitsOf(task), function* (split) {
    const footer = cachedParquetFooter(split.path);
    for (const group of split.rowGroups) {
      for (const row of readRowGroupRows(split.path, footer, group, columns, schema)) yield withPartitionValues(row, split.partitionValues);
    }
  });
}

/**
 * One column batch per row group (readParquetRowGroups' rows, column by column; numbers in typed
 * arrays, dictionary-encoded strings as codes and their dictionary); of its first rows only for a sample.
 * Its typed columns are the thread's column pool's: a consumer that releases the batch lets the
 * next row group's values overwrite them (column-pool.ts).
 */
function readParquetRowGroupBatches(task: Iterable<readonly ParquetSplit[]>, env: ReadEnv): Generator<ColumnBatch> {
  const { schema, columns } = fileColumns(env);
  return readingFiles(splitsOf(task), function* (split) {
    const footer = cachedParquetFooter(split.path);
    for (const group of split.rowGroups) {
      const length = Math.min(Number(footer.metadata.row_groups[group].num_rows), env.sample?.rowGroupRows ?? Infinity);
      const values = readRowGroupColumns(split.path, footer, group, columns, schema, true, length);
      const trailing = (split.partitionValues ?? []).map((value) => new Array<unknown>(length).fill(value));
      const encoded = (c: EngineColumn | DictionaryColumn): c is DictionaryColumn => 'codes' in c;
      const batch: ColumnBatch = {
        length,
        columns: [...values.map((c) => (encoded(c) ? c.codes : c)), ...trailing],
        dictionaries: values.map((c) => (encoded(c) ? c.dictionary : undefined)),
      };
      ownColumns(batch);
      yield batch;
    }
  });
}

export const IO_RUNTIME = registerRuntime('sql', {
  readCsvSplits,
  readCsvSplitBatches,
  readJsonSplits,
  readCsvLines,
  readJsonLines,
  readParquetRowGroups,
  readParquetRowGroupBatches,
  releaseBatch,
  writePartition,
});
