import { describe, expect, it } from 'vitest';
import { CsvRowConverter, forEachCsvRecord, MalformedRecordError, parseCsvOptions, type ReaderOptions } from '../../src/index.js';
import { fastCsvBatches, fastCsvRows, fitsFastCsvPath } from '../../src/io/csv/csv-fast-reader.js';
import { BATCH_ROWS, UNREAD_COLUMN } from '../../src/io/column-batch.js';

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

  it('gives the same rows in column batches: pruned columns without values, partition values appended, BATCH_ROWS per batch', () => {
    const lines = Array.from({ length: BATCH_ROWS + 50 }, (_, i) => (i % 1000 === 3 ? `${i},bad,x${i}` : `${i},${i / 4},n${i}`));
    const text = ['id,price,name', ...lines].join('\n');
    const options = parseCsvOptions({ header: true, schema, mode: 'DROPMALFORMED' });
    const s = options.schema!;
    for (const columns of [undefined, [0, 2], [1]]) {
      const batches = [...fastCsvBatches(['2024', 7], text, s, options, columns, new CsvRowConverter(s, options, columns), 'in.csv', true)];
      for (const b of batches) for (let c = 0; c < 3; c++) expect(b.columns[c] === UNREAD_COLUMN).toBe(columns !== undefined && !columns.includes(c));
      const rows = batches.flatMap((b) => Array.from({ length: b.length }, (_, r) => b.columns.map((column) => (column === UNREAD_COLUMN ? null : column[r]))));
      const expected = tokenizedRows(text, { header: true, schema, mode: 'DROPMALFORMED' }, columns);
      expect(rows).toEqual(expected.map((row) => [...row, '2024', 7]));
      // The 9 lines with a bad price are dropped only when the price is read.
      expect(expected.length).toBe(columns === undefined || columns.includes(1) ? lines.length - 9 : lines.length);
      expect(batches.map((b) => b.length)).toEqual([BATCH_ROWS, expected.length - BATCH_ROWS]);
    }
  });
});
