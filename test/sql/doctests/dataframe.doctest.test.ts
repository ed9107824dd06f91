// PySpark 4's docstring examples of pyspark.sql.DataFrame (python/pyspark/sql/dataframe.py),
// written as a Flint user writes them; the expected text is copied from the docstrings.
//
// Not ported (Python-only or outside DESIGN.md §8):
// - sparkSession, rdd type, toJSON, registerTempTable, createGlobalTempView and the global_temp
//   database, writeStream, withWatermark, isStreaming, isLocal, storageLevel, semanticHash,
//   sameSemantics, writeTo, mergeInto, pandas_api, mapInPandas, mapInArrow, toPandas, _joinAsOf,
//   __dir__, _ipython_key_completions_, executionInfo, withMetadata, to(schema).
// - hint, colRegex, crosstab, freqItems, sampleBy, checkpoint, localCheckpoint, repartitionByRange,
//   observe and inputFiles: in dataframe-extras.doctest.test.ts.
// - explain(): plan text is Flint's own (test/sql/plan-golden.test.ts); the doctests elide it.
// - repr of a schema (`StructType([StructField('age', LongType(), True), ...])`): Python repr;
//   the same facts are checked through dtypes and simpleString().
// - sample(0.5, 3), randomSplit: results depend on Spark's random number generator.
// - repartition/repartitionByRange examples: they read spark_partition_id() of Spark's own hash and
//   range partitioning (coalesce's examples are in functions-misc).
// - rollup, cube, groupingSets, approxQuantile: not in Flint yet (see the report of issue 11).
// - foreach/foreachPartition print from the workers (nothing to compare).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F, col, lit, type DataFrame } from '@flint/driver';
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

describe('column access, select, selectExpr, filter', () => {
  it('df.col and select', async () => {
    const df = aliceBob();
    await shows(df.select(df.col('age')), `
      +---+
      |age|
      +---+
      |  2|
      |  5|
      +---+`);
    await shows(df.select(['name', 'age']), `
      +-----+---+
      | name|age|
      +-----+---+
      |Alice|  2|
      |  Bob|  5|
      +-----+---+`);
    await shows(df.filter(df.col('age').gt(3)), `
      +---+----+
      |age|name|
      +---+----+
      |  5| Bob|
      +---+----+`);
    await shows(df.select('*'), `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  5|  Bob|
      +---+-----+`);
    await shows(df.select(df.col('name'), df.col('age').plus(10).alias('age')), `
      +-----+---+
      | name|age|
      +-----+---+
      |Alice| 12|
      |  Bob| 15|
      +-----+---+`);
    await shows(df.selectExpr('age * 2', 'abs(age)'), `
      +---------+--------+
      |(age * 2)|abs(age)|
      +---------+--------+
      |        4|       2|
      |       10|       5|
      +---------+--------+`);
  });

  it('filter and where', async () => {
    const df = fc.createDataFrame([[2, 'Alice', 'Math'], [5, 'Bob', 'Physics'], [7, 'Charlie', 'Chemistry']], ['age', 'name', 'subject']);
    const over3 = `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  5|    Bob|  Physics|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`;
    const is2 = `
      +---+-----+-------+
      |age| name|subject|
      +---+-----+-------+
      |  2|Alice|   Math|
      +---+-----+-------+`;
    const bob = `
      +---+----+-------+
      |age|name|subject|
      +---+----+-------+
      |  5| Bob|Physics|
      +---+----+-------+`;
    const aliceBobRows = `
      +---+-----+-------+
      |age| name|subject|
      +---+-----+-------+
      |  2|Alice|   Math|
      |  5|  Bob|Physics|
      +---+-----+-------+`;
    await shows(df.filter(df.col('age').gt(3)), over3);
    await shows(df.where(df.col('age').equalTo(2)), is2);
    await shows(df.filter('age > 3'), over3);
    await shows(df.where('age = 2'), is2);
    await shows(df.filter(df.col('age').gt(3).and(df.col('subject').equalTo('Physics'))), bob);
    await shows(df.filter(df.col('age').equalTo(2).or(df.col('subject').equalTo('Chemistry'))), `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  2|  Alice|     Math|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`);
    await shows(df.filter("age > 3 AND name = 'Bob'"), bob);
    await shows(df.filter(df.col('name').isin('Alice', 'Bob')), aliceBobRows);
    await shows(df.filter(df.col('subject').isin(['Math', 'Physics'])), aliceBobRows);
    await shows(df.filter(F.not(df.col('name').isin(['Alice', 'Charlie']))), bob);
    await shows(df.filter(df.col('name').isNotNull()), `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  2|  Alice|     Math|
      |  5|    Bob|  Physics|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`);
    await shows(df.filter(df.col('name').like('Al%')), is2);
    await shows(df.filter(df.col('name').contains('i')), `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  2|  Alice|     Math|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`);
    await shows(df.filter(df.col('age').between(2, 5)), aliceBobRows);
  });
});

