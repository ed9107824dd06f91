import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StructType } from '@flint/sql';
import { rowsToCsv } from '../../packages/sql/src/io/write/csv-writer.js';
import { structsToCsv } from '../../packages/sql/src/io/csv/csv-functions.js';
import type { ReaderOptions } from '../../packages/sql/src/io/reader-options.js';
import { DuckDbReference } from './duckdb-reference.js';

const strings = (...names: string[]) => StructType.fromDDL(names.map((n) => `\`${n}\` STRING`).join(', '));
const bytes = (schema: StructType, rows: unknown[][], options: ReaderOptions = {}) => rowsToCsv(schema, rows, options, 'UTC');
const csv = (schema: StructType, rows: unknown[][], options: ReaderOptions = {}) => new TextDecoder().decode(bytes(schema, rows, options));
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

// Expected bytes are those Spark's CSVSuite asserts for DataFrameWriter.csv (univocity's writer).
describe('CSV writer options, byte for byte as Spark writes them', () => {
  it('trims leading and trailing white space by default (ignoreLeading/TrailingWhiteSpace are true in write)', () => {
    const rows = [[' a'], ['b  '], [' c '], ['\t d e \t']];
    expect(csv(strings('v'), rows)).toBe('a\nb\nc\nd e\n');
    const kept = { ignoreLeadingWhiteSpace: false, ignoreTrailingWhiteSpace: 'false' };
    expect(csv(strings('v'), rows, kept)).toBe(' a\nb  \n c \n\t d e \t\n');
    expect(csv(strings('v'), rows, { ignoreTrailingWhiteSpace: false })).toBe('a\nb  \nc \nd e \t\n');
    // Only white space left: written as the empty value; inside quotes the trimmed text stays quoted.
    expect(csv(strings('a', 'b'), [['   ', 'x, ']])).toBe('"","x,"\n');
  });

  it('escapes quotes by default and quotes a value that starts with one even with escapeQuotes off', () => {
    const schema = StructType.fromDDL('a STRING, b INT, c STRING, d STRING');
    const row = ['test "quote"', 123, 'it "works"!', '"very" well'];
    expect(csv(schema, [row])).toBe('"test \\"quote\\"",123,"it \\"works\\"!","\\"very\\" well"\n');
    expect(csv(schema, [row], { escapeQuotes: false })).toBe('test "quote",123,it "works"!,"\\"very\\" well"\n');
    expect(csv(schema, [row], { quoteAll: true })).toBe('"test \\"quote\\"","123","it \\"works\\"!","\\"very\\" well"\n');
  });

  it('escapes the escape character inside quotes with charToEscapeQuoteEscaping (default: the escape itself)', () => {
    const rows = [['You are "beautiful"'], ['Yes, \\"in the inside"\\']];
    expect(csv(strings('v'), rows, { charToEscapeQuoteEscaping: '#' })).toBe('"You are \\"beautiful\\""\n"Yes, #\\\\"in the inside\\"#\\"\n');
    expect(csv(strings('v'), rows)).toBe('"You are \\"beautiful\\""\n"Yes, \\\\\\"in the inside\\"\\\\"\n');
    // Outside quotes an escape character is written as it is.
    expect(csv(strings('v'), [['a\\b']])).toBe('a\\b\n');
  });

  it('takes quote, escape, sep, nullValue, emptyValue, header and lineSep', () => {
    const schema = strings('first name', 'b', 'c');
    const rows = [["it's", null, ''], ['x;y', 'z', 'w']];
    const options = { quote: "'", escape: "'", sep: ';', nullValue: 'NULL', emptyValue: 'EMPTY', header: true, lineSep: '\r\n' };
    expect(csv(schema, rows, options)).toBe("first name;b;c\r\n'it''s';NULL;EMPTY\r\n'x;y';z;w\r\n");
    // Only \n makes univocity quote a value: a lone \r is written as it is, as Spark writes it.
    expect(csv(strings('a', 'b'), [['x\ry', 'z']])).toBe('x\ry,z\n');
    // A line break inside a value is written as lineSep (univocity's WriterCharAppender).
    expect(csv(strings('a'), [['one\ntwo']], { lineSep: '\r\n' })).toBe('"one\r\ntwo"\r\n');
    expect(csv(strings('a', 'b'), [[null, '']])).toBe(',""\n');
    // emptyValue's write default is "" whatever the quote: written as it is, not quoted with '.
    expect(csv(strings('a', 'b'), [['', "it's"]], { quote: "'" })).toBe(`"",'it\\'s'\n`);
    expect(csv(strings('a', 'b'), [[null, '']], { quoteAll: true })).toBe('"",""\n');
  });

  it('writes the encoding (charset) option as Java encodes it: ? for what the charset cannot hold, UTF-16 with a BOM', () => {
    const rows = [['é', '€😀']];
    expect(hex(bytes(strings('a', 'b'), rows))).toBe(Buffer.from('é,€😀\n').toString('hex'));
    expect(hex(bytes(strings('a', 'b'), rows, { encoding: 'ISO-8859-1' }))).toBe('e92c3f3f0a');
    expect(hex(bytes(strings('a', 'b'), rows, { charset: 'us-ascii' }))).toBe('3f2c3f3f0a');
    expect(hex(bytes(strings('a', 'b'), [['é', '€']], { encoding: 'UTF-16' }))).toBe('feff00e9002c20ac000a');
    expect(hex(bytes(strings('a', 'b'), [['é', '€']], { encoding: 'UTF-16LE' }))).toBe('e9002c00ac200a00');
    expect(new TextDecoder('utf-16be').decode(bytes(strings('a'), [['x 😀']], { encoding: 'UTF-16BE' }))).toBe('x 😀\n');
    expect(() => bytes(strings('a'), [], { encoding: 'EBCDIC-XYZ' })).toThrow('UnsupportedCharsetException: EBCDIC-XYZ');
  });

  it("reads sep as Spark's toDelimiterStr does (\\t, \\u0001)", () => {
    expect(csv(strings('a', 'b', 'c'), [['x', 'y z', 'w']], { sep: '\\t' })).toBe('x\ty z\tw\n');
    expect(csv(strings('a', 'b'), [['x', 'y']], { delimiter: '\\u0001' })).toBe('x\u0001y\n');
  });

  it('to_csv spells fields as the writer does (both are Spark\'s UnivocityGenerator)', () => {
    const schema = StructType.fromDDL('a STRING, b INT, c STRING, d STRING');
    const row = { a: ' test "quote" ', b: 123, c: 'it "works"!', d: '"very" well' };
    expect(structsToCsv(schema, {}, 'UTC')(row)).toBe('"test \\"quote\\"",123,"it \\"works\\"!","\\"very\\" well"');
    expect(structsToCsv(schema, { escapeQuotes: 'false' }, 'UTC')(row)).toBe('test "quote",123,it "works"!,"\\"very\\" well"');
  });

  it('refuses options Spark refuses, with its messages', () => {
    expect(() => csv(strings('a'), [], { quote: '""' })).toThrow('quote cannot be more than one character');
    expect(() => csv(strings('a'), [], { lineSep: '' })).toThrow("'lineSep' cannot be an empty string.");
    expect(() => csv(strings('a'), [], { escapeQuotes: 'yes' })).toThrow('escapeQuotes flag can be true or false');
  });
});

describe('CSV written with options reads back in DuckDB', () => {
  let db: DuckDbReference;
  let dir: string;
  beforeAll(async () => {
    db = await DuckDbReference.open(1);
    dir = mkdtempSync(join(tmpdir(), 'flint-csv-write-'));
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads separators, doubled quotes, line breaks, nulls and trimmed values', async () => {
    const path = join(dir, 'values.csv');
    const rows = [['a, b', 'say "hi"'], ['two\nlines', null], ['  padded  ', 'plain']];
    writeFileSync(path, bytes(strings('a', 'b'), rows, { escape: '"', header: true, sep: '|', lineSep: '\r\n' }));
    const back = await db.query(`SELECT a, b FROM read_csv('${path}', header = true, delim = '|', quote = '"', escape = '"', all_varchar = true)`);
    expect(back).toEqual([
      { a: 'a, b', b: 'say "hi"' },
      // Spark writes the line break inside quotes as lineSep.
      { a: 'two\r\nlines', b: null },
      { a: 'padded', b: 'plain' },
    ]);
  });
});
