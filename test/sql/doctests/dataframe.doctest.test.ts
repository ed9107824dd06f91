// PySpark 4's docstring examples of pyspark.sql.DataFrame (python/pyspark/sql/dataframe.py),
// written as a Flint user writes them; the expected text is copied from the docstrings. This file:
// the class docstring, views, schema, show, actions, distinct, sorting and describe/summary;
// dataframe-relational (select, filter, groupBy, joins, set operations) and dataframe-reshape
// (missing values, withColumn, renames, statistics, unpivot) have the rest.
//
// Not ported (Python-only or outside DESIGN.md §8):
// - sparkSession, rdd type, registerTempTable, createGlobalTempView and the global_temp
//   database, writeStream, withWatermark, isStreaming, isLocal, storageLevel, semanticHash,
//   sameSemantics, writeTo, mergeInto, pandas_api, mapInPandas, mapInArrow, toPandas, _joinAsOf,
//   __dir__, _ipython_key_completions_, executionInfo, withMetadata, to(schema).
// - hint, colRegex, crosstab, freqItems, sampleBy, checkpoint, localCheckpoint, repartitionByRange,
//   observe and inputFiles: in dataframe-extras.doctest.test.ts; toJSON in functions-json-csv.
// - explain(): plan text is Flint's own (test/sql/plan-golden.test.ts); the doctests elide it.
// - repr of a schema (`StructType([StructField('age', LongType(), True), ...])`): Python repr;
//   the same facts are checked through dtypes and simpleString().
// - sample(0.5, 3), randomSplit: results depend on the partitioning of the docs' machine (the draws
//   are Spark's: dataframe-extras checks them against Spark's own DataFrameStatSuite answers).
// - repartition/repartitionByRange examples: their spark_partition_id() output (repartition by
//   columns is checked against Spark's hash in functions-misc, with coalesce's examples).
// - foreach/foreachPartition print from the workers (nothing to compare).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F, type DataFrame } from '@flint/driver';
import { docText, shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-dataframe' });
});

afterAll(async () => {
  await fc.stop();
});

const tomAliceBob = () => fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], ['age', 'name']);
const aliceBob = () => fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);

describe('DataFrame class docstring', () => {
  it('filter, join, groupBy with a dict agg, sort', async () => {
    const people = fc.createDataFrame([
      { deptId: 1, age: 40, name: 'Hyukjin Kwon', gender: 'M', salary: 50 },
      { deptId: 1, age: 50, name: 'Takuya Ueshin', gender: 'M', salary: 100 },
      { deptId: 2, age: 60, name: 'Xinrong Meng', gender: 'F', salary: 150 },
      { deptId: 3, age: 20, name: 'Haejoon Lee', gender: 'M', salary: 200 },
    ]);
    const department = fc.createDataFrame([
      { id: 1, name: 'PySpark' },
      { id: 2, name: 'ML' },
      { id: 3, name: 'Spark SQL' },
    ]);
    await shows(
      people
        .filter(people.col('age').gt(30))
        .join(department, people.col('deptId').equalTo(department.col('id')))
        .groupBy(department.col('name'), 'gender')
        .agg({ salary: 'avg', age: 'max' })
        .sort('max(age)'),
      `
      +-------+------+-----------+--------+
      |   name|gender|avg(salary)|max(age)|
      +-------+------+-----------+--------+
      |PySpark|     M|       75.0|      50|
      |     ML|     F|      150.0|      60|
      +-------+------+-----------+--------+`,
    );
  });
});

