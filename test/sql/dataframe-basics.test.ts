// DataFrame transformations and actions on local[2], against PySpark's own doctest outputs
// (pyspark/sql/dataframe.py) and hand-computed answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Column, DayTimeIntervalType, FlintContext, YearMonthIntervalType, functions as F, col, lit, type DataFrame } from '@flint/driver';

let fc: FlintContext;
let df: DataFrame;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-dataframe-basics' });
  df = fc.createDataFrame(
    [
      [2, 'Alice'],
      [5, 'Bob'],
    ],
    ['age', 'name'],
  );
});

afterAll(async () => {
  await fc.stop();
});

const table = (...lines: string[]) => lines.join('\n');

describe('schema', () => {
  it('infers bigint for JS integers and string for strings, as PySpark does for Python ints', () => {
    expect(df.dtypes).toEqual([
      ['age', 'bigint'],
      ['name', 'string'],
    ]);
    expect(df.columns).toEqual(['age', 'name']);
    expect(df.schema.simpleString()).toBe('struct<age:bigint,name:string>');
    expect(df.toString()).toBe('DataFrame[age: bigint, name: string]');
  });

  it('takes a DDL schema', () => {
    const typed = fc.createDataFrame([[1, 'a']], 'id INT, tag STRING');
    expect(typed.dtypes).toEqual([
      ['id', 'int'],
      ['tag', 'string'],
    ]);
  });

  it('rejects a row of the wrong length with PySpark error class', () => {
    expect(() => fc.createDataFrame([[1, 'a', 3]], 'id INT, tag STRING')).toThrow(/LENGTH_SHOULD_BE_THE_SAME/);
  });
});

describe('show()', () => {
  it('prints the table as the PySpark doctest shows it', async () => {
    expect(await df.showString()).toBe(
      table('+---+-----+', '|age| name|', '+---+-----+', '|  2|Alice|', '|  5|  Bob|', '+---+-----+'),
    );
  });

  it('names a computed column as Spark and aliases it (doctest of select)', async () => {
    const out = df.select(df.col('name'), df.col('age').plus(10).alias('age'));
    expect(await out.showString()).toBe(
      table('+-----+---+', '| name|age|', '+-----+---+', '|Alice| 12|', '|  Bob| 15|', '+-----+---+'),
    );
  });

  it('shows only n rows and says so', async () => {
    const many = fc.createDataFrame([1, 2, 3].map((id) => ({ id })));
    expect(await many.showString(2)).toBe(table('+---+', '| id|', '+---+', '|  1|', '|  2|', '+---+', 'only showing top 2 rows'));
  });
});

describe('generated column names', () => {
  it('follows Spark for arithmetic, CASE WHEN, aggregates and math functions', () => {
    const out = df.select(
      col('age').multiply(2),
      col('age').plus(1),
      F.when(col('age').gt(3), 1).otherwise(0),
      col('age').gt(1).and(col('age').lt(9)),
      F.upper('name'),
      F.sqrt(lit(4)),
      col('age').cast('string'),
      col('age').isNull(),
      col('name').isin('Bob', 'Eve'),
      col('age').notEqual(2),
    );
    expect(out.columns).toEqual([
      '(age * 2)',
      '(age + 1)',
      'CASE WHEN (age > 3) THEN 1 ELSE 0 END',
      '((age > 1) AND (age < 9))',
      'upper(name)',
      'SQRT(4)',
      'age', // a top-level cast of a column keeps its name (Spark's ResolveAliases)
      '(age IS NULL)',
      '(name IN (Bob, Eve))',
      '(NOT (age = 2))',
    ]);
    expect(df.agg(F.sum('age'), F.count('*'), F.avg('age'), F.countDistinct('name')).columns).toEqual([
      'sum(age)',
      'count(1)',
      'avg(age)',
      'count(DISTINCT name)',
    ]);
    expect(String(col('age').plus(1))).toBe("Column<'(age + 1)'>");
  });
});

