// Column methods and functions against PySpark doctest answers and hand-computed values,
// including nulls; plus caching, explain() and UDFs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, StorageLevel, functions as F, col, lit, capture, type DataFrame } from '@flint/driver';

let fc: FlintContext;
let people: DataFrame;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-columns-functions' });
  people = fc.createDataFrame(
    [
      [2, 'Alice', 'a,b'],
      [5, 'Bob', null],
      [null, 'Tom', 'c'],
    ],
    'age BIGINT, name STRING, tags STRING',
  );
});

afterAll(async () => {
  await fc.stop();
});

const values = async (df: DataFrame) => (await df.collect()).map((r) => Object.values(r));

describe('Column methods', () => {
  it('between, like, rlike, startswith, endswith, contains (null stays null)', async () => {
    const out = people.select(
      col('age').between(2, 4),
      col('name').like('%o%'),
      col('name').rlike('^[AB]'),
      col('name').startswith('Al'),
      col('name').endswith('m'),
      col('tags').contains(','),
    );
    expect(await values(out)).toEqual([
      [true, false, true, true, false, true],
      [false, true, true, false, false, null],
      [null, true, false, false, true, false],
    ]);
  });

  // getItem past the array: NULL with spark.sql.ansi.enabled=false, INVALID_ARRAY_INDEX under ANSI (Spark 4's sql-tests array.sql.out and ansi/array.sql.out).
  it('substr is 1-based and getItem indexes arrays from 0', async () => {
    const out = people.select(col('name').substr(1, 3).alias('s'), F.split('tags', ',').getItem(1).alias('second'));
    await expect(out.collect()).rejects.toThrow('[INVALID_ARRAY_INDEX] The index 1 is out of bounds. The array has 1 elements.');
    fc.conf.set('spark.sql.ansi.enabled', 'false');
    try {
      expect(await out.collect()).toEqual([
        { s: 'Ali', second: 'b' },
        { s: 'Bob', second: null },
        { s: 'Tom', second: null },
      ]);
    } finally {
      fc.conf.set('spark.sql.ansi.enabled', 'true');
    }
  });

  // Spark compares structs, arrays and binary values by content (its ordering's equiv: null equals
  // null and NaN equals NaN inside them), and keeps (1, 1) of the four records (Spark's in-basic.sql.out).
  it('= and <=> compare structs, arrays and binary values by content', async () => {
    const records = fc.sql('SELECT struct(col1 AS a, col2 AS b) AS record FROM VALUES (1, 1), (1, 2), (2, 1), (2, 2)');
    expect(await records.filter("record = named_struct('a', 1, 'b', 1)").count()).toBe(1);
    expect(await records.filter(col('record').eqNullSafe(F.struct(lit(2).alias('a'), lit(2).alias('b')))).count()).toBe(1);
    const [row] = await fc
      .sql(`SELECT array(1, 2) = array(1, 2) AS same, array(1, 2) = array(1, 3) AS other, array(1, 2) = array(1, 2, 3) AS longer,
        array(1, NULL) <=> array(1, NULL) AS nulls, struct(1, 'x') = struct(1, 'x') AS struct_, CAST('ab' AS BINARY) = CAST('ab' AS BINARY) AS bytes,
        array(1) = NULL AS unknown, array(CAST('NaN' AS DOUBLE)) = array(CAST('NaN' AS DOUBLE)) AS nan`)
      .collect();
    expect(row).toEqual({ same: true, other: false, longer: false, nulls: true, struct_: true, bytes: true, unknown: null, nan: true });
  });

  // Spark's interpreted ordering: element by element (null first, NaN last), then the shorter first; unsigned bytes.
  it('<, <=, >, >= order structs, arrays and binary values as Spark does', async () => {
    const [row] = await fc
      .sql(`SELECT array(10) < array(9) AS a, struct(2, 1) > struct(1, 5) AS b, array(1, 2) < array(1, 2, 0) AS c,
        array(1, NULL) < array(1, 0) AS d, array(CAST('NaN' AS DOUBLE)) > array(1.0D) AS e, CAST('b' AS BINARY) > CAST('ab' AS BINARY) AS f,
        array(1) <= array(1) AS g, array(2) >= NULL AS h`)
      .collect();
    expect(row).toEqual({ a: false, b: true, c: true, d: true, e: true, f: true, g: true, h: null });
  });

  // The sort's comparator uses the same ordering; sorting a struct column came back in input order.
  it('ORDER BY a struct or array column sorts as Spark orders them', async () => {
    const structs = await fc
      .sql(`SELECT s FROM VALUES (named_struct('a', 10, 'b', 1)), (named_struct('a', 9, 'b', 2)), (NULL), (named_struct('a', 9, 'b', 1)) AS t(s) ORDER BY s`)
      .collect();
    expect(structs.map((r) => r.s)).toEqual([null, { a: 9, b: 1 }, { a: 9, b: 2 }, { a: 10, b: 1 }]);
    const arrays = await fc
      .sql(`SELECT a FROM VALUES (array(1.0D)), (array(CAST('NaN' AS DOUBLE))), (array(1.0D, 0.0D)), (NULL) AS t(a) ORDER BY a DESC NULLS FIRST`)
      .collect();
    expect(arrays.map((r) => r.a)).toEqual([null, [NaN], [1, 0], [1]]);
  });

  it('getField reads a struct field', async () => {
    const d = fc.createDataFrame([{ p: { x: 1, y: 'a' } }]);
    expect(await d.select(col('p').getField('y')).collect()).toEqual([{ 'p.y': 'a' }]);
    expect(await d.select('p.x').collect()).toEqual([{ x: 1 }]);
  });

  it('when/otherwise chains and coalesce', async () => {
    const out = people.select(
      F.when(col('age').lt(3), 'young').when(col('age').lt(10), 'kid').otherwise('unknown').alias('k'),
      F.coalesce(col('tags'), lit('-')).alias('t'),
    );
    expect(await values(out)).toEqual([
      ['young', 'a,b'],
      ['kid', '-'],
      ['unknown', 'c'],
    ]);
  });

  it('cast follows Spark: double to string as Java prints it, string to int', async () => {
    const d = fc.createDataFrame([{ x: 1.5, s: '42' }]);
    const [row] = await d.select(col('x').cast('string').alias('a'), lit(2).cast('double').cast('string').alias('b'), col('s').cast('int').alias('c')).collect();
    expect(row).toEqual({ a: '1.5', b: '2.0', c: 42 });
  });
});