describe('groupBy and agg', () => {
  it('groupBy: global, dict, max, ordinals, lists', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 2], ['Bob', 2], ['Bob', 5]], ['name', 'age']);
    await shows(df.groupBy().avg(), `
      +--------+
      |avg(age)|
      +--------+
      |    2.75|
      +--------+`);
    await shows(df.groupBy('name').agg({ age: 'sum' }).sort('name'), `
      +-----+--------+
      | name|sum(age)|
      +-----+--------+
      |Alice|       2|
      |  Bob|       9|
      +-----+--------+`);
    const maxes = `
      +-----+--------+
      | name|max(age)|
      +-----+--------+
      |Alice|       2|
      |  Bob|       5|
      +-----+--------+`;
    await shows(df.groupBy(df.col('name')).max().sort('name'), maxes);
    await shows(df.groupBy(1).max().sort('name'), maxes);
    const counts = `
      +-----+---+-----+
      | name|age|count|
      +-----+---+-----+
      |Alice|  2|    1|
      |  Bob|  2|    2|
      |  Bob|  5|    1|
      +-----+---+-----+`;
    await shows(df.groupBy(['name', df.col('age')]).count().sort('name', 'age'), counts);
    await shows(df.groupBy([df.col('name'), 2]).count().sort('name', 'age'), counts);
  });

  it('agg on the whole DataFrame', async () => {
    const df = aliceBob();
    await shows(df.agg({ age: 'max' }), `
      +--------+
      |max(age)|
      +--------+
      |       5|
      +--------+`);
    await shows(df.agg(F.min(df.col('age'))), `
      +--------+
      |min(age)|
      +--------+
      |       2|
      +--------+`);
  });
});

