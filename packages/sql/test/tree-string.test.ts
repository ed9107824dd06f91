import { describe, expect, it } from 'vitest';
import { StructType } from '../src/index.js';

describe('treeString (printSchema)', () => {
  it('prints PySpark doctest schemas exactly', () => {
    // pyspark.sql.DataFrame.printSchema doctest
    expect(StructType.fromDDL('age bigint, name string').treeString()).toBe(
      'root\n |-- age: long (nullable = true)\n |-- name: string (nullable = true)\n',
    );
  });

  it('indents nested structs, arrays and maps as Spark does', () => {
    const schema = StructType.fromDDL(
      'id int not null, s struct<a:int,b:array<double>>, m map<string,struct<x:decimal(10,2)>>, arr array<map<int,string>>',
    );
    expect(schema.treeString()).toBe(
      [
        'root',
        ' |-- id: integer (nullable = false)',
        ' |-- s: struct (nullable = true)',
        ' |    |-- a: integer (nullable = true)',
        ' |    |-- b: array (nullable = true)',
        ' |    |    |-- element: double (containsNull = true)',
        ' |-- m: map (nullable = true)',
        ' |    |-- key: string',
        ' |    |-- value: struct (valueContainsNull = true)',
        ' |    |    |-- x: decimal(10,2) (nullable = true)',
        ' |-- arr: array (nullable = true)',
        ' |    |-- element: map (containsNull = true)',
        ' |    |    |-- key: integer',
        ' |    |    |-- value: string (valueContainsNull = true)',
        '',
      ].join('\n'),
    );
  });

  it('stops at maxDepth and escapes control characters in names', () => {
    const schema = StructType.fromDDL('`a\nb` struct<c:struct<d:int>>');
    expect(schema.treeString(2)).toBe('root\n |-- a\\nb: struct (nullable = true)\n |    |-- c: struct (nullable = true)\n');
  });
});
