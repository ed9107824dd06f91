import { describe, expect, it } from 'vitest';
import { csvSchema, readCsvFiles, StructType, type ReaderOptions } from '../../src/index.js';

const file = (text: string, path = '/data/people.csv') => [{ path, text }];
const read = (text: string, options: ReaderOptions = {}, columns?: number[]) => readCsvFiles(file(text), options, columns);
/** The engine's date: days since 1970-01-01. */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const schemaOf = (text: string, options: ReaderOptions = { header: true, inferSchema: true }) => csvSchema(file(text), options).simpleString();

describe('CSV reader: header and schema', () => {
  it('names columns _c0, _c1, ... without a header, and reads every field as a string', () => {
    const { schema, rows } = read('1,a\n2,b\n');
    expect(schema.simpleString()).toBe('struct<_c0:string,_c1:string>');
    expect(rows).toEqual([['1', 'a'], ['2', 'b']]);
  });

  it('takes names from the header, making empty and repeated names safe as Spark does', () => {
    expect(schemaOf('a,,A,b\n1,2,3,4\n', { header: true })).toBe('struct<a0:string,_c1:string,A2:string,b:string>');
  });

  it('skips the header of every file', () => {
    const { rows } = readCsvFiles([{ path: 'a.csv', text: 'x,y\n1,2\n' }, { path: 'b.csv', text: 'x,y\n3,4\n' }], { header: true });
    expect(rows).toEqual([['1', '2'], ['3', '4']]);
  });

  it('uses a DDL schema or a StructType, ignoring the header names', () => {
    const ddl = read('n,name\n1,ann\n', { header: true, schema: 'id INT, who STRING' });
    expect(ddl.schema.simpleString()).toBe('struct<id:int,who:string>');
    expect(ddl.rows).toEqual([[1, 'ann']]);
    const struct = read('1,ann\n', { schema: StructType.fromDDL('id BIGINT, who STRING') });
    expect(struct.rows).toEqual([[1, 'ann']]);
  });

  it('gives an empty schema and no rows for an empty file', () => {
    const { schema, rows } = read('', { header: true, inferSchema: true });
    expect(schema.fields).toHaveLength(0);
    expect(rows).toEqual([]);
  });
});

describe('CSV reader: inferSchema (Spark\'s CSVInferSchema)', () => {
  it('infers int, then bigint, then decimal(p,0) for integers beyond bigint, then double', () => {
    expect(schemaOf('a,b,c,d\n60,100000000000,92233720368547758070,3.5\n')).toBe('struct<a:int,b:bigint,c:decimal(20,0),d:double>');
    expect(schemaOf('a\n1\n100000000000\n')).toBe('struct<a:bigint>');
    expect(schemaOf('a\n1\n2.5\n')).toBe('struct<a:double>');
    expect(schemaOf('a\n1\n1e3\n')).toBe('struct<a:double>');
  });

  it('infers date for yyyy-MM-dd, timestamp for date and time, boolean for true/false in any case', () => {
    expect(schemaOf('d,t,b\n2015-08-20,2015-08-20 15:57:00,True\n2016-02-29,2016-01-01T00:00:00.123Z,FAlSE\n'))
      .toBe('struct<d:date,t:timestamp,b:boolean>');
  });

  it('widens mixed families to string, ignores nulls, and makes all-null columns strings', () => {
    expect(schemaOf('a,b,c,d\n1,2015-08-20,x,\ntrue,2015-08-20 10:00:00,,\n')).toBe('struct<a:string,b:string,c:string,d:string>');
    expect(schemaOf('a\n\n1\nNA\n', { header: true, inferSchema: true, nullValue: 'NA' })).toBe('struct<a:int>');
  });

  it('reads NaN, Inf and -Inf as doubles', () => {
    const { schema, rows } = read('x\n1.5\nNaN\nInf\n-Inf\n', { header: true, inferSchema: true });
    expect(schema.simpleString()).toBe('struct<x:double>');
    expect(rows.map((r) => r[0])).toEqual([1.5, NaN, Infinity, -Infinity]);
  });

  it('converts values to the engine\'s form (dates as day numbers, timestamps as epoch ms)', () => {
    const { rows } = read('i,l,d,dt,ts,b,s\n7,8000000000,2.25,2024-02-29,1970-01-01T00:00:01Z,false,hi\n', { header: true, inferSchema: true });
    expect(rows).toEqual([[7, 8_000_000_000, 2.25, day(2024, 2, 29), 1000, false, 'hi']]);
    expect(read('0099-12-31\n', { schema: 'd DATE' }).rows).toEqual([[-683_004]]); // days from 1970-01-01 back to 0099-12-31
  });
});