describe('joins', () => {
  // PySpark's Rows keep their field order: arrays with column names here.
  const df = () => fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
  const df2 = () => fc.createDataFrame([['Tom', 80], ['Bob', 85]], ['name', 'height']);
  const df3 = () =>
    fc.createDataFrame([['Alice', 10, 80], ['Bob', 5, null], ['Tom', null, null], [null, null, null]], 'name STRING, age BIGINT, height BIGINT');

  it('inner, outer, left, right, semi and anti on columns', async () => {
    await shows(df().join(df2(), 'name'), `
      +----+---+------+
      |name|age|height|
      +----+---+------+
      | Bob|  5|    85|
      +----+---+------+`);
    await shows(df().join(df3(), ['name', 'age']), `
      +----+---+------+
      |name|age|height|
      +----+---+------+
      | Bob|  5|  NULL|
      +----+---+------+`);
    const a = df();
    const b = df2();
    const joined = a.join(b, a.col('name').equalTo(b.col('name')), 'outer').sort(F.desc(a.col('name')));
    await shows(joined, `
      +-----+----+----+------+
      | name| age|name|height|
      +-----+----+----+------+
      |  Bob|   5| Bob|    85|
      |Alice|   2|NULL|  NULL|
      | NULL|NULL| Tom|    80|
      +-----+----+----+------+`);
    await shows(joined.select(a.col('name'), b.col('height')), `
      +-----+------+
      | name|height|
      +-----+------+
      |  Bob|    85|
      |Alice|  NULL|
      | NULL|    80|
      +-----+------+`);
    await shows(df().alias('a').join(df().alias('b'), F.col('a.name').equalTo(F.col('b.name')), 'outer').sort(F.desc('a.name')).select('a.name', 'b.age'), `
      +-----+---+
      | name|age|
      +-----+---+
      |  Bob|  5|
      |Alice|  2|
      +-----+---+`);
    await shows(df().join(df2(), 'name', 'outer').sort(F.desc('name')), `
      +-----+----+------+
      | name| age|height|
      +-----+----+------+
      |  Tom|NULL|    80|
      |  Bob|   5|    85|
      |Alice|   2|  NULL|
      +-----+----+------+`);
    await shows(df().join(df3(), ['name', 'age'], 'outer').sort('name', 'age'), `
      +-----+----+------+
      | name| age|height|
      +-----+----+------+
      | NULL|NULL|  NULL|
      |Alice|   2|  NULL|
      |Alice|  10|    80|
      |  Bob|   5|  NULL|
      |  Tom|NULL|  NULL|
      +-----+----+------+`);
    await shows(df().join(df2(), 'name', 'left_outer').sort('name'), `
      +-----+---+------+
      | name|age|height|
      +-----+---+------+
      |Alice|  2|  NULL|
      |  Bob|  5|    85|
      +-----+---+------+`);
    await shows(df().join(df2(), 'name', 'right_outer').sort(F.desc('name')), `
      +----+----+------+
      |name| age|height|
      +----+----+------+
      | Tom|NULL|    80|
      | Bob|   5|    85|
      +----+----+------+`);
    await shows(df().join(df2(), 'name', 'left_semi'), `
      +----+---+
      |name|age|
      +----+---+
      | Bob|  5|
      +----+---+`);
    await shows(df().join(df2(), 'name', 'left_anti'), `
      +-----+---+
      | name|age|
      +-----+---+
      |Alice|  2|
      +-----+---+`);
  });

  it('alias: a self-join through aliases', async () => {
    const df = tomAliceBob();
    const joined = df.alias('df_as1').join(df.alias('df_as2'), col('df_as1.name').equalTo(col('df_as2.name')), 'inner');
    await shows(joined.select('df_as1.name', 'df_as2.name', 'df_as2.age').sort(F.desc('df_as1.name')), `
      +-----+-----+---+
      | name| name|age|
      +-----+-----+---+
      |  Tom|  Tom| 14|
      |  Bob|  Bob| 16|
      |Alice|Alice| 23|
      +-----+-----+---+`);
  });

  it('crossJoin', async () => {
    const df = tomAliceBob();
    const heights = fc.createDataFrame([[80, 'Tom'], [85, 'Bob']], ['height', 'name']);
    await shows(df.crossJoin(heights.select('height')).select('age', 'name', 'height'), `
      +---+-----+------+
      |age| name|height|
      +---+-----+------+
      | 14|  Tom|    80|
      | 14|  Tom|    85|
      | 23|Alice|    80|
      | 23|Alice|    85|
      | 16|  Bob|    80|
      | 16|  Bob|    85|
      +---+-----+------+`);
  });
});