describe('transformations', () => {
  const people = () =>
    fc.createDataFrame([
      { name: 'Alice', age: 2, height: 80 },
      { name: 'Bob', age: 5, height: null },
      { name: 'Tom', age: null, height: 80 },
      { name: 'Alice', age: 2, height: 80 },
    ]);

  it('filters with a Column and keeps row order', async () => {
    expect(await people().where(col('age').gt(1)).select('name').collect()).toEqual([{ name: 'Alice' }, { name: 'Bob' }, { name: 'Alice' }]);
  });

  it('withColumn replaces a column in place and appends a new one', async () => {
    const out = df.withColumn('age', col('age').plus(2)).withColumn('age2', col('age').multiply(10));
    expect(out.columns).toEqual(['age', 'name', 'age2']);
    expect(await out.collect()).toEqual([
      { age: 4, name: 'Alice', age2: 40 },
      { age: 7, name: 'Bob', age2: 70 },
    ]);
  });

  it('renames, drops and toDF', async () => {
    expect(df.withColumnRenamed('age', 'age2').columns).toEqual(['age2', 'name']);
    expect(df.drop('age').columns).toEqual(['name']);
    expect(df.drop('nope').columns).toEqual(['age', 'name']);
    expect(await df.toDF('f1', 'f2').collect()).toEqual([
      { f1: 2, f2: 'Alice' },
      { f1: 5, f2: 'Bob' },
    ]);
  });

  it('sorts ascending with nulls first and descending with nulls last, as Spark', async () => {
    const p = people();
    expect((await p.orderBy('age').collect()).map((r) => r.age)).toEqual([null, 2, 2, 5]);
    expect((await p.orderBy(F.desc('age')).collect()).map((r) => r.age)).toEqual([5, 2, 2, null]);
    expect((await p.orderBy(col('age').asc_nulls_last()).collect()).map((r) => r.age)).toEqual([2, 2, 5, null]);
    expect((await p.orderBy(['name', 'age'], { ascending: [false, true] }).collect()).map((r) => r.name)).toEqual(['Tom', 'Bob', 'Alice', 'Alice']);
  });

  it('limits, distinct, dropDuplicates', async () => {
    expect(await people().limit(1).count()).toBe(1);
    expect(await people().distinct().count()).toBe(3);
    const firstPerName = await people().dropDuplicates(['name']).orderBy('name').collect();
    expect(firstPerName.map((r) => r.name)).toEqual(['Alice', 'Bob', 'Tom']);
  });

  it('set operations: union keeps duplicates, intersect/subtract drop them, exceptAll counts', async () => {
    const a = fc.createDataFrame([['a', 1], ['a', 1], ['b', 3], ['c', 4]], ['C1', 'C2']);
    const b = fc.createDataFrame([['a', 1], ['b', 3]], ['C1', 'C2']);
    const sorted = async (d: DataFrame) => (await d.orderBy('C1', 'C2').collect()).map((r) => `${r.C1}${r.C2}`);
    expect(await sorted(a.union(b))).toEqual(['a1', 'a1', 'a1', 'b3', 'b3', 'c4']);
    expect(await sorted(a.intersect(b))).toEqual(['a1', 'b3']);
    expect(await sorted(a.intersectAll(b))).toEqual(['a1', 'b3']);
    expect(await sorted(a.subtract(b))).toEqual(['c4']);
    expect(await sorted(a.exceptAll(b))).toEqual(['a1', 'c4']);
  });

  it('unionByName matches columns by name', async () => {
    const d1 = fc.createDataFrame([[1, 2, 3]], ['col0', 'col1', 'col2']);
    const d2 = fc.createDataFrame([[4, 5, 6]], ['col1', 'col2', 'col0']);
    expect(await d1.unionByName(d2).collect()).toEqual([
      { col0: 1, col1: 2, col2: 3 },
      { col0: 6, col1: 4, col2: 5 },
    ]);
  });

  it('unionByName with allowMissingColumns fills the missing columns with nulls (doctest)', async () => {
    const d1 = fc.createDataFrame([[1, 2, 3]], ['col0', 'col1', 'col2']);
    const d2 = fc.createDataFrame([[4, 5, 6]], ['col1', 'col2', 'col3']);
    const out = d1.unionByName(d2, true);
    expect(out.columns).toEqual(['col0', 'col1', 'col2', 'col3']);
    expect(await out.collect()).toEqual([
      { col0: 1, col1: 2, col2: 3, col3: null },
      { col0: null, col1: 4, col2: 5, col3: 6 },
    ]);
  });

  it('replaces values in the columns of their type (doctests of DataFrame.replace)', async () => {
    const p = people();
    expect((await p.na.replace(2, 20).collect()).map((r) => r.age)).toEqual([20, 5, null, 20]);
    expect((await p.replace('Alice', null).collect()).map((r) => r.name)).toEqual([null, 'Bob', 'Tom', null]);
    expect((await p.replace(['Alice', 'Bob'], ['A', 'B'], 'name').collect()).map((r) => r.name)).toEqual(['A', 'B', 'Tom', 'A']);
    expect((await p.replace({ Alice: 'A' }).collect()).map((r) => r.name)).toEqual(['A', 'Bob', 'Tom', 'A']);
  });

  it('fills and drops nulls per PySpark rules', async () => {
    const filled = await people().na.fill(50).collect();
    expect(filled.map((r) => [r.age, r.height])).toEqual([
      [2, 80],
      [5, 50],
      [50, 80],
      [2, 80],
    ]);
    expect(await people().dropna().count()).toBe(2);
    expect(await people().dropna('any', undefined, 'age').count()).toBe(3);
  });
});

