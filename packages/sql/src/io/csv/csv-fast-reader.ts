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
 * The rows of `text` (lines that `fitsFastCsvPath` accepted), converting only `columns`
 * (all when undefined); `skipFirstLine` drops a header.
 */
export function* fastCsvRows(
  text: string,
  schema: StructType,
  options: CsvOptions,
  columns: readonly number[] | undefined,
  fallback: CsvRowConverter,
  file: string,
  skipFirstLine: boolean,
): Generator<unknown[]> {
  const width = schema.fields.length;
  const asked = new Set(columns ?? schema.fields.map((_, i) => i));
  const parsers: (ValueParser | undefined)[] = schema.fields.map((f, i) => (asked.has(i) ? makeValueParser(f.dataType, options) : undefined));
  const { sep, nullValue } = options;
  const length = text.length;
  let line = 0;
  let skip = skipFirstLine;
  for (let start = 0; start < length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    line++;
    if (end === start || skip) {
      skip = skip && end === start;
      start = end + 1;
      continue;
    }
    const row = lineRow(text, start, end, width, sep, nullValue, parsers);
    if (row !== undefined) {
      yield row;
    } else {
      const lineText = text.slice(start, end);
      const converted = fallback.convert({ fields: lineText.split(sep), line, text: lineText }, file);
      if (converted !== null) yield converted;
    }
    start = end + 1;
  }
}

/** The row of the line [start, end), or undefined when its field count or a value is wrong. */
function lineRow(
  text: string,
  start: number,
  end: number,
  width: number,
  sep: string,
  nullValue: string,
  parsers: readonly (ValueParser | undefined)[],
): unknown[] | undefined {
  const row = new Array<unknown>(width).fill(null);
  let fieldStart = start;
  for (let i = 0; i < width; i++) {
    let fieldEnd = text.indexOf(sep, fieldStart);
    if (i === width - 1) {
      if (fieldEnd >= 0 && fieldEnd < end) return undefined;
      fieldEnd = end;
    } else if (fieldEnd < 0 || fieldEnd >= end) {
      return undefined;
    }
    const parse = parsers[i];
    if (parse !== undefined) {
      const field = text.slice(fieldStart, fieldEnd);
      if (field !== nullValue) {
        const value = parse(field);
        if (value === INVALID) return undefined;
        row[i] = value;
      }
    }
    fieldStart = fieldEnd + 1;
  }
  return row;
}