describe('views', () => {
  it('na property: fill(2)', async () => {
    await shows(fc.sql('SELECT 1 AS c1, int(NULL) AS c2').na.fill(2), `
      +---+---+
      | c1| c2|
      +---+---+
      |  1|  2|
      +---+---+`);
  });

  it('createTempView, then a second one fails; table() of two views', async () => {
    const df = aliceBob();
    df.createTempView('doctest_people');
    await shows(fc.sql('SELECT * FROM doctest_people'), `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  5|  Bob|
      +---+-----+`);
    expect(() => df.createTempView('doctest_people')).toThrow(/already exists/);
    const df1 = fc.createDataFrame([[1, 'John'], [2, 'Jane']], ['id', 'name']);
    const df2 = fc.createDataFrame([[3, 'Jake'], [4, 'Jill']], ['id', 'name']);
    df1.createTempView('doctest_table1');
    df2.createTempView('doctest_table2');
    await shows(fc.table('doctest_table1').union(fc.table('doctest_table2')), `
      +---+----+
      | id|name|
      +---+----+
      |  1|John|
      |  2|Jane|
      |  3|Jake|
      |  4|Jill|
      +---+----+`);
  });

  it('createOrReplaceTempView replaces the view', async () => {
    const df = aliceBob();
    df.createOrReplaceTempView('doctest_people2');
    const df2 = df.filter(df.col('age').gt(3));
    df2.createOrReplaceTempView('doctest_people2');
    expect(await fc.sql('SELECT * FROM doctest_people2').collect()).toEqual(await df2.collect());
  });
});

describe('schema, printSchema, dtypes, columns', () => {
  it('schema: inferred, DDL and given', () => {
    expect(tomAliceBob().schema.simpleString()).toBe('struct<age:bigint,name:string>');
    expect(fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], 'age INT, name STRING').schema.simpleString()).toBe('struct<age:int,name:string>');
    const given = fc.createDataFrame([['a'], ['b'], ['c']], 'value STRING NOT NULL');
    expect(given.schema.fields.map((f) => [f.name, f.dataType.simpleString(), f.nullable])).toEqual([['value', 'string', false]]);
  });

  it('printSchema, with levels, and void', () => {
    expect(tomAliceBob().schema.treeString()).toBe(docText(`
      root
       |-- age: long (nullable = true)
       |-- name: string (nullable = true)
      `) + '\n');
    // PySpark's (2, 2) tuple is a struct with fields _1 and _2.
    const nested = fc.createDataFrame([[1, { _1: 2, _2: 2 }]], ['a', 'b']);
    expect(nested.schema.treeString(1)).toBe('root\n |-- a: long (nullable = true)\n |-- b: struct (nullable = true)\n');
    expect(nested.schema.treeString(2)).toBe(docText(`
      root
       |-- a: long (nullable = true)
       |-- b: struct (nullable = true)
       |    |-- _1: long (nullable = true)
       |    |-- _2: long (nullable = true)`) + '\n');
    const nn = fc.sql('SELECT * FROM range(1)').selectExpr('id AS nonnullable', 'NULL AS nullable');
    expect(nn.schema.treeString()).toBe('root\n |-- nonnullable: long (nullable = false)\n |-- nullable: void (nullable = true)\n');
  });

  it('dtypes and columns', async () => {
    expect(tomAliceBob().dtypes).toEqual([['age', 'bigint'], ['name', 'string']]);
    let df = fc.createDataFrame([[14, 'Tom', 'CA'], [23, 'Alice', 'NY'], [16, 'Bob', 'TX']], ['age', 'name', 'state']);
    expect(df.columns).toEqual(['age', 'name', 'state']);
    await shows(df.select(df.columns.filter((c) => c !== 'age')), `
      +-----+-----+
      | name|state|
      +-----+-----+
      |  Tom|   CA|
      |Alice|   NY|
      |  Bob|   TX|
      +-----+-----+`);
    for (const name of df.columns) df = df.withColumn(name, F.upper(F.col(name)));
    await shows(df, `
      +---+-----+-----+
      |age| name|state|
      +---+-----+-----+
      | 14|  TOM|   CA|
      | 23|ALICE|   NY|
      | 16|  BOB|   TX|
      +---+-----+-----+`);
    expect(df.withColumnRenamed('name', 'first_name').columns).toEqual(['age', 'first_name', 'state']);
  });

  it('toString is the repr', () => {
    expect(tomAliceBob().toString()).toBe('DataFrame[age: bigint, name: string]');
    expect(aliceBob().sortWithinPartitions('age', { ascending: false }).toString()).toBe('DataFrame[age: bigint, name: string]');
  });
});