describe('functions', () => {
  it('string functions', async () => {
    const d = fc.createDataFrame([{ s: '  Hello World  ' }]);
    const [row] = await d
      .select(
        F.trim('s').alias('trim'),
        F.upper(F.trim('s')).alias('upper'),
        F.length('s').alias('len'),
        F.regexp_replace('s', 'o', '0').alias('re'),
        F.regexp_extract('s', '(\\w+) (\\w+)', 2).alias('ex'),
        F.lpad(F.trim('s'), 13, '*').alias('pad'),
        F.concat(lit('a'), lit('b'), lit(null)).alias('cat'),
        F.substring('s', -7, 5).alias('sub'),
      )
      .collect();
    expect(row).toEqual({
      trim: 'Hello World',
      upper: 'HELLO WORLD',
      len: 15,
      re: '  Hell0 W0rld  ',
      ex: 'World',
      pad: '**Hello World',
      cat: null,
      sub: 'World',
    });
  });

  it('math functions: round is HALF_UP, bround HALF_EVEN', async () => {
    const d = fc.createDataFrame([{ x: 2.5 }, { x: -2.5 }, { x: 2.675 }]);
    expect(await values(d.select(F.round('x'), F.bround('x'), F.round('x', 2), F.abs('x'), F.floor('x'), F.ceil('x')))).toEqual([
      [3, 2, 2.5, 2.5, 2, 3],
      [-3, -2, -2.5, 2.5, -3, -2],
      [3, 3, 2.68, 2.675, 2, 3],
    ]);
  });

  it('date functions on a date column', async () => {
    const d = fc.createDataFrame([{ s: '2015-04-08' }]).select(F.to_date('s').alias('d'));
    const [row] = await d
      .select(
        F.year('d').alias('y'),
        F.month('d').alias('m'),
        F.dayofmonth('d').alias('dom'),
        F.dayofweek('d').alias('dow'),
        F.date_format('d', 'MM/dd/yyyy').alias('f'),
        F.datediff(F.to_date(lit('2015-05-01')), 'd').alias('diff'),
        F.add_months('d', 1).alias('next'),
        F.last_day('d').alias('last'),
      )
      .collect();
    expect(row).toEqual({
      y: 2015,
      m: 4,
      dom: 8,
      dow: 4,
      f: '04/08/2015',
      diff: 23,
      next: new Date(Date.UTC(2015, 4, 8)),
      last: new Date(Date.UTC(2015, 3, 30)),
    });
  });

  it('collect_list, collect_set, first, last, stddev', async () => {
    const d = fc.createDataFrame([{ g: 1, v: 1 }, { g: 1, v: 2 }, { g: 1, v: 2 }, { g: 1, v: null }]).repartition(1);
    const [row] = await d.groupBy('g').agg(F.collect_list('v').alias('l'), F.collect_set('v').alias('s'), F.first('v').alias('f'), F.stddev('v').alias('sd')).collect();
    expect(row.l).toEqual([1, 2, 2]);
    expect((row.s as number[]).sort()).toEqual([1, 2]);
    expect(row.f).toBe(1);
    expect(row.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it('a UDF is named after its function and travels as source text', async () => {
    const plusOneUdf = F.udf(function plusOne(x: number) {
      return x === null ? null : x + 1;
    }, 'bigint');
    const out = people.select(plusOneUdf(col('age')));
    expect(out.columns).toEqual(['plusOne(age)']);
    expect(await values(out)).toEqual([[3], [6], [null]]);
    const scaled = F.udf(capture({ k: 10 }, (x: number, { k }) => (x === null ? null : x * k)), 'bigint');
    expect(await values(people.select(scaled('age')))).toEqual([[20], [50], [null]]);
  });

  it('a UDF that uses an outer variable is rejected where it is made', () => {
    const k = 3;
    expect(() => F.udf((x: number) => x * k)).toThrow(/'k'/);
  });
});

describe('caching and explain', () => {
  it('cache() keeps the rows: a second action reads the cached partitions', async () => {
    const d = fc.createDataFrame(Array.from({ length: 100 }, (_, i) => ({ i }))).where(col('i').mod(2).equalTo(0)).cache();
    expect(d.isCached).toBe(true);
    expect(await d.count()).toBe(50);
    expect(await d.agg(F.sum('i')).collect()).toEqual([{ 'sum(i)': 2450 }]);
    expect(fc.getPersistentRDDs().length).toBeGreaterThan(0);
    d.unpersist();
    expect(d.isCached).toBe(false);
    expect(StorageLevel.MEMORY_AND_DISK.name).toBe('MEMORY_AND_DISK');
  });

  it('explain("extended") prints the four plans', () => {
    const text = people.where(col('age').gt(1)).groupBy('name').count().explainString('extended');
    for (const section of ['== Parsed Logical Plan ==', '== Analyzed Logical Plan ==', '== Optimized Logical Plan ==', '== Physical Plan ==']) {
      expect(text).toContain(section);
    }
    expect(text).toContain('Filter (age#');
    expect(text).toContain('HashAggregate(keys=[name#');
    expect(() => people.explainString('nope')).toThrow(/Unknown explain mode/);
  });

  it('the optimizer folds constants and pushes filters below projections', () => {
    const text = people.select(col('age').plus(lit(1).plus(2)).alias('x'), 'name').where(col('x').gt(3)).explainString(true);
    const optimized = text.split('== Optimized Logical Plan ==')[1].split('== Physical Plan ==')[0];
    expect(optimized).toContain('(age#');
    expect(optimized).toContain(' + 3)');
    expect(optimized.indexOf('Project')).toBeLessThan(optimized.indexOf('Filter'));
  });
});
