import { describe, expect, it } from 'vitest';
import { jsonSchema, readJsonFiles, type ReaderOptions } from '../../src/index.js';

const file = (text: string) => [{ path: '/data/events.json', text }];
const read = (text: string, options: ReaderOptions = {}) => readJsonFiles(file(text), options);
const schemaOf = (text: string, options: ReaderOptions = {}) => jsonSchema(file(text), options).simpleString();

describe('JSON lines reader: inference (Spark\'s JsonInferSchema)', () => {
  it('infers bigint for integers, double for other numbers, fields sorted by name', () => {
    expect(schemaOf('{"name":"a","age":1,"score":1.5,"ok":true}')).toBe('struct<age:bigint,name:string,ok:boolean,score:double>');
  });

  it('widens across lines: bigint + double = double, other conflicts string, missing fields are null', () => {
    expect(schemaOf('{"a":1,"b":1}\n{"a":2.0,"b":"x","c":null}')).toBe('struct<a:double,b:string,c:string>');
    expect(read('{"a":1}\n{"b":"x"}').rows).toEqual([[1, null], [null, 'x']]);
  });

  it('makes nested objects structs and arrays arrays, merging their element types', () => {
    expect(schemaOf('{"p":{"y":1,"x":"a"},"tags":[1,2.5],"e":[]}')).toBe('struct<e:array<string>,p:struct<x:string,y:bigint>,tags:array<double>>');
    const { rows } = read('{"p":{"x":"a","y":1},"tags":["t1","t2"]}');
    expect(rows).toEqual([[{ x: 'a', y: 1 }, ['t1', 't2']]]);
  });

  it('gives decimal(p,0) for integers beyond bigint, and decimals with prefersDecimal', () => {
    expect(schemaOf('{"n":123456789012345678901234}')).toBe('struct<n:decimal(24,0)>');
    expect(schemaOf('{"n":1.25}', { prefersDecimal: true })).toBe('struct<n:decimal(3,2)>');
  });

  it('reads primitivesAsString, and a line holding an array as one row per element', () => {
    expect(schemaOf('{"a":1,"b":true}', { primitivesAsString: true })).toBe('struct<a:string,b:string>');
    expect(read('[{"a":1},{"a":2}]').rows).toEqual([[1], [2]]);
  });

  it('skips blank lines and gives an empty schema for empty input', () => {
    expect(read('\n{"a":1}\n\n').rows).toEqual([[1]]);
    expect(read('').schema.fields).toHaveLength(0);
  });
});

describe('JSON lines reader: a given schema', () => {
  it('converts to the schema, keeping numbers and nested values as JSON text in string columns', () => {
    const { rows } = read('{"a":"2024-01-31","t":"2024-01-31 10:00:00Z","n":5,"s":{"k":[1,2.50]},"m":{"x":1}}', {
      schema: 'a DATE, t TIMESTAMP, n STRING, s STRING, m MAP<STRING, INT>, missing INT',
    });
    expect(rows).toEqual([[Date.UTC(2024, 0, 31) / 86_400_000, Date.UTC(2024, 0, 31, 10), '5', '{"k":[1,2.50]}', new Map([['x', 1]]), null]]);
  });

  it('reads integer timestamps as seconds since the epoch', () => {
    expect(read('{"t":86400}', { schema: 't TIMESTAMP' }).rows).toEqual([[86_400_000]]);
  });
});

describe('JSON lines reader: parse modes', () => {
  const text = '{"id":1,"age":30}\n{"id":2,"age":"old"}\n{"id":3\n{"id":4,"age":40}\n';

  it('PERMISSIVE adds _corrupt_record when inferring, holding the bad line', () => {
    const { schema, rows } = read('{"a":1}\nnot json\n');
    expect(schema.simpleString()).toBe('struct<_corrupt_record:string,a:bigint>');
    expect(rows).toEqual([[null, 1], ['not json', null]]);
  });

  it('PERMISSIVE with a schema nulls fields that do not fit, and keeps the line if asked', () => {
    expect(read(text, { schema: 'id INT, age INT' }).rows).toEqual([[1, 30], [2, null], [null, null], [4, 40]]);
    const withCorrupt = read(text, { schema: 'id INT, age INT, bad STRING', columnNameOfCorruptRecord: 'bad' });
    expect(withCorrupt.rows.map((r) => r[2])).toEqual([null, '{"id":2,"age":"old"}', '{"id":3', null]);
  });

  it('DROPMALFORMED drops bad lines, also when inferring', () => {
    expect(read(text, { schema: 'id INT, age INT', mode: 'DROPMALFORMED' }).rows).toEqual([[1, 30], [4, 40]]);
    expect(read('{"a":1}\n[1]\n', { mode: 'DROPMALFORMED' }).rows).toEqual([[1]]);
  });

  it('FAILFAST names the file, line and field', () => {
    expect(() => read(text, { schema: 'id INT, age INT', mode: 'FAILFAST' })).toThrow(
      'Malformed JSON record in /data/events.json at line 2: field \'age\' has "old", not a int.',
    );
    expect(() => read(text, { mode: 'FAILFAST' })).toThrow(
      "Malformed JSON record in /data/events.json at line 3: not valid JSON (expected ',' or '}' at character 8, found the end of the text).",
    );
  });
});
