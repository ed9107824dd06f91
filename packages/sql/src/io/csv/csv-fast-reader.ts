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
import { BATCH_ROWS, UNREAD_COLUMN, type ColumnBatch } from '../column-batch.js';
import { isoDateAt, plainNumberAt } from '../values/parse-in-place.js';

/** How a column's fields are read: sliced out and parsed, or (numbers, dates) in place in the line. */
const enum FieldRead {
  Sliced,
  Integral,
  Double,
  Date,
}

const INTEGRAL_LIMITS: Record<string, number> = { byte: 127, short: 32767, integer: 2147483647, long: Number.MAX_SAFE_INTEGER };

/** A number text that a user's NaN or infinity text could be: then doubles go through their parser, which checks those first. */
const NUMBER_LIKE = /^-?[0-9.]+$/;

/** Per column, how the fast path reads its fields (parsed columns only; see lineValues). */
function fieldReads(schema: StructType, options: CsvOptions, parsers: readonly (ValueParser | undefined)[]): { reads: FieldRead[]; limits: number[] } {
  const plainSpecials = ![options.nanValue, options.positiveInf, options.negativeInf].some((t) => NUMBER_LIKE.test(t));
  const isoDates = options.dateFormat === undefined || options.dateFormat === 'yyyy-MM-dd';
  const reads = schema.fields.map((f, i) => {
    const name = f.dataType.typeName();
    if (parsers[i] === undefined) return FieldRead.Sliced;
    if (name in INTEGRAL_LIMITS) return FieldRead.Integral;
    if ((name === 'double' || name === 'float') && plainSpecials) return FieldRead.Double;
    if (name === 'date' && isoDates) return FieldRead.Date;
    return FieldRead.Sliced;
  });
  return { reads, limits: schema.fields.map((f) => INTEGRAL_LIMITS[f.dataType.typeName()] ?? 0) };
}

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

/** The rows of the text (the values of fastCsvBatches' batches, row by row). */
export function* fastCsvRows(...input: FastCsvInput): Generator<unknown[]> {
  for (const { columns, length } of fastCsvBatches([], ...input)) {
    // A row holds every column: null where one is not read.
    const read = columns.flatMap((column, c) => (column === UNREAD_COLUMN ? [] : [c]));
    for (let r = 0; r < length; r++) {
      const row = new Array<unknown>(columns.length).fill(null);
      for (let i = 0; i < read.length; i++) row[read[i]] = columns[read[i]][r];
      yield row;
    }
  }
}

/**
 * The rows of the text in column batches of BATCH_ROWS (the last one smaller), each row followed
 * by `trailing`. Each line's values go straight into the columns at the batch's next position: a
 * line that turns out malformed halfway leaves values there that the next line overwrites.
 */
export function* fastCsvBatches(trailing: readonly unknown[], ...[text, schema, options, columns, fallback, file, skipFirstLine]: FastCsvInput): Generator<ColumnBatch> {
  const width = schema.fields.length;
  const asked = new Set(columns ?? schema.fields.map((_, i) => i));
  const parsers: (ValueParser | undefined)[] = schema.fields.map((f, i) => (asked.has(i) ? makeValueParser(f.dataType, options) : undefined));
  const read = parsers.flatMap((p, i) => (p === undefined ? [] : [i]));
  const { reads, limits } = fieldReads(schema, options, parsers);
  const { sep, nullValue } = options;
  const length = text.length;
  let target = emptyColumns(parsers);
  let size = 0;
  let line = 0;
  let skip = skipFirstLine;
  for (let start = 0; start < length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    line++;
    const lineStart = start;
    start = end + 1;
    if (end === lineStart || skip) {
      skip = skip && end === lineStart;
      continue;
    }
    if (!lineValues(text, lineStart, end, width, sep, nullValue, parsers, reads, limits, target, size)) {
      const lineText = text.slice(lineStart, end);
      const converted = fallback.convert({ fields: lineText.split(sep), line, text: lineText }, file);
      if (converted === null) continue;
      for (const i of read) target[i]![size] = converted[i];
    }
    if (++size === BATCH_ROWS) {
      yield batchOf(target, size, trailing);
      target = emptyColumns(parsers);
      size = 0;
    }
  }
  if (size > 0) yield batchOf(target, size, trailing);
}

/** An array for each column read (undefined for the others). */
const emptyColumns = (parsers: readonly (ValueParser | undefined)[]): (unknown[] | undefined)[] => parsers.map((p) => (p === undefined ? undefined : []));

/** The first `size` values of the columns read, UNREAD_COLUMN for the others (column-batch.ts), and the trailing values. */
function batchOf(target: readonly (unknown[] | undefined)[], size: number, trailing: readonly unknown[]): ColumnBatch {
  const columns = target.map((column) => {
    if (column === undefined) return UNREAD_COLUMN;
    column.length = size;
    return column;
  });
  return { length: size, columns: [...columns, ...trailing.map((value) => new Array<unknown>(size).fill(value))] };
}

/**
 * Puts the values of the line [start, end) into the columns read, at position `at`; false when
 * its field count or a value is wrong. Number and date fields in their plain forms are read
 * where they stand; any other text is sliced out for the column's parser.
 */
function lineValues(
  text: string,
  start: number,
  end: number,
  width: number,
  sep: string,
  nullValue: string,
  parsers: readonly (ValueParser | undefined)[],
  reads: readonly FieldRead[],
  limits: readonly number[],
  target: readonly (unknown[] | undefined)[],
  at: number,
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
      const isNull = fieldEnd - fieldStart === nullValue.length && (nullValue === '' || text.startsWith(nullValue, fieldStart));
      const value = isNull ? null : inPlace(text, fieldStart, fieldEnd, reads[i], limits[i]);
      if (value !== undefined) target[i]![at] = value;
      else {
        const parsed = parse(text.slice(fieldStart, fieldEnd));
        if (parsed === INVALID) return false;
        target[i]![at] = parsed;
      }
    }
    fieldStart = fieldEnd + 1;
  }
  return true;
}

/** The field's value read in place, or undefined when it must be sliced and parsed (not a plain form, or out of an integral type's range). */
function inPlace(text: string, start: number, end: number, read: FieldRead, limit: number): number | undefined {
  switch (read) {
    case FieldRead.Integral: {
      const value = plainNumberAt(text, start, end, true);
      return value !== undefined && value <= limit && value >= -limit - 1 ? value : undefined;
    }
    case FieldRead.Double:
      return plainNumberAt(text, start, end, false);
    case FieldRead.Date:
      return isoDateAt(text, start, end);
    default:
      return undefined;
  }
}
