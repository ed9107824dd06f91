import { describe, expect, it } from 'vitest';
import { CsvRowConverter, forEachCsvRecord, MalformedRecordError, parseCsvOptions, type ReaderOptions } from '../../src/index.js';
import { fastCsvRows, fitsFastCsvPath } from '../../src/io/csv/csv-fast-reader.js';

/** The general path, record by record through the tokenizer: the reference the fast path must match. */
function tokenizedRows(text: string, raw: ReaderOptions, columns?: number[]): unknown[][] {
  const options = parseCsvOptions(raw);
  const converter = new CsvRowConverter(options.schema!, options, columns);
  const rows: unknown[][] = [];
  let skip = options.header;
  forEachCsvRecord(text, options, (record) => {
    if (skip) return void (skip = false);
    const row = converter.convert(record, 'in.csv');
    if (row) rows.push(row);
  });
  return rows;
}

function fastRows(text: string, raw: ReaderOptions, columns?: number[]): unknown[][] {
  const options = parseCsvOptions(raw);
  const schema = options.schema!;
  expect(fitsFastCsvPath(text, schema, options)).toBe(true);
  return [...fastCsvRows(text, schema, options, columns, new CsvRowConverter(schema, options, columns), 'in.csv', options.header)];
}

const schema = 'id INT, price DOUBLE, name STRING';
const MESSY = [
  'id,price,name',
  '1,2.5,ann',
  '',
  '2,,bob',
  '3,x,cy',
  '4,1.25',
  '5,1,dee,extra',
  '6,3e2,',
  'NA,7,eve',
  '7,-0.5,fay',
].join('\n');

describe('CSV fast reader: the same rows as the tokenizer path', () => {
  for (const mode of ['PERMISSIVE', 'DROPMALFORMED'] as const) {
    it(`in ${mode} mode, with bad values, short and long lines, empty lines and no final newline`, () => {
      const options = { header: true, schema, mode, nullValue: 'NA' };
      expect(fastRows(MESSY, options)).toEqual(tokenizedRows(MESSY, options));
    });
  }

  it('gives known rows: the header dropped, empty fields null, malformed lines all null in PERMISSIVE mode', () => {
    expect(fastRows(MESSY, { header: true, schema, nullValue: 'NA' })).toEqual([
      [1, 2.5, 'ann'], [2, null, 'bob'], [3, null, 'cy'], [4, 1.25, null], [5, 1, 'dee'], [6, 300, ''], [null, 7, 'eve'], [7, -0.5, 'fay'],
    ]);
  });

  it('converts only the asked-for columns, so a bad value elsewhere is no error', () => {
    const text = 'id,price,name\n1,oops,ann\n2,3.5,bob\n';
    const options = { header: true, schema, mode: 'FAILFAST' };
    expect(fastRows(text, options, [0, 2])).toEqual([[1, null, 'ann'], [2, null, 'bob']]);
    expect(fastRows(text, options, [0, 2])).toEqual(tokenizedRows(text, options, [0, 2]));
  });

  it('fails in FAILFAST mode with the line of the bad record, as the tokenizer path does', () => {
    const options = { header: true, schema, mode: 'FAILFAST' };
    const run = () => fastRows('id,price,name\n1,2,a\n\n2,zz,b\n', options);
    expect(run).toThrow(MalformedRecordError);
    expect(run).toThrow("at line 4: field 'price' (column 2) has 'zz', not a double");
  });

  it('is not taken for quotes, carriage returns, comments, multi-character separators or a corrupt-record column', () => {
    const options = (raw: ReaderOptions) => parseCsvOptions({ schema, ...raw });
    const fits = (text: string, raw: ReaderOptions = {}) => fitsFastCsvPath(text, options(raw).schema!, options(raw));
    expect(fits('1,2,a\n')).toBe(true);
    expect(fits('1,2,"a"\n')).toBe(false);
    expect(fits('1,2,a\r\n')).toBe(false);
    expect(fits('1,2,a\n', { comment: '#' })).toBe(false);
    expect(fits('1||2||a\n', { sep: '||' })).toBe(false);
    expect(fits('1,2,a\n', { schema: 'id INT, price DOUBLE, name STRING, _corrupt_record STRING' })).toBe(false);
  });
});
