/**
 * One CSV field as Spark's writer (univocity's CsvWriter under CSVOptions.asWriterSettings) spells
 * it. Write defaults differ from read: leading and trailing white space (any char <= ' ') is
 * trimmed, an empty string is written as `emptyValue` (`""`), a null as `nullValue` (empty).
 * A value is quoted when `quoteAll` is set, when it starts with the quote, or when it holds the
 * separator, `\n` (not `\r`: univocity has no other quotation trigger by default), or (with
 * `escapeQuotes`, the default) the quote; inside quotes the quote is preceded by `escape`, the
 * escape by `charToEscapeQuoteEscaping`, and `\n` is written as `lineSep`.
 */
import { csvDelimiter } from '../csv/csv-options.js';
import { readerOptionLookup, type ReaderOptionLookup, type ReaderOptions } from '../reader-options.js';

export interface CsvFieldWriter {
  readonly sep: string;
  readonly lineSep: string;
  field(text: string): string;
  nullField(): string;
}

/** Spark's CSVOptions.getChar: '' turns the character off ('\u0000'), longer values are refused. */
function optionChar(o: ReaderOptionLookup, name: string, fallback: string): string {
  const value = o.string(name);
  if (value === undefined) return fallback;
  if (value.length === 0) return '\u0000';
  if (value.length > 1) throw new Error(`${name} cannot be more than one character`);
  return value;
}

function lineSeparator(o: ReaderOptionLookup): string {
  const value = o.string('lineSep');
  if (value === undefined) return '\n';
  if (value.length === 0) throw new Error(`requirement failed: 'lineSep' cannot be an empty string.`);
  if (value.length > 2) throw new Error(`requirement failed: 'lineSep' can contain only 1 character.`);
  return value;
}

const isWhiteSpace = (c: string): boolean => c <= ' ';

export function csvFieldWriter(rawOptions: ReaderOptions): CsvFieldWriter {
  const o = readerOptionLookup(rawOptions);
  const sep = csvDelimiter(o.string('sep') ?? o.string('delimiter') ?? ',');
  const quote = optionChar(o, 'quote', '"');
  const escape = optionChar(o, 'escape', '\\');
  // univocity's default: the escape escapes itself unless it is the quote.
  const escapeEscape = optionChar(o, 'charToEscapeQuoteEscaping', escape === quote ? '\u0000' : escape);
  const quoteAll = o.boolean('quoteAll', false);
  const escapeQuotes = o.boolean('escapeQuotes', true);
  const trimLeading = o.boolean('ignoreLeadingWhiteSpace', true);
  const trimTrailing = o.boolean('ignoreTrailingWhiteSpace', true);
  const nullValue = o.string('nullValue') ?? '';
  // CSVOptions.emptyValueInWrite: two double quotes whatever the quote character is.
  const emptyValue = o.string('emptyValue') ?? '""';
  const lineSep = lineSeparator(o);

  const trimmed = (text: string): string => {
    let start = 0;
    let end = text.length;
    if (trimLeading) while (start < end && isWhiteSpace(text[start])) start++;
    if (trimTrailing) while (end > start && isWhiteSpace(text[end - 1])) end--;
    return text.slice(start, end);
  };
  const needsQuotes = (body: string): boolean =>
    quoteAll || body.startsWith(quote) || body.includes(sep) || body.includes('\n') || (escapeQuotes && body.includes(quote));
  const quoted = (body: string): string => {
    let out = quote;
    for (const c of body) {
      // univocity writes a line break inside quotes as the line separator.
      if (c === '\n') {
        out += lineSep;
        continue;
      }
      if (c === quote) out += escape;
      else if (c === escape && escapeEscape !== '\u0000') out += escapeEscape;
      out += c;
    }
    return out + quote;
  };
  const encode = (body: string): string => (needsQuotes(body) ? quoted(body) : body);
  // nullValue and emptyValue already wrapped in quotes are written as they are.
  const special = (value: string): string =>
    value.length >= 2 && value.startsWith(quote) && value.endsWith(quote) ? value : encode(trimmed(value));

  return {
    sep,
    lineSep,
    field(text) {
      const body = trimmed(text);
      return body === '' ? special(emptyValue) : encode(body);
    },
    nullField: () => special(nullValue),
  };
}
