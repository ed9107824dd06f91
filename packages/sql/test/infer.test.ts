import { describe, expect, it } from 'vitest';
import { inferSchema, inferType, mergeTypes, DoubleType, LongType, NullType, StringType } from '../src/index.js';

describe('schema inference from JS values', () => {
  it('maps JS values to Spark types as DESIGN.md §8 says', () => {
    const row = {
      i: 1,
      d: 1.5,
      s: 'x',
      b: true,
      t: new Date(0),
      bin: new Uint8Array([1]),
      arr: [1, null, 2.5],
      m: new Map([['k', 1]]),
      nested: { z: 1, a: 'y' },
      big: 12n,
    };
    // Top-level object keys are sorted, as PySpark sorts dict keys; nested objects keep their order.
    expect(inferSchema([row]).simpleString()).toBe(
      'struct<arr:array<double>,b:boolean,big:bigint,bin:binary,d:double,i:bigint,m:map<string,bigint>,nested:struct<z:bigint,a:string>,s:string,t:timestamp>',
    );
  });

  it('merges types across rows: null yields, bigint widens to double, structs union their fields', () => {
    const schema = inferSchema([
      { a: null, b: 1, c: { x: 1 } },
      { a: 'x', b: 2.5, c: { y: 'q' } },
    ]);
    expect(schema.simpleString()).toBe('struct<a:string,b:double,c:struct<x:bigint,y:string>>');
    expect(schema.fields.every((f) => f.nullable)).toBe(true);
  });

  it('names array rows _1, _2, ... or by the given names', () => {
    expect(inferSchema([[1, 'a'], [2, 'b']]).simpleString()).toBe('struct<_1:bigint,_2:string>');
    expect(inferSchema([[1, 'a']], ['id', 'name']).names).toEqual(['id', 'name']);
    expect(inferSchema([{ b: 1, a: 'x' }], ['first', 'second']).simpleString()).toBe('struct<first:string,second:bigint>');
  });

  it('fails as PySpark does on columns it cannot type', () => {
    expect(() => inferSchema([{ a: null }, { a: undefined }])).toThrow(
      '[CANNOT_DETERMINE_TYPE] Some of types cannot be determined after inferring.',
    );
    expect(() => inferSchema([{ a: [] }])).toThrow('CANNOT_DETERMINE_TYPE');
    expect(() => inferSchema([])).toThrow('[CANNOT_INFER_EMPTY_SCHEMA]');
    expect(() => inferSchema([{ a: 1 }, { a: 'x' }])).toThrow('[CANNOT_MERGE_TYPE] Can not merge type `LongType` and `StringType` (field a).');
    expect(() => inferSchema([1, 2])).toThrow('[CANNOT_INFER_SCHEMA_FOR_TYPE] Can not infer schema for type: number.');
    expect(() => inferType(() => 1)).toThrow('CANNOT_INFER_TYPE_FOR_FIELD');
  });

  it('mergeTypes is symmetric for the widening rules', () => {
    expect(mergeTypes(new LongType(), new DoubleType()).equals(new DoubleType())).toBe(true);
    expect(mergeTypes(new DoubleType(), new LongType()).equals(new DoubleType())).toBe(true);
    expect(mergeTypes(new NullType(), new StringType()).equals(new StringType())).toBe(true);
    expect(inferType(Number.MAX_SAFE_INTEGER + 2).equals(new DoubleType())).toBe(true);
  });
});