describe('actions', () => {
  it('count, first, head, take, isEmpty', async () => {
    expect(await df.count()).toBe(2);
    expect(await df.first()).toEqual({ age: 2, name: 'Alice' });
    expect(await df.head(1)).toEqual([{ age: 2, name: 'Alice' }]);
    expect(await df.take(5)).toHaveLength(2);
    expect(await df.where(col('age').gt(100)).isEmpty()).toBe(true);
    expect(await df.where(col('age').gt(100)).first()).toBeNull();
  });

  it('returns dates and timestamps as Dates', async () => {
    const when = new Date(Date.UTC(2024, 2, 1, 12, 30));
    const d = fc.createDataFrame([{ ts: when }]).select(col('ts'), col('ts').cast('date').alias('day'));
    const [row] = await d.collect();
    expect(row.ts).toEqual(when);
    expect(row.day).toBeInstanceOf(Date);
  });

  it('df.rdd gives row objects and rdd.toDF makes a DataFrame', async () => {
    expect(await df.rdd.map((r) => r.name).collect()).toEqual(['Alice', 'Bob']);
    const fromRdd = fc.parallelize([[1, 'x'], [2, 'y']]).toDF(['n', 's']);
    expect(fromRdd.dtypes).toEqual([
      ['n', 'bigint'],
      ['s', 'string'],
    ]);
    expect(await fromRdd.where(col('n').gt(1)).collect()).toEqual([{ n: 2, s: 'y' }]);
  });

  it('toLocalIterator yields every row', async () => {
    const seen: unknown[] = [];
    for await (const row of df.toLocalIterator()) seen.push(row.name);
    expect(seen).toEqual(['Alice', 'Bob']);
  });
});