describe('set operations', () => {
  it('union', async () => {
    const df1 = fc.createDataFrame([[1, 'A'], [2, 'B']], ['id', 'value']);
    const df2 = fc.createDataFrame([[3, 'C'], [4, 'D']], ['id', 'value']);
    const abcd = `
      +---+-----+
      | id|value|
      +---+-----+
      |  1|    A|
      |  2|    B|
      |  3|    C|
      |  4|    D|
      +---+-----+`;
    await shows(df1.union(df2), abcd);
    const m1 = fc.createDataFrame([[100001, 1], [100002, 2]], 'id LONG, money INT').withColumn('age', lit(30));
    const m2 = fc.createDataFrame([[3, 100003], [4, 100003]], 'money INT, id LONG').withColumn('age', lit(40));
    await shows(m1.union(m2), `
      +------+------+---+
      |    id| money|age|
      +------+------+---+
      |100001|     1| 30|
      |100002|     2| 30|
      |     3|100003| 40|
      |     4|100003| 40|
      +------+------+---+`);
    await shows(fc.createDataFrame([[1, 2]], ['A', 'B']).union(fc.createDataFrame([[3, 4]], ['C', 'D'])), `
      +---+---+
      |  A|  B|
      +---+---+
      |  1|  2|
      |  3|  4|
      +---+---+`);
    const d1 = fc.createDataFrame([[1, 'A'], [2, 'B'], [3, 'C']], ['id', 'value']);
    await shows(d1.union(df2.filter('id = 3').union(df2)).distinct().sort('id'), abcd);
  });

  it('unionByName', async () => {
    const df1 = fc.createDataFrame([[1, 2, 3]], ['col0', 'col1', 'col2']);
    await shows(df1.unionByName(fc.createDataFrame([[4, 5, 6]], ['col1', 'col2', 'col0'])), `
      +----+----+----+
      |col0|col1|col2|
      +----+----+----+
      |   1|   2|   3|
      |   6|   4|   5|
      +----+----+----+`);
    await shows(df1.unionByName(fc.createDataFrame([[4, 5, 6]], ['col1', 'col2', 'col3']), true), `
      +----+----+----+----+
      |col0|col1|col2|col3|
      +----+----+----+----+
      |   1|   2|   3|NULL|
      |NULL|   4|   5|   6|
      +----+----+----+----+`);
    await shows(df1.unionByName(fc.createDataFrame([[4, 5, 6, 7]], ['col1', 'col2', 'col3', 'col4']), true), `
      +----+----+----+----+----+
      |col0|col1|col2|col3|col4|
      +----+----+----+----+----+
      |   1|   2|   3|NULL|NULL|
      |NULL|   4|   5|   6|   7|
      +----+----+----+----+----+`);
    const zero = fc.createDataFrame([[0, 1, 2]], ['col0', 'col1', 'col2']);
    await shows(zero.unionByName(fc.createDataFrame([[3, 4, 5]], ['col3', 'col4', 'col5']), true), `
      +----+----+----+----+----+----+
      |col0|col1|col2|col3|col4|col5|
      +----+----+----+----+----+----+
      |   0|   1|   2|NULL|NULL|NULL|
      |NULL|NULL|NULL|   3|   4|   5|
      +----+----+----+----+----+----+`);
  });

  it('intersect, intersectAll and subtract', async () => {
    const df1 = fc.createDataFrame([['a', 1], ['a', 1], ['b', 3], ['c', 4]], ['C1', 'C2']);
    const df2 = fc.createDataFrame([['a', 1], ['a', 1], ['b', 3]], ['C1', 'C2']);
    await shows(df1.intersect(df2).sort('C1', 'C2'), `
      +---+---+
      | C1| C2|
      +---+---+
      |  a|  1|
      |  b|  3|
      +---+---+`);
    await shows(df1.intersectAll(df2).sort('C1', 'C2'), `
      +---+---+
      | C1| C2|
      +---+---+
      |  a|  1|
      |  a|  1|
      |  b|  3|
      +---+---+`);
    await shows(df1.subtract(df2), `
      +---+---+
      | C1| C2|
      +---+---+
      |  c|  4|
      +---+---+`);
    const i1 = fc.createDataFrame([[1, 'A'], [2, 'B']], ['id', 'value']);
    const i2 = fc.createDataFrame([[2, 'B'], [3, 'C']], ['id', 'value']);
    await shows(i1.intersect(i2).sort('id', 'value'), `
      +---+-----+
      | id|value|
      +---+-----+
      |  2|    B|
      +---+-----+`);
    await shows(i1.intersectAll(i2).sort('id', 'value'), `
      +---+-----+
      | id|value|
      +---+-----+
      |  2|    B|
      +---+-----+`);
    await shows(i1.subtract(i2), `
      +---+-----+
      | id|value|
      +---+-----+
      |  1|    A|
      +---+-----+`);
    const m1 = fc.createDataFrame([[1, 2], [1, 2], [3, 4]], ['A', 'B']);
    const m2 = fc.createDataFrame([[1, 2], [1, 2]], ['C', 'D']);
    await shows(m1.intersect(m2).sort('A', 'B'), `
      +---+---+
      |  A|  B|
      +---+---+
      |  1|  2|
      +---+---+`);
    await shows(m1.intersectAll(m2).sort('A', 'B'), `
      +---+---+
      |  A|  B|
      +---+---+
      |  1|  2|
      |  1|  2|
      +---+---+`);
    await shows(fc.createDataFrame([[1, 2]], ['A', 'B']).subtract(fc.createDataFrame([[1, 2]], ['C', 'D'])), `
      +---+---+
      |  A|  B|
      +---+---+
      +---+---+`);
  });
});

