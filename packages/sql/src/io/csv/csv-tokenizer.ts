/**
 * Splits CSV text into records of string fields (RFC 4180): fields separated by `sep`
 * (one or more characters); a field may be quoted, and inside quotes the separator, newlines
 * (with `multiLine`) and the quote itself are data. A quote inside a quoted field is written
 * twice (`""`, RFC 4180) or preceded by the escape character (`\"`, Spark's default). Records end
 * at `\n`, `\r\n` or `\r`; empty lines and lines starting with the comment character are skipped.
 * Without `multiLine` a record is one line, as in Spark: a quote left open ends at the line end.
 */

export interface CsvTokenizerOptions {
  sep: string;
  quote: string;
  escape: string;
  comment: string;
  multiLine: boolean;
  ignoreLeadingWhiteSpace: boolean;
  ignoreTrailingWhiteSpace: boolean;
}

export interface CsvRecord {
  fields: string[];
  /** 1-based line number of the record's first line. */
  line: number;
  /** The record's text without its line terminator. */
  text: string;
}

function isLineEnd(c: string): boolean {
  return c === '\n' || c === '\r';
}

export function forEachCsvRecord(text: string, options: CsvTokenizerOptions, onRecord: (record: CsvRecord) => void): void {
  const { sep, quote, escape, comment } = options;
  const length = text.length;
  let pos = 0;
  let line = 1;
  // The next \n and \r at or after pos, found once and reused, so files without \r stay linear.
  let nextLf = -2;
  let nextCr = -2;
  const lineEndFrom = (from: number): number => {
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from);
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from);
    const lf = nextLf < 0 ? length : nextLf;
    const cr = nextCr < 0 ? length : nextCr;
    return lf < cr ? lf : cr;
  };
  let nextSep = -2;
  const fieldEndFrom = (from: number): number => {
    if (nextSep !== -1 && nextSep < from) nextSep = text.indexOf(sep, from);
    const end = nextSep < 0 ? length : nextSep;
    const lineEnd = lineEndFrom(from);
    return end < lineEnd ? end : lineEnd;
  };

  while (pos < length) {
    const c = text[pos];
    if (isLineEnd(c)) {
      pos += c === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    if (comment !== '' && c === comment) {
      const end = lineEndFrom(pos);
      pos = end;
      continue;
    }
    const recordStart = pos;
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (options.ignoreLeadingWhiteSpace) while (text[pos] === ' ' || text[pos] === '\t') pos++;
      let value: string;
      if (quote !== '' && text[pos] === quote) {
        pos++;
        value = '';
        let segment = pos;
        for (;;) {
          if (pos >= length) {
            value += text.slice(segment, pos);
            break;
          }
          const ch = text[pos];
          if (ch === escape && escape !== quote && (text[pos + 1] === quote || text[pos + 1] === escape)) {
            value += text.slice(segment, pos) + text[pos + 1];
            pos += 2;
            segment = pos;
          } else if (ch === quote) {
            if (text[pos + 1] === quote) {
              value += text.slice(segment, pos) + quote;
              pos += 2;
              segment = pos;
            } else {
              value += text.slice(segment, pos);
              pos++;
              break;
            }
          } else if (isLineEnd(ch)) {
            if (!options.multiLine) {
              value += text.slice(segment, pos);
              break;
            }
            if (ch === '\n' || text[pos + 1] !== '\n') line++;
            pos++;
          } else {
            pos++;
          }
        }
        // Characters between a closing quote and the separator stay part of the value.
        const end = fieldEndFrom(pos);
        if (end > pos) value += text.slice(pos, end);
        pos = end;
      } else {
        const end = fieldEndFrom(pos);
        value = text.slice(pos, end);
        pos = end;
      }
      if (options.ignoreTrailingWhiteSpace) value = value.replace(/[ \t]+$/, '');
      fields.push(value);
      if (pos < length && text.startsWith(sep, pos)) {
        pos += sep.length;
        continue;
      }
      break;
    }
    const recordText = text.slice(recordStart, pos);
    if (pos < length) {
      pos += text[pos] === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      line++;
    }
    onRecord({ fields, line: recordLine, text: recordText });
  }
}

export function csvRecords(text: string, options: CsvTokenizerOptions): CsvRecord[] {
  const records: CsvRecord[] = [];
  forEachCsvRecord(text, options, (r) => records.push(r));
  return records;
}
