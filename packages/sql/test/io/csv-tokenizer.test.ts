import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvTokenizerOptions } from '../../src/index.js';

const defaults: CsvTokenizerOptions = {
  sep: ',', quote: '"', escape: '\\', comment: '', multiLine: false,
  ignoreLeadingWhiteSpace: false, ignoreTrailingWhiteSpace: false,
};
const fields = (text: string, options: Partial<CsvTokenizerOptions> = {}) =>
  csvRecords(text, { ...defaults, ...options }).map((r) => r.fields);

describe('CSV tokenizer (RFC 4180)', () => {
  it('splits plain fields and records, keeping empty fields', () => {
    expect(fields('a,b,c\n1,,3\n')).toEqual([['a', 'b', 'c'], ['1', '', '3']]);
    expect(fields('a,b,')).toEqual([['a', 'b', '']]);
    expect(fields('x')).toEqual([['x']]);
    expect(fields('')).toEqual([]);
  });

  it('accepts \\n, \\r\\n and \\r line ends and skips empty lines', () => {
    expect(fields('a,b\r\nc,d\re,f\n\n\ng,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps separators and doubled quotes inside quoted fields', () => {
    expect(fields('"a,b","say ""hi""",c')).toEqual([['a,b', 'say "hi"', 'c']]);
    expect(fields('"",x')).toEqual([['', 'x']]);
  });

  it('reads a backslash-escaped quote (Spark\'s default escape)', () => {
    expect(fields('"a \\"quoted\\" word",2')).toEqual([['a "quoted" word', '2']]);
    expect(fields("'it''s',2", { quote: "'", escape: "'" })).toEqual([["it's", '2']]);
  });

  it('keeps newlines inside quotes with multiLine, and counts lines for each record', () => {
    const records = csvRecords('id,text\n1,"two\nlines"\n2,"x"\n', { ...defaults, multiLine: true });
    expect(records.map((r) => r.fields)).toEqual([['id', 'text'], ['1', 'two\nlines'], ['2', 'x']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1].text).toBe('1,"two\nlines"');
  });

  it('without multiLine a record is one line, as in Spark', () => {
    expect(fields('1,"open\n2,b')).toEqual([['1', 'open'], ['2', 'b']]);
  });

  it('uses any separator, also several characters, and no quoting when quote is empty', () => {
    expect(fields('a;b;"c;d"', { sep: ';' })).toEqual([['a', 'b', 'c;d']]);
    expect(fields('a||b||c', { sep: '||' })).toEqual([['a', 'b', 'c']]);
    expect(fields('a\t"b"', { sep: '\t', quote: '' })).toEqual([['a', '"b"']]);
  });

  it('skips comment lines and trims white space only when asked', () => {
    expect(fields('#note\na,b\n#x,y', { comment: '#' })).toEqual([['a', 'b']]);
    expect(fields(' a , b ')).toEqual([[' a ', ' b ']]);
    expect(fields(' a , b ', { ignoreLeadingWhiteSpace: true, ignoreTrailingWhiteSpace: true })).toEqual([['a', 'b']]);
  });

  it('stays linear on long files with no separators or carriage returns', () => {
    const text = 'x\n'.repeat(200_000);
    expect(fields(text)).toHaveLength(200_000);
  });
});