describe('missing values', () => {
  it('dropna / na.drop with nulls and NaN', async () => {
    const df = fc.createDataFrame(
      [[10, 80.0, 'Alice'], [5, NaN, 'Bob'], [null, null, 'Tom'], [null, NaN, null]],
      'age BIGINT, height DOUBLE, name STRING',
    );
    await shows(df.na.drop(), `
      +---+------+-----+
      |age|height| name|
      +---+------+-----+
      | 10|  80.0|Alice|
      +---+------+-----+`);
    await shows(df.na.drop('all'), `
      +----+------+-----+
      | age|height| name|
      +----+------+-----+
      |  10|  80.0|Alice|
      |   5|   NaN|  Bob|
      |NULL|  NULL|  Tom|
      +----+------+-----+`);
    await shows(df.na.drop(undefined, 2), `
      +---+------+-----+
      |age|height| name|
      +---+------+-----+
      | 10|  80.0|Alice|
      |  5|   NaN|  Bob|
      +---+------+-----+`);
    await shows(df.dropna(undefined, undefined, ['age', 'name']), `
      +---+------+-----+
      |age|height| name|
      +---+------+-----+
      | 10|  80.0|Alice|
      |  5|   NaN|  Bob|
      +---+------+-----+`);
  });

  it('fillna / na.fill', async () => {
    const df = fc.createDataFrame(
      [[10, 80.5, 'Alice', null], [5, null, 'Bob', null], [null, null, 'Tom', null], [null, null, null, true]],
      ['age', 'height', 'name', 'bool'],
    );
    await shows(df.na.fill(50), `
      +---+------+-----+----+
      |age|height| name|bool|
      +---+------+-----+----+
      | 10|  80.5|Alice|NULL|
      |  5|  50.0|  Bob|NULL|
      | 50|  50.0|  Tom|NULL|
      | 50|  50.0| NULL|true|
      +---+------+-----+----+`);
    await shows(df.na.fill(false), `
      +----+------+-----+-----+
      | age|height| name| bool|
      +----+------+-----+-----+
      |  10|  80.5|Alice|false|
      |   5|  NULL|  Bob|false|
      |NULL|  NULL|  Tom|false|
      |NULL|  NULL| NULL| true|
      +----+------+-----+-----+`);
    await shows(df.na.fill({ age: 50, name: 'unknown' }), `
      +---+------+-------+----+
      |age|height|   name|bool|
      +---+------+-------+----+
      | 10|  80.5|  Alice|NULL|
      |  5|  NULL|    Bob|NULL|
      | 50|  NULL|    Tom|NULL|
      | 50|  NULL|unknown|true|
      +---+------+-------+----+`);
    await shows(df.fillna('Spark', 'name'), `
      +----+------+-----+----+
      | age|height| name|bool|
      +----+------+-----+----+
      |  10|  80.5|Alice|NULL|
      |   5|  NULL|  Bob|NULL|
      |NULL|  NULL|  Tom|NULL|
      |NULL|  NULL|Spark|true|
      +----+------+-----+----+`);
  });

  it('replace / na.replace', async () => {
    const df = fc.createDataFrame([[10, 80, 'Alice'], [5, null, 'Bob'], [null, 10, 'Tom'], [null, null, null]], ['age', 'height', 'name']);
    await shows(df.na.replace(10, 20), `
      +----+------+-----+
      | age|height| name|
      +----+------+-----+
      |  20|    80|Alice|
      |   5|  NULL|  Bob|
      |NULL|    20|  Tom|
      |NULL|  NULL| NULL|
      +----+------+-----+`);
    await shows(df.na.replace('Alice', null), `
      +----+------+----+
      | age|height|name|
      +----+------+----+
      |  10|    80|NULL|
      |   5|  NULL| Bob|
      |NULL|    10| Tom|
      |NULL|  NULL|NULL|
      +----+------+----+`);
    await shows(df.na.replace(['Alice', 'Bob'], ['A', 'B'], 'name'), `
      +----+------+----+
      | age|height|name|
      +----+------+----+
      |  10|    80|   A|
      |   5|  NULL|   B|
      |NULL|    10| Tom|
      |NULL|  NULL|NULL|
      +----+------+----+`);
    await shows(df.replace(10, 18, 'age'), `
      +----+------+-----+
      | age|height| name|
      +----+------+-----+
      |  18|    80|Alice|
      |   5|  NULL|  Bob|
      |NULL|    10|  Tom|
      |NULL|  NULL| NULL|
      +----+------+-----+`);
  });
});