describe('show', () => {
  const df = () => fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob'], [19, 'This is a super long name']], ['age', 'name']);

  it('default, n, truncate=false, truncate=3, vertical', async () => {
    await shows(df(), `
      +---+--------------------+
      |age|                name|
      +---+--------------------+
      | 14|                 Tom|
      | 23|               Alice|
      | 16|                 Bob|
      | 19|This is a super l...|
      +---+--------------------+`);
    await shows(df(), `
      +---+-----+
      |age| name|
      +---+-----+
      | 14|  Tom|
      | 23|Alice|
      +---+-----+
      only showing top 2 rows`, 2);
    await shows(df(), `
      +---+-------------------------+
      |age|name                     |
      +---+-------------------------+
      |14 |Tom                      |
      |23 |Alice                    |
      |16 |Bob                      |
      |19 |This is a super long name|
      +---+-------------------------+`, undefined, false);
    await shows(df(), `
      +---+----+
      |age|name|
      +---+----+
      | 14| Tom|
      | 23| Ali|
      | 16| Bob|
      | 19| Thi|
      +---+----+`, undefined, 3);
    // The doctest compares with NORMALIZE_WHITESPACE; Spark's text pads each line as below.
    expect.soft(await df().showString(undefined, undefined, true)).toBe([
      '-RECORD 0--------------------',
      ' age  | 14                   ',
      ' name | Tom                  ',
      '-RECORD 1--------------------',
      ' age  | 23                   ',
      ' name | Alice                ',
      '-RECORD 2--------------------',
      ' age  | 16                   ',
      ' name | Bob                  ',
      '-RECORD 3--------------------',
      ' age  | 19                   ',
      ' name | This is a super l... ',
    ].join('\n'));
  });
});

describe('actions', () => {
  it('exceptAll keeps duplicates', async () => {
    const df1 = fc.createDataFrame([['a', 1], ['a', 1], ['a', 1], ['a', 2], ['b', 3], ['c', 4]], ['C1', 'C2']);
    const df2 = fc.createDataFrame([['a', 1], ['b', 3]], ['C1', 'C2']);
    await shows(df1.exceptAll(df2).sort('C1', 'C2'), `
      +---+---+
      | C1| C2|
      +---+---+
      |  a|  1|
      |  a|  1|
      |  a|  2|
      |  c|  4|
      +---+---+`);
  });

  it('isEmpty', async () => {
    expect(await fc.createDataFrame([], 'a STRING').isEmpty()).toBe(true);
    expect(await fc.createDataFrame(['a'], 'STRING').isEmpty()).toBe(false);
    expect(await fc.createDataFrame([[null, null]], 'a STRING, b INT').isEmpty()).toBe(false);
    expect(await fc.createDataFrame([], 'id INT, value STRING').isEmpty()).toBe(true);
  });

  it('count, collect, toLocalIterator, take, tail, head, first', async () => {
    const df = tomAliceBob();
    expect(await df.count()).toBe(3);
    expect(await df.collect()).toEqual([{ age: 14, name: 'Tom' }, { age: 23, name: 'Alice' }, { age: 16, name: 'Bob' }]);
    expect(await df.filter(df.col('age').gt(15)).collect()).toEqual([{ age: 23, name: 'Alice' }, { age: 16, name: 'Bob' }]);
    expect(await df.select('name').collect()).toEqual([{ name: 'Tom' }, { name: 'Alice' }, { name: 'Bob' }]);
    expect(await df.select(F.upper(df.col('name'))).collect()).toEqual([{ 'upper(name)': 'TOM' }, { 'upper(name)': 'ALICE' }, { 'upper(name)': 'BOB' }]);
    expect((await df.collect()).map((row) => row.name)).toEqual(['Tom', 'Alice', 'Bob']);
    const iterated: Record<string, unknown>[] = [];
    for await (const row of df.toLocalIterator()) iterated.push(row);
    expect(iterated).toEqual([{ age: 14, name: 'Tom' }, { age: 23, name: 'Alice' }, { age: 16, name: 'Bob' }]);
    expect(await df.take(2)).toEqual([{ age: 14, name: 'Tom' }, { age: 23, name: 'Alice' }]);
    expect(await df.tail(2)).toEqual([{ age: 23, name: 'Alice' }, { age: 16, name: 'Bob' }]);
    const ab = aliceBob();
    expect(await ab.head()).toEqual({ age: 2, name: 'Alice' });
    expect(await ab.head(1)).toEqual([{ age: 2, name: 'Alice' }]);
    expect(await ab.head(0)).toEqual([]);
    expect(await ab.first()).toEqual({ age: 2, name: 'Alice' });
  });

  it('limit and offset', async () => {
    const df = tomAliceBob();
    await shows(df.limit(1), `
      +---+----+
      |age|name|
      +---+----+
      | 14| Tom|
      +---+----+`);
    await shows(df.limit(0), `
      +---+----+
      |age|name|
      +---+----+
      +---+----+`);
    await shows(df.offset(1), `
      +---+-----+
      |age| name|
      +---+-----+
      | 23|Alice|
      | 16|  Bob|
      +---+-----+`);
    await shows(df.offset(10), `
      +---+----+
      |age|name|
      +---+----+
      +---+----+`);
  });

  it('cache, persist and unpersist return the DataFrame', () => {
    const df = fc.sql('SELECT * FROM range(1)');
    expect(df.cache().toString()).toBe('DataFrame[id: bigint]');
    expect(df.unpersist().toString()).toBe('DataFrame[id: bigint]');
    expect(fc.sql('SELECT * FROM range(1)').persist().toString()).toBe('DataFrame[id: bigint]');
  });

  it('sample with fraction 1.0 keeps every row', async () => {
    const df = fc.sql('SELECT * FROM range(10)');
    expect(await df.sample(1.0).count()).toBe(10);
    expect(await df.sample(undefined, 1.0).count()).toBe(10);
    expect(await df.sample(false, 1.0).count()).toBe(10);
  });
});

