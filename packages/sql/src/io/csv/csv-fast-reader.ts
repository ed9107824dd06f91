/**
 * CSV reading's common case, fast: text without a quote character or a `\r`, a one-character
 * separator, no comment character, no whitespace trimming and no corrupt-record column. Lines
 * are cut with indexOf, only the fields the query reads are sliced and parsed, and rows stream
 * out one at a time: no record objects, no field arrays, no array of the partition's rows. A
 * line that does not fit (a wrong field count, a value that does not parse) goes through
 * CsvRowConverter, so every parse mode behaves exactly as on the general path.
 */
import type { StructType } from '../../types/index.js';
import { INVALID, makeValueParser, type ValueParser } from '../values/parse-value.js';
import type { CsvOptions } from './csv-options.js';
import type { CsvRowConverter } from './csv-row-converter.js';
import { BATCH_ROWS, ColumnBatchBuilder, type ColumnBatch } from '../column-batch.js';

/** Whether `text` can be read by `fastCsvRows` under these options. */
export function fitsFastCsvPath(text: string, schema: StructType, options: CsvOptions): boolean {
  return (
    options.sep.length === 1 &&
    options.comment === '' &&
    !options.multiLine &&
    !options.ignoreLeadingWhiteSpace &&
    !options.ignoreTrailingWhiteSpace &&
    schema.fields.every((f) => f.name !== options.columnNameOfCorruptRecord) &&
    (options.quote === '' || !text.includes(options.quote)) &&
    !text.includes('\r')
  );
}

/**
 * What the fast reader reads: the text (lines that `fitsFastCsvPath` accepted), its schema and
 * options, the columns to convert (all when undefined), the converter of lines that do not fit,
 * the file's name for errors, and whether the first line is a header to drop.
 */
type FastCsvInput = [
  text: string,
  schema: StructType,
  options: CsvOptions,
  columns: readonly number[] | undefined,
  fallback: CsvRowConverter,
  file: string,
  skipFirstLine: boolean,
];

/** The rows of the text. */
export function* fastCsvRows(...input: FastCsvInput): Generator<unknown[]> {
  const width = input[1].fields.length;
  const lines = lineReader(...input);
  for (let row = new Array<unknown>(width).fill(null); lines.next(row); row = new Array<unknown>(width).fill(null)) yield row;
}

/** The same rows as fastCsvRows, in column batches of BATCH_ROWS (the last one smaller), each row followed by `trailing`. */
export function* fastCsvBatches(trailing: readonly unknown[], ...input: FastCsvInput): Generator<ColumnBatch> {
  const [, schema, , columns] = input;
  const width = schema.fields.length;
  const lines = lineReader(...input);
  const builder = new ColumnBatchBuilder(width, trailing, columns?.filter((c) => c < width));
  // One scratch row for every line: the builder copies its values into the columns.
  const row = new Array<unknown>(width).fill(null);
  while (lines.next(row)) {
    builder.push(row);
    if (builder.size === BATCH_ROWS) yield builder.take();
  }
  if (builder.size > 0) yield builder.take();
}

/** Reads the lines one at a time: `next(row)` fills `row` with the next row's values, or returns false at the end. */
function lineReader(...[text, schema, options, columns, fallback, file, skipFirstLine]: FastCsvInput): { next(row: unknown[]): boolean } {
  const width = schema.fields.length;
  const asked = new Set(columns ?? schema.fields.map((_, i) => i));
  const parsers: (ValueParser | undefined)[] = schema.fields.map((f, i) => (asked.has(i) ? makeValueParser(f.dataType, options) : undefined));
  const { sep, nullValue } = options;
  const length = text.length;
  let line = 0;
  let skip = skipFirstLine;
  let start = 0;
  return {
    next(row: unknown[]): boolean {
      while (start < length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = length;
        line++;
        const lineStart = start;
        start = end + 1;
        if (end === lineStart || skip) {
          skip = skip && end === lineStart;
          continue;
        }
        if (lineValues(text, lineStart, end, width, sep, nullValue, parsers, row)) return true;
        const lineText = text.slice(lineStart, end);
        const converted = fallback.convert({ fields: lineText.split(sep), line, text: lineText }, file);
        if (converted !== null) {
          for (let i = 0; i < width; i++) row[i] = converted[i];
          return true;
        }
      }
      return false;
    },
  };
}

/**
 * Puts the values of the line [start, end) into `row` (the columns not parsed are left as they
 * are); false when its field count or a value is wrong.
 */
function lineValues(
  text: string,
  start: number,
  end: number,
  width: number,
  sep: string,
  nullValue: string,
  parsers: readonly (ValueParser | undefined)[],
  row: unknown[],
): boolean {
  let fieldStart = start;
  for (let i = 0; i < width; i++) {
    let fieldEnd = text.indexOf(sep, fieldStart);
    if (i === width - 1) {
      if (fieldEnd >= 0 && fieldEnd < end) return false;
      fieldEnd = end;
    } else if (fieldEnd < 0 || fieldEnd >= end) {
      return false;
    }
    const parse = parsers[i];
    if (parse !== undefined) {
      const field = text.slice(fieldStart, fieldEnd);
      if (field === nullValue) row[i] = null;
      else {
        const value = parse(field);
        if (value === INVALID) return false;
        row[i] = value;
      }
    }
    fieldStart = fieldEnd + 1;
  }
  return true;
}