describe('CSV reader: options', () => {
  it('reads quoted fields with separators, quotes and (with multiLine) newlines', () => {
    const { rows } = read('id,text\n1,"a, ""b"""\n2,"line1\nline2"\n', { header: true, multiLine: true });
    expect(rows).toEqual([['1', 'a, "b"'], ['2', 'line1\nline2']]);
  });

  it('takes sep, quote and escape', () => {
    expect(read("1;'x;y'\n", { sep: ';', quote: "'" }).rows).toEqual([['1', 'x;y']]);
    expect(read('1\t2\n', { sep: '\\t' }).rows).toEqual([['1', '2']]);
    expect(read('"a#"b",c\n', { escape: '#' }).rows).toEqual([['a"b', 'c']]);
  });

  it('turns the nullValue text (empty by default) into null', () => {
    expect(read('a,,c\n').rows).toEqual([['a', null, 'c']]);
    expect(read('a,NA,\n', { nullValue: 'NA' }).rows).toEqual([['a', null, '']]);
    expect(read('x,NA\n', { schema: 'a STRING, b INT', nullValue: 'NA' }).rows).toEqual([['x', null]]);
  });

  it('parses dates and timestamps with dateFormat and timestampFormat', () => {
    const { rows } = read('31/12/2023,2023-12-31 23:59:58.5 +01:00\n', {
      schema: 'd DATE, t TIMESTAMP', dateFormat: 'dd/MM/yyyy', timestampFormat: 'yyyy-MM-dd HH:mm:ss.S XXX',
    });
    expect(rows).toEqual([[day(2023, 12, 31), Date.UTC(2023, 11, 31, 22, 59, 58, 500)]]);
  });

  it('reads timestamps without a zone in the timeZone option', () => {
    const { rows } = read('2024-07-01 12:00:00\n', { schema: 't TIMESTAMP', timeZone: 'America/New_York' });
    expect(rows).toEqual([[Date.UTC(2024, 6, 1, 16, 0, 0)]]);
  });

  it('takes a fixed-offset timeZone as Spark does', () => {
    for (const [timeZone, utcHour, utcMinute] of [['+05:30', 6, 30], ['UTC-3', 15, 0], ['GMT+8', 4, 0]] as const) {
      expect(read('2024-07-01 12:00:00\n', { schema: 't TIMESTAMP', timeZone }).rows).toEqual([[Date.UTC(2024, 6, 1, utcHour, utcMinute, 0)]]);
    }
  });

  it('rejects bad option values with one line', () => {
    expect(() => read('a', { header: 'yes' })).toThrow("header flag can be true or false, got 'yes'");
    expect(() => read('a', { mode: 'LENIENT' })).toThrow("mode must be PERMISSIVE, DROPMALFORMED or FAILFAST, got 'LENIENT'");
    expect(() => read('a', { quote: '""' })).toThrow("option 'quote' must be one character");
    expect(() => read('a', { sep: '' })).toThrow('Delimiter cannot be empty string');
    expect(() => read('a', { timeZone: 'Mars/Base' })).toThrow("unknown time zone 'Mars/Base'");
    expect(() => read('a', { schema: 'a ARRAY<INT>' })).toThrow('cannot read a column of type array<int>');
  });
});

describe('CSV reader: parse modes', () => {
  const text = 'id,age\n1,30\n2,abc\n3\n4,40\n';
  const schema = 'id INT, age INT';

  it('PERMISSIVE (default) nulls bad fields and pads short records', () => {
    expect(read(text, { header: true, schema }).rows).toEqual([[1, 30], [2, null], [3, null], [4, 40]]);
  });

  it('PERMISSIVE keeps the raw record in columnNameOfCorruptRecord', () => {
    const { rows } = read(text, { header: true, schema: 'id INT, age INT, bad STRING', columnNameOfCorruptRecord: 'bad' });
    expect(rows).toEqual([[1, 30, null], [2, null, '2,abc'], [3, null, '3'], [4, 40, null]]);
    const defaultName = read('x\n', { schema: 'a INT, _corrupt_record STRING' });
    expect(defaultName.rows).toEqual([[null, 'x']]);
  });

  it('DROPMALFORMED drops bad records', () => {
    expect(read(text, { header: true, schema, mode: 'DROPMALFORMED' }).rows).toEqual([[1, 30], [4, 40]]);
  });

  it('FAILFAST names the file, the line and the field', () => {
    expect(() => read(text, { header: true, schema, mode: 'failfast' })).toThrow(
      "Malformed CSV record in /data/people.csv at line 3: field 'age' (column 2) has 'abc', not a int. Parse Mode: FAILFAST.",
    );
    expect(() => read('id,age\n1,30\n3\n', { header: true, schema, mode: 'FAILFAST' })).toThrow(
      'Malformed CSV record in /data/people.csv at line 3: expected 2 fields, found 1.',
    );
  });

  it('converts only the columns asked for, so a bad value elsewhere is no error', () => {
    expect(read(text, { header: true, schema, mode: 'DROPMALFORMED' }, [0]).rows).toEqual([[1, null], [2, null], [4, null]]);
  });
});
