import { describe, expect, it } from 'vitest';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
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
  dataTypeFromJson,
} from '../src/index.js';

describe('data types', () => {
  it('have PySpark type names and SQL simple strings', () => {
    const cases: [DataType, string, string][] = [
      [new NullType(), 'void', 'void'],
      [new BooleanType(), 'boolean', 'boolean'],
      [new ByteType(), 'byte', 'tinyint'],
      [new ShortType(), 'short', 'smallint'],
      [new IntegerType(), 'integer', 'int'],
      [new LongType(), 'long', 'bigint'],
      [new FloatType(), 'float', 'float'],
      [new DoubleType(), 'double', 'double'],
      [new DecimalType(10, 2), 'decimal', 'decimal(10,2)'],
      [new StringType(), 'string', 'string'],
      [new BinaryType(), 'binary', 'binary'],
      [new DateType(), 'date', 'date'],
      [new TimestampType(), 'timestamp', 'timestamp'],
      [new TimestampNTZType(), 'timestamp_ntz', 'timestamp_ntz'],
      [new ArrayType(new IntegerType()), 'array', 'array<int>'],
      [new MapType(new StringType(), new LongType()), 'map', 'map<string,bigint>'],
    ];
    for (const [type, typeName, simple] of cases) {
      expect(type.typeName()).toBe(typeName);
      expect(type.simpleString()).toBe(simple);
    }
    const schema = new StructType([new StructField('age', new LongType()), new StructField('name', new StringType())]);
    expect(schema.simpleString()).toBe('struct<age:bigint,name:string>');
    expect(new DecimalType().simpleString()).toBe('decimal(10,0)');
  });

  it('compare structurally, as PySpark == does', () => {
    expect(new ArrayType(new StringType()).equals(new ArrayType(new StringType(), true))).toBe(true);
    expect(new ArrayType(new StringType(), false).equals(new ArrayType(new StringType()))).toBe(false);
    expect(new MapType(new StringType(), new IntegerType(), false).equals(new MapType(new StringType(), new FloatType()))).toBe(false);
    expect(new StructField('f1', new StringType(), true).equals(new StructField('f2', new StringType(), true))).toBe(false);
    const one = new StructType([new StructField('f1', new StringType(), true)]);
    expect(one.equals(new StructType([new StructField('f1', new StringType(), true)]))).toBe(true);
    expect(one.equals(one.add('f2', new IntegerType(), false))).toBe(false);
    expect(new DecimalType(10, 2).equals(new DecimalType(10, 3))).toBe(false);
    expect(new IntegerType().equals(new LongType())).toBe(false);
  });

  it('print as PySpark reprs them', () => {
    const schema = new StructType([new StructField('age', new LongType(), true), new StructField('tags', new ArrayType(new StringType()), false)]);
    expect(String(schema)).toBe(
      "StructType([StructField('age', LongType(), True), StructField('tags', ArrayType(StringType(), True), False)])",
    );
    expect(String(new DecimalType(5, 1))).toBe('DecimalType(5,1)');
    expect(String(new MapType(new StringType(), new IntegerType(), false))).toBe('MapType(StringType(), IntegerType(), False)');
  });

  it('serialize to JSON with sorted keys and read back', () => {
    const schema = new StructType([
      new StructField('a', new DecimalType(12, 4), false, { comment: 'money' }),
      new StructField('b', new MapType(new StringType(), new ArrayType(new TimestampType(), false))),
    ]);
    expect(new LongType().json()).toBe('"long"');
    expect(schema.json()).toBe(
      '{"fields":[{"metadata":{"comment":"money"},"name":"a","nullable":false,"type":"decimal(12,4)"},' +
        '{"metadata":{},"name":"b","nullable":true,"type":{"keyType":"string","type":"map","valueContainsNull":true,' +
        '"valueType":{"containsNull":false,"elementType":"timestamp","type":"array"}}}],"type":"struct"}',
    );
    expect(dataTypeFromJson(schema.json()).equals(schema)).toBe(true);
    expect(dataTypeFromJson(schema.jsonValue()).equals(schema)).toBe(true);
    expect(dataTypeFromJson('integer').equals(new IntegerType())).toBe(true);
  });

  it('StructType: names, indexing, add with a DDL type, iteration', () => {
    const schema = new StructType().add('f1', 'string').add(new StructField('f2', new IntegerType(), false));
    expect(schema.names).toEqual(['f1', 'f2']);
    expect(schema.fieldNames()).toEqual(['f1', 'f2']);
    expect(schema.length).toBe(2);
    expect(schema.get('f2').nullable).toBe(false);
    expect(schema.get(0).dataType.equals(new StringType())).toBe(true);
    expect(schema.get(-1).name).toBe('f2');
    expect([...schema].map((f) => f.name)).toEqual(['f1', 'f2']);
    expect(schema.fieldIndex('f2')).toBe(1);
    expect(() => schema.get('nope')).toThrow('No StructField named nope');
    expect(() => schema.get(2)).toThrow('StructType index out of range');
    expect(() => new StructType().add('x')).toThrow('Must specify DataType');
  });

  it('reject bad decimal parameters with a one-line error', () => {
    expect(() => new DecimalType(39, 0)).toThrow('DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION');
    expect(() => new DecimalType(5, 6)).toThrow('cannot be greater than precision');
  });
});