describe('withColumn(s), renames, drop, toDF, transform', () => {
  it('withColumns and withColumn', async () => {
    const df = aliceBob();
    await shows(df.withColumns({ age2: df.col('age').plus(2), age3: df.col('age').plus(3) }), `
      +---+-----+----+----+
      |age| name|age2|age3|
      +---+-----+----+----+
      |  2|Alice|   4|   5|
      |  5|  Bob|   7|   8|
      +---+-----+----+----+`);
    await shows(df.withColumn('age2', df.col('age').plus(2)), `
      +---+-----+----+
      |age| name|age2|
      +---+-----+----+
      |  2|Alice|   4|
      |  5|  Bob|   7|
      +---+-----+----+`);
  });

  it('withColumnRenamed and withColumnsRenamed', async () => {
    const df = aliceBob();
    const age2 = `
      +----+-----+
      |age2| name|
      +----+-----+
      |   2|Alice|
      |   5|  Bob|
      +----+-----+`;
    const same = `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  5|  Bob|
      +---+-----+`;
    const both = `
      +----+-----+
      |age2|name2|
      +----+-----+
      |   2|Alice|
      |   5|  Bob|
      +----+-----+`;
    await shows(df.withColumnRenamed('age', 'age2'), age2);
    await shows(df.withColumnRenamed('non_existing', 'new_name'), same);
    await shows(df.withColumnRenamed('age', 'age2').withColumnRenamed('name', 'name2'), both);
    await shows(df.withColumnsRenamed({ age: 'age2' }), age2);
    await shows(df.withColumnsRenamed({ age: 'age2', name: 'name2' }), both);
    await shows(df.withColumnsRenamed({ non_existing: 'new_name' }), same);
    await shows(df.withColumnsRenamed({}), same);
  });

  it('drop by name, by Column, after a join, and names with dots', async () => {
    const df = tomAliceBob();
    const names = `
      +-----+
      | name|
      +-----+
      |  Tom|
      |Alice|
      |  Bob|
      +-----+`;
    await shows(df.drop('age'), names);
    await shows(df.drop(df.col('age')), names);
    const df2 = fc.createDataFrame([[80, 'Tom'], [85, 'Bob']], ['height', 'name']);
    await shows(df.join(df2, df.col('name').equalTo(df2.col('name'))).drop('name').sort('age'), `
      +---+------+
      |age|height|
      +---+------+
      | 14|    80|
      | 16|    85|
      +---+------+`);
    const df3 = df.join(df2);
    await shows(df3, `
      +---+-----+------+----+
      |age| name|height|name|
      +---+-----+------+----+
      | 14|  Tom|    80| Tom|
      | 14|  Tom|    85| Bob|
      | 23|Alice|    80| Tom|
      | 23|Alice|    85| Bob|
      | 16|  Bob|    80| Tom|
      | 16|  Bob|    85| Bob|
      +---+-----+------+----+`);
    await shows(df3.drop('name'), `
      +---+------+
      |age|height|
      +---+------+
      | 14|    80|
      | 14|    85|
      | 23|    80|
      | 23|    85|
      | 16|    80|
      | 16|    85|
      +---+------+`);
    expect(() => df3.drop(F.col('name'))).toThrow(/AMBIGUOUS_REFERENCE/);
    const df4 = df.withColumn('a.b.c', lit(1));
    const withDots = `
      +---+-----+-----+
      |age| name|a.b.c|
      +---+-----+-----+
      | 14|  Tom|    1|
      | 23|Alice|    1|
      | 16|  Bob|    1|
      +---+-----+-----+`;
    await shows(df4, withDots);
    await shows(df4.drop('a.b.c'), `
      +---+-----+
      |age| name|
      +---+-----+
      | 14|  Tom|
      | 23|Alice|
      | 16|  Bob|
      +---+-----+`);
    await shows(df4.drop(F.col('a.b.c')), withDots);
  });

  it('toDF and transform', async () => {
    await shows(tomAliceBob().toDF('f1', 'f2'), `
      +---+-----+
      | f1|   f2|
      +---+-----+
      | 14|  Tom|
      | 23|Alice|
      | 16|  Bob|
      +---+-----+`);
    // Python's 1.0 is a float; JavaScript's 1.0 is the integer 1, so the schema says double.
    const df = fc.createDataFrame([[1, 1.0], [2, 2.0]], 'int BIGINT, float DOUBLE');
    const castAllToInt = (input: DataFrame) => input.select(input.columns.map((name) => col(name).cast('int')));
    const sortColumnsAsc = (input: DataFrame) => input.select(...[...input.columns].sort());
    await shows(df.transform(castAllToInt).transform(sortColumnsAsc), `
      +-----+---+
      |float|int|
      +-----+---+
      |    1|  1|
      |    2|  2|
      +-----+---+`);
    const addN = (input: DataFrame, n: number) => input.select(input.columns.map((name) => col(name).plus(n).alias(name)));
    await shows(df.transform(addN, 1).transform(addN, 10), `
      +---+-----+
      |int|float|
      +---+-----+
      | 12| 12.0|
      | 13| 13.0|
      +---+-----+`);
  });
});

