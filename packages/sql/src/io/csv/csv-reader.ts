/**
 * Reading CSV text into a schema and rows: the header (Spark's `header`), the schema (given,
 * inferred with `inferSchema`, or all strings), then every record converted under the parse
 * mode. Each file's first record is its header when `header` is set. Records stream through
 * (one pass to infer, one to convert), so no tokenized copy of the input is kept.
 */
import type { StructType } from '../../types/index.js';
import type { ReaderOptions } from '../reader-options.js';
import { parseCsvOptions, type CsvOptions } from './csv-options.js';
import { CsvSchemaInferrer, csvColumnNames } from './csv-infer.js';
import { CsvRowConverter } from './csv-row-converter.js';
import { fastCsvRows, fitsFastCsvPath } from './csv-fast-reader.js';
import { forEachCsvRecord, type CsvRecord } from './csv-tokenizer.js';

export interface TextFile {
  /** Shown in error messages. */
  path: string;
  text: string;
}

export interface ReadResult {
  schema: StructType;
  rows: unknown[][];
}

/** Calls `onRecord` for each data record of each file (after its header, when `header` is set). */
function forEachDataRecord(files: readonly TextFile[], options: CsvOptions, onRecord: (r: CsvRecord, file: TextFile) => void): void {
  for (const file of files) {
    let first = true;
    forEachCsvRecord(file.text, options, (record) => {
      if (first && options.header) {
        first = false;
        return;
      }
      first = false;
      onRecord(record, file);
    });
  }
}

function firstRecord(files: readonly TextFile[], options: CsvOptions): string[] | undefined {
  for (const file of files) {
    let fields: string[] | undefined;
    // The first record only: a newline ends it unless it is quoted (multiLine).
    const end = options.multiLine ? file.text.length : file.text.indexOf('\n');
    forEachCsvRecord(end < 0 ? file.text : file.text.slice(0, end + 1), options, (r) => (fields ??= r.fields));
    if (fields) return fields;
  }
  return undefined;
}

function schemaOf(files: readonly TextFile[], options: CsvOptions): StructType {
  if (options.schema) return options.schema;
  const first = firstRecord(files, options);
  const names = csvColumnNames(options.header ? first : undefined, first?.length ?? 0);
  const inferrer = new CsvSchemaInferrer(names, options);
  if (options.inferSchema) forEachDataRecord(files, options, (r) => inferrer.add(r.fields));
  return inferrer.schema();
}

/** The schema the reader will produce for these files and options (no rows converted). */
export function csvSchema(files: readonly TextFile[], rawOptions: ReaderOptions = {}): StructType {
  return schemaOf(files, parseCsvOptions(rawOptions));
}

/**
 * Reads whole CSV files (Spark's `spark.read.csv(paths, **options)`) into a schema and rows;
 * a file of the common simple form goes through the fast reader (csv-fast-reader.ts).
 */
export function readCsvFiles(files: readonly TextFile[], rawOptions: ReaderOptions = {}, columns?: readonly number[]): ReadResult {
  const options = parseCsvOptions(rawOptions);
  const schema = schemaOf(files, options);
  const converter = new CsvRowConverter(schema, options, columns);
  const rows: unknown[][] = [];
  for (const file of files) {
    if (fitsFastCsvPath(file.text, schema, options)) {
      for (const row of fastCsvRows(file.text, schema, options, columns, converter, file.path, options.header)) rows.push(row);
      continue;
    }
    forEachDataRecord([file], options, (record) => {
      const row = converter.convert(record, file.path);
      if (row) rows.push(row);
    });
  }
  return { schema, rows };
}
