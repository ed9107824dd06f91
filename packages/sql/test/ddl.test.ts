import { describe, expect, it } from 'vitest';
import {
  ArrayType,
  ByteType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  parseDataType,
} from '../src/index.js';

describe('DDL type strings', () => {
  it('parse every alias of the primitive types, case-insensitively', () => {
    const cases: [string, unknown][] = [
      ['int ', new IntegerType()],
      ['INTEGER', new IntegerType()],
      ['bigint', new LongType()],
      ['long', new LongType()],
      ['smallint', new ShortType()],
      ['short', new ShortType()],
      ['tinyint', new ByteType()],
      ['byte', new ByteType()],
      ['real', new FloatType()],
      ['Float', new FloatType()],
      ['double', new DoubleType()],
      ['decimal', new DecimalType(10, 0)],
      ['dec(5)', new DecimalType(5, 0)],
      ['numeric( 16 , 8 )', new DecimalType(16, 8)],
      ['varchar(10)', new StringType()],
      ['timestamp_ltz', new TimestampType()],
      ['timestamp_ntz', new TimestampNTZType()],
      ['void', new NullType()],
    ];
    for (const [text, type] of cases) expect(parseDataType(text).equals(type), text).toBe(true);
  });

  it('parse nested types (PySpark _parse_datatype_string doctests)', () => {
    expect(parseDataType('a: byte, b: decimal(  16 , 8   ) ').equals(
      new StructType([new StructField('a', new ByteType()), new StructField('b', new DecimalType(16, 8))]),
    )).toBe(true);
    expect(parseDataType('a DOUBLE, b STRING').simpleString()).toBe('struct<a:double,b:string>');
    expect(parseDataType('a DOUBLE, b CHAR( 50 )').simpleString()).toBe('struct<a:double,b:string>');
    expect(parseDataType('a: array< short>').equals(new StructType([new StructField('a', new ArrayType(new ShortType()))]))).toBe(true);
    expect(parseDataType(' map<string , string > ').equals(new MapType(new StringType(), new StringType()))).toBe(true);
    expect(parseDataType('array<struct<a:int,`b c`:map<string,array<bigint>>>>').simpleString()).toBe(
      'array<struct<a:int,b c:map<string,array<bigint>>>>',
    );
    expect(parseDataType('struct<>').simpleString()).toBe('struct<>');
    expect(parseDataType('INTERVAL DAY TO SECOND').simpleString()).toBe('interval day to second');
    expect(parseDataType('interval year').simpleString()).toBe('interval year');
    expect(String(parseDataType('interval hour to minute'))).toBe('DayTimeIntervalType(1, 2)');
    expect(() => parseDataType('interval second to day')).toThrow("Syntax error at or near 'day'");
    expect(() => parseDataType('interval year to second')).toThrow('Syntax error');
  });

  it('fromDDL reads NOT NULL and COMMENT into the fields', () => {
    const schema = StructType.fromDDL('a int not null comment "the key", `weird``name` STRING COMMENT \'it\\\'s\'');
    expect(schema.fields.map((f) => [f.name, f.dataType.simpleString(), f.nullable, f.getComment()])).toEqual([
      ['a', 'int', false, 'the key'],
      ['weird`name', 'string', true, "it's"],
    ]);
    expect(StructType.fromDDL('s struct<x: int not null>').get('s').dataType.json()).toContain('"nullable":false');
  });

  it('reject bad DDL with one clear line naming the problem', () => {
    expect(() => parseDataType('foo')).toThrow(/^\[UNSUPPORTED_DATATYPE\] Unsupported data type "FOO"\. \(at position 0 of DDL "foo"\)$/);
    expect(() => parseDataType('a foo, b int')).toThrow('Unsupported data type "FOO"');
    expect(() => parseDataType('array<int')).toThrow("Syntax error at or near end of input");
    expect(() => parseDataType('a int,')).toThrow('Syntax error at or near end of input');
    expect(() => parseDataType('map<int>')).toThrow("Syntax error at or near '>'");
    expect(() => parseDataType('decimal(40,2)')).toThrow('DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION');
    expect(() => parseDataType('')).toThrow('Syntax error at or near end of input');
    expect(() => StructType.fromDDL('int')).toThrow('Expected a list of columns');
    expect(() => parseDataType('a int; drop')).toThrow("Syntax error at or near ';'");
  });
});