describe('statistics', () => {
  // As for describe(): the doctests run on local[4], so these three rows sit in their own slices.
  const pairs = (rows: number[][], names: [string, string]) => fc.createDataFrame(fc.parallelize(rows, 4), `${names[0]} BIGINT, ${names[1]} BIGINT`);

  it('corr and cov', async () => {
    expect(await pairs([[1, 12], [10, 1], [19, 8]], ['c1', 'c2']).corr('c1', 'c2')).toBe(-0.3592106040535498);
    expect(await pairs([[11, 12], [10, 11], [9, 10]], ['small', 'bigger']).corr('small', 'bigger')).toBe(1.0);
    expect(await pairs([[1, 12], [10, 1], [19, 8]], ['c1', 'c2']).cov('c1', 'c2')).toBe(-18.0);
    expect(await pairs([[11, 12], [10, 11], [9, 10]], ['small', 'bigger']).cov('small', 'bigger')).toBe(1.0);
  });
});

describe('unpivot and melt', () => {
  it('ids, value columns widened to their common type, per input row', async () => {
    const df = fc.createDataFrame([[1, 11, 1.1], [2, 12, 1.2]], ['id', 'int', 'double']);
    await shows(df, `
      +---+---+------+
      | id|int|double|
      +---+---+------+
      |  1| 11|   1.1|
      |  2| 12|   1.2|
      +---+---+------+`);
    const long = `
      +---+------+----+
      | id|   var| val|
      +---+------+----+
      |  1|   int|11.0|
      |  1|double| 1.1|
      |  2|   int|12.0|
      |  2|double| 1.2|
      +---+------+----+`;
    await shows(df.unpivot('id', ['int', 'double'], 'var', 'val'), long);
    await shows(df.melt('id', undefined, 'var', 'val'), long);
  });
});