describe('groupBy', () => {
  const courses = () =>
    fc.createDataFrame([
      { course: 'dotNET', year: 2012, earnings: 10000 },
      { course: 'Java', year: 2012, earnings: 20000 },
      { course: 'dotNET', year: 2012, earnings: 5000 },
      { course: 'dotNET', year: 2013, earnings: 48000 },
      { course: 'Java', year: 2013, earnings: 30000 },
    ]);

  it('agg with the dict form names columns as Spark (doctest)', async () => {
    const out = df.groupBy('name').agg({ age: 'max' }).sort('name');
    expect(await out.showString()).toBe(table('+-----+--------+', '| name|max(age)|', '+-----+--------+', '|Alice|       2|', '|  Bob|       5|', '+-----+--------+'));
  });

  it('pivot with values gives one column per value (doctest of GroupedData.pivot)', async () => {
    const out = courses().groupBy('year').pivot('course', ['dotNET', 'Java']).sum('earnings').sort('year');
    expect(await out.showString()).toBe(
      table('+----+------+-----+', '|year|dotNET| Java|', '+----+------+-----+', '|2012| 15000|20000|', '|2013| 48000|30000|', '+----+------+-----+'),
    );
  });
});

describe('date arithmetic', () => {
  it('adds and subtracts day and month intervals, and days, to dates', async () => {
    const days90 = new Column({ kind: 'literal', value: 90 * 86400e6, dataType: new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY) });
    const months3 = new Column({ kind: 'literal', value: 3, dataType: new YearMonthIntervalType(YearMonthIntervalType.MONTH, YearMonthIntervalType.MONTH) });
    const d = fc.createDataFrame([{ day: '1998-12-01' }]).select(col('day').cast('date').alias('day'));
    const [row] = await d.select(col('day').minus(days90).alias('a'), col('day').plus(months3).alias('b'), F.date_add('day', 31).alias('c')).collect();
    expect(row).toEqual({ a: new Date(Date.UTC(1998, 8, 2)), b: new Date(Date.UTC(1999, 2, 1)), c: new Date(Date.UTC(1999, 0, 1)) });
  });
});

describe('generators', () => {
  it('explode yields a row per element, named col; explode_outer keeps empty rows (PySpark doctests)', async () => {
    const d = fc.createDataFrame([
      { id: 1, xs: [1, 2] },
      { id: 2, xs: [] },
      { id: 3, xs: null },
    ], 'id BIGINT, xs ARRAY<BIGINT>');
    const exploded = d.select('id', F.explode('xs'));
    expect(exploded.columns).toEqual(['id', 'col']);
    expect(await exploded.collect()).toEqual([
      { id: 1, col: 1 },
      { id: 1, col: 2 },
    ]);
    expect(await d.select('id', F.explode_outer('xs').alias('x')).collect()).toEqual([
      { id: 1, x: 1 },
      { id: 1, x: 2 },
      { id: 2, x: null },
      { id: 3, x: null },
    ]);
    expect(await d.select(F.posexplode('xs')).collect()).toEqual([
      { pos: 0, col: 1 },
      { pos: 1, col: 2 },
    ]);
  });

  it('explode of a map gives key and value', async () => {
    const d = fc.createDataFrame([{ m: new Map([['a', 1]]) }]);
    expect(await d.select(F.explode('m')).collect()).toEqual([{ key: 'a', value: 1 }]);
  });
});

describe('jobs', () => {
  it('a DataFrame action records its call site and physical plan in jobHistory', async () => {
    await df.groupBy('name').count().collect();
    const job = fc.jobHistory[fc.jobHistory.length - 1];
    expect(job.description).toMatch(/^collect at test\/sql\/dataframe-basics\.test\.ts:\d+:\d+/);
    expect(job.description).toContain('== Physical Plan ==');
    expect(job.description).toContain('HashAggregate(keys=[name#');
  });
});

describe('errors', () => {
  it('an unknown column lists the candidates, as Spark analyzer does', () => {
    expect(() => df.select('agee')).toThrow(
      '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `agee` cannot be resolved. Did you mean one of the following? [`age`, `name`].',
    );
  });

  it('an unknown function is an error naming it', () => {
    expect(() => df.select(F.call_function('nofn', 'age'))).toThrow(/UNRESOLVED_ROUTINE.*`nofn`/);
  });

  it('aggregating without grouping a column is MISSING_AGGREGATION', () => {
    expect(() => df.groupBy('name').agg(col('age'))).toThrow(/MISSING_AGGREGATION/);
  });
});