describe('distinct and dropDuplicates', () => {
  it('distinct', async () => {
    let df = fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [23, 'Alice']], ['age', 'name']);
    await shows(df.distinct().sort('age'), `
      +---+-----+
      |age| name|
      +---+-----+
      | 14|  Tom|
      | 23|Alice|
      +---+-----+`);
    expect(await df.distinct().count()).toBe(2);
    df = fc.createDataFrame([[14, 'Tom', 'M'], [23, 'Alice', 'F'], [23, 'Alice', 'F'], [14, 'Tom', 'M']], ['age', 'name', 'gender']);
    await shows(df.distinct().sort('age'), `
      +---+-----+------+
      |age| name|gender|
      +---+-----+------+
      | 14|  Tom|     M|
      | 23|Alice|     F|
      +---+-----+------+`);
    await shows(df.select('name').distinct().sort(F.desc('name')), `
      +-----+
      | name|
      +-----+
      |  Tom|
      |Alice|
      +-----+`);
    expect(await df.select('name').distinct().count()).toBe(2);
    await shows(df.select('name', 'gender').distinct().sort(F.desc('name')), `
      +-----+------+
      | name|gender|
      +-----+------+
      |  Tom|     M|
      |Alice|     F|
      +-----+------+`);
    df = fc.createDataFrame([[14, 'Tom', 'M'], [23, 'Alice', 'F'], [23, 'Alice', 'F'], [14, 'Tom', null]], ['age', 'name', 'gender']);
    await shows(df.distinct().sort('age', F.desc_nulls_last('gender')), `
      +---+-----+------+
      |age| name|gender|
      +---+-----+------+
      | 14|  Tom|     M|
      | 14|  Tom|  NULL|
      | 23|Alice|     F|
      +---+-----+------+`);
    await shows(df.distinct().filter(df.col('gender').isNotNull()).sort('age'), `
      +---+-----+------+
      |age| name|gender|
      +---+-----+------+
      | 14|  Tom|     M|
      | 23|Alice|     F|
      +---+-----+------+`);
  });

  it('dropDuplicates: all columns, varargs and subset', async () => {
    // PySpark's Row(name=..., age=..., height=...) keeps its field order: arrays and names here.
    const df = fc.createDataFrame([['Alice', 5, 80], ['Alice', 5, 80], ['Alice', 10, 80]], ['name', 'age', 'height']);
    await shows(df.dropDuplicates().sort('age'), `
      +-----+---+------+
      | name|age|height|
      +-----+---+------+
      |Alice|  5|    80|
      |Alice| 10|    80|
      +-----+---+------+`);
    const once = `
      +-----+---+------+
      | name|age|height|
      +-----+---+------+
      |Alice|  5|    80|
      +-----+---+------+`;
    await shows(df.coalesce(1).dropDuplicates('name', 'height'), once);
    await shows(df.coalesce(1).dropDuplicates(['name', 'height']), once);
  });
});

