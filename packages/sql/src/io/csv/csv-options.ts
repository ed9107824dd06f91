/**
 * The CSV reader's options, as Spark's CSVOptions reads them: names are case-insensitive,
 * values may be strings, booleans or numbers, and a bad value is a one-line error.
 */
import { StructType } from '../../types/index.js';
import { parseMode, type ParseMode } from '../parse-mode.js';
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { readerTimeZone } from '../values/time-zone.js';
import type { ValueParseOptions } from '../values/parse-value.js';

export interface CsvOptions extends ValueParseOptions {
  header: boolean;
  inferSchema: boolean;
  schema?: StructType;
  sep: string;
  /** '' turns quoting off. */
  quote: string;
  escape: string;
  comment: string;
  nullValue: string;
  emptyValue: string;
  mode: ParseMode;
  columnNameOfCorruptRecord: string;
  multiLine: boolean;
  ignoreLeadingWhiteSpace: boolean;
  ignoreTrailingWhiteSpace: boolean;
  preferDate: boolean;
}

/** `\t`, `\u0001` and friends as Spark's CSVExprUtils.toDelimiterStr reads them. */
export function csvDelimiter(text: string): string {
  if (text.length === 0) throw new Error("Delimiter cannot be empty string (option 'sep')");
  return text
    .replace(/\\t/g, '\t')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function parseCsvOptions(options: ReaderOptions = {}, sessionTimeZone?: string): CsvOptions {
  const o = readerOptionLookup(options);
  const char = (name: string, fallback: string): string => {
    const value = o.string(name) ?? fallback;
    if (value.length > 1) throw new Error(`option '${name}' must be one character, got '${value}'`);
    return value;
  };
  const timeZone = readerTimeZone(o.string('timeZone'), sessionTimeZone);
  return {
    header: o.boolean('header', false),
    inferSchema: o.boolean('inferSchema', false),
    schema: o.schema(),
    sep: csvDelimiter(o.string('sep') ?? o.string('delimiter') ?? ','),
    quote: char('quote', '"'),
    escape: char('escape', '\\'),
    comment: char('comment', ''),
    nullValue: o.string('nullValue') ?? '',
    emptyValue: o.string('emptyValue') ?? '',
    nanValue: o.string('nanValue') ?? 'NaN',
    positiveInf: o.string('positiveInf') ?? 'Inf',
    negativeInf: o.string('negativeInf') ?? '-Inf',
    dateFormat: o.string('dateFormat'),
    timestampFormat: o.string('timestampFormat'),
    timestampNTZFormat: o.string('timestampNTZFormat'),
    get timeZone() {
      return timeZone();
    },
    mode: parseMode(o.string('mode')),
    columnNameOfCorruptRecord: o.string('columnNameOfCorruptRecord') ?? '_corrupt_record',
    multiLine: o.boolean('multiLine', false),
    ignoreLeadingWhiteSpace: o.boolean('ignoreLeadingWhiteSpace', false),
    ignoreTrailingWhiteSpace: o.boolean('ignoreTrailingWhiteSpace', false),
    preferDate: o.boolean('preferDate', true),
  };
}