describe('sort and orderBy', () => {
  it('by columns, ordinals and ascending', async () => {
    let df = aliceBob();
    const up = `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  5|  Bob|
      +---+-----+`;
    const down = `
      +---+-----+
      |age| name|
      +---+-----+
      |  5|  Bob|
      |  2|Alice|
      +---+-----+`;
    await shows(df.sort(F.asc('age')), up);
    await shows(df.sort(1), up);
    await shows(df.sort(df.col('age').desc()), down);
    await shows(df.orderBy(df.col('age').desc()), down);
    await shows(df.sort('age', { ascending: false }), down);
    await shows(df.sort(-1), down);
    await shows(df.coalesce(1).sortWithinPartitions(1), up);
    await shows(df.coalesce(1).sortWithinPartitions(-1), down);

    df = fc.createDataFrame([[2, 'Alice'], [2, 'Bob'], [5, 'Bob']], ['age', 'name']);
    const mixed = `
      +---+-----+
      |age| name|
      +---+-----+
      |  5|  Bob|
      |  2|Alice|
      |  2|  Bob|
      +---+-----+`;
    await shows(df.orderBy(F.desc('age'), 'name'), mixed);
    await shows(df.orderBy(-1, 'name'), mixed);
    await shows(df.orderBy(-1, 2), mixed);
    const bothDown = `
      +---+-----+
      |age| name|
      +---+-----+
      |  5|  Bob|
      |  2|  Bob|
      |  2|Alice|
      +---+-----+`;
    await shows(df.orderBy(['age', 'name'], { ascending: [false, false] }), bothDown);
    await shows(df.orderBy([1, 'name'], { ascending: [false, false] }), bothDown);
    await shows(df.orderBy([1, 2], { ascending: [false, false] }), bothDown);
  });
});

describe('describe and summary', () => {
  // PySpark's doctests run on local[4]: createDataFrame cuts the three rows into four slices,
  // and mean and stddev merge per-slice partial results in that order.
  const df = () =>
    fc.createDataFrame(
      fc.parallelize([['Bob', 13, 40.3, 150.5], ['Alice', 12, 37.8, 142.3], ['Tom', 11, 44.1, 142.2]], 4),
      'name STRING, age BIGINT, weight DOUBLE, height DOUBLE',
    );

  it('describe', async () => {
    await shows(df().describe(['age']), `
      +-------+----+
      |summary| age|
      +-------+----+
      |  count|   3|
      |   mean|12.0|
      | stddev| 1.0|
      |    min|  11|
      |    max|  13|
      +-------+----+`);
    await shows(df().describe(['age', 'weight', 'height']), `
      +-------+----+------------------+-----------------+
      |summary| age|            weight|           height|
      +-------+----+------------------+-----------------+
      |  count|   3|                 3|                3|
      |   mean|12.0| 40.73333333333333|            145.0|
      | stddev| 1.0|3.1722757341273704|4.763402145525822|
      |    min|  11|              37.8|            142.2|
      |    max|  13|              44.1|            150.5|
      +-------+----+------------------+-----------------+`);
  });

  it('summary', async () => {
    await shows(df().select('age', 'weight', 'height').summary(), `
      +-------+----+------------------+-----------------+
      |summary| age|            weight|           height|
      +-------+----+------------------+-----------------+
      |  count|   3|                 3|                3|
      |   mean|12.0| 40.73333333333333|            145.0|
      | stddev| 1.0|3.1722757341273704|4.763402145525822|
      |    min|  11|              37.8|            142.2|
      |    25%|  11|              37.8|            142.2|
      |    50%|  12|              40.3|            142.3|
      |    75%|  13|              44.1|            150.5|
      |    max|  13|              44.1|            150.5|
      +-------+----+------------------+-----------------+`);
    await shows(df().select('age', 'weight', 'height').summary('count', 'min', '25%', '75%', 'max'), `
      +-------+---+------+------+
      |summary|age|weight|height|
      +-------+---+------+------+
      |  count|  3|     3|     3|
      |    min| 11|  37.8| 142.2|
      |    25%| 11|  37.8| 142.2|
      |    75%| 13|  44.1| 150.5|
      |    max| 13|  44.1| 150.5|
      +-------+---+------+------+`);
  });
});
