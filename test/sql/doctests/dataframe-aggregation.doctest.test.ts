// PySpark 4's docstring examples of DataFrame.rollup/cube/groupingSets, functions.grouping/
// grouping_id and DataFrame.approxQuantile (expected text copied from the docstrings), and the
// same grouping queries in SQL (GROUP BY ROLLUP/CUBE/GROUPING SETS, WITH ROLLUP), which must give
// the DataFrame's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-dataframe-aggregation' });
});

afterAll(async () => {
  await fc.stop();
});

const rollupByNameAge = `
  +-----+----+-----+
  | name| age|count|
  +-----+----+-----+
  | NULL|NULL|    2|
  |Alice|NULL|    1|
  |Alice|   2|    1|
  |  Bob|NULL|    1|
  |  Bob|   5|    1|
  +-----+----+-----+`;

describe('DataFrame.rollup, cube and groupingSets', () => {
  it('rollup', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
    await shows(df.rollup('name').count().orderBy('name'), `
      +-----+-----+
      | name|count|
      +-----+-----+
      | NULL|    2|
      |Alice|    1|
      |  Bob|    1|
      +-----+-----+`);
    await shows(df.rollup('name', df.col('age')).count().orderBy('name', 'age'), rollupByNameAge);
    df.createOrReplaceTempView('people');
    const sql = fc.sql('SELECT name, age, count(*) AS count FROM people GROUP BY ROLLUP(name, age) ORDER BY name, age');
    await shows(sql, rollupByNameAge);
    await shows(fc.sql('SELECT name, age, count(*) AS count FROM people GROUP BY name, age WITH ROLLUP ORDER BY name, age'), rollupByNameAge);
  });

  it('cube', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
    const expected = `
      +-----+----+-----+
      | name| age|count|
      +-----+----+-----+
      | NULL|NULL|    2|
      | NULL|   2|    1|
      | NULL|   5|    1|
      |Alice|NULL|    1|
      |Alice|   2|    1|
      |  Bob|NULL|    1|
      |  Bob|   5|    1|
      +-----+----+-----+`;
    await shows(df.cube('name', df.col('age')).count().orderBy('name', 'age'), expected);
    df.createOrReplaceTempView('people');
    await shows(fc.sql('SELECT name, age, count(1) AS count FROM people GROUP BY CUBE(name, age) ORDER BY 1, 2'), expected);
  });

  it('groupingSets', async () => {
    const df = fc.createDataFrame(
      [
        [100, 'Fremont', 'Honda Civic', 10],
        [100, 'Fremont', 'Honda Accord', 15],
        [100, 'Fremont', 'Honda CRV', 7],
        [200, 'Dublin', 'Honda Civic', 20],
        [200, 'Dublin', 'Honda Accord', 10],
        [200, 'Dublin', 'Honda CRV', 3],
        [300, 'San Jose', 'Honda Civic', 5],
        [300, 'San Jose', 'Honda Accord', 8],
      ],
      'id INT, city STRING, car_model STRING, quantity INT',
    );
    const expected = `
      +--------+------------+---+
      |    city|   car_model|sum|
      +--------+------------+---+
      |    NULL|        NULL| 78|
      |  Dublin|        NULL| 33|
      |  Dublin|Honda Accord| 10|
      |  Dublin|   Honda CRV|  3|
      |  Dublin| Honda Civic| 20|
      | Fremont|        NULL| 32|
      | Fremont|Honda Accord| 15|
      | Fremont|   Honda CRV|  7|
      | Fremont| Honda Civic| 10|
      |San Jose|        NULL| 13|
      |San Jose|Honda Accord|  8|
      |San Jose| Honda Civic|  5|
      +--------+------------+---+`;
    const grouped = df.groupingSets([['city', 'car_model'], ['city'], []], 'city', 'car_model');
    await shows(grouped.agg(sf.sum(sf.col('quantity')).alias('sum')).sort('city', 'car_model'), expected);
    df.createOrReplaceTempView('dealer');
    const sql = 'SELECT city, car_model, sum(quantity) AS sum FROM dealer GROUP BY GROUPING SETS ((city, car_model), (city), ()) ORDER BY city, car_model';
    await shows(fc.sql(sql), expected);
    // A plain grouping column joins every set: GROUP BY city, ROLLUP(car_model) has no grand total.
    const perCity = await fc.sql('SELECT city, car_model, sum(quantity) AS sum FROM dealer GROUP BY city, ROLLUP(car_model) ORDER BY city, car_model').collect();
    expect(perCity.map((r) => [r.city, r.car_model, r.sum])).toEqual(
      (await grouped.agg(sf.sum('quantity').alias('sum')).where('city IS NOT NULL').sort('city', 'car_model').collect()).map((r) => [r.city, r.car_model, r.sum]),
    );
  });

  it('an empty input gives no rows, not a grand total of nulls (Spark groups by the set id)', async () => {
    const df = fc.createDataFrame([['Alice', 2]], ['name', 'age']).where('age > 100');
    expect(await df.rollup('name').count().collect()).toEqual([]);
  });
});

describe('grouping and grouping_id', () => {
  it('grouping', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
    const expected = `
      +-----+--------------+--------+
      | name|grouping(name)|sum(age)|
      +-----+--------------+--------+
      | NULL|             1|       7|
      |Alice|             0|       2|
      |  Bob|             0|       5|
      +-----+--------------+--------+`;
    await shows(df.cube('name').agg(sf.grouping('name'), sf.sum('age')).orderBy('name'), expected);
    df.createOrReplaceTempView('people');
    await shows(fc.sql('SELECT name, grouping(name), sum(age) FROM people GROUP BY CUBE(name) ORDER BY name'), expected);
    expect(df.cube('name').agg(sf.grouping('name')).schema.fields[1]!.dataType.simpleString()).toBe('tinyint');
  });

  it('grouping_id', async () => {
    const df = fc.createDataFrame([[1, 'a', 'a'], [3, 'a', 'a'], [4, 'b', 'c']], ['c1', 'c2', 'c3']);
    const expected = `
      +----+----+-------------+-------+
      |  c2|  c3|grouping_id()|sum(c1)|
      +----+----+-------------+-------+
      |NULL|NULL|            3|      8|
      |NULL|   a|            2|      4|
      |NULL|   c|            2|      4|
      |   a|NULL|            1|      4|
      |   a|   a|            0|      4|
      |   b|NULL|            1|      4|
      |   b|   c|            0|      4|
      +----+----+-------------+-------+`;
    await shows(df.cube('c2', 'c3').agg(sf.grouping_id(), sf.sum('c1')).orderBy('c2', 'c3'), expected);
    df.createOrReplaceTempView('t');
    await shows(fc.sql('SELECT c2, c3, grouping_id(), sum(c1) FROM t GROUP BY CUBE(c2, c3) ORDER BY c2, c3'), expected);
    // HAVING may test the grouping level (the subtotals of c2 only).
    const subtotals = await fc.sql('SELECT c2, sum(c1) AS s FROM t GROUP BY ROLLUP(c2, c3) HAVING grouping_id() = 1 ORDER BY c2').collect();
    expect(subtotals).toEqual([{ c2: 'a', s: 4 }, { c2: 'b', s: 4 }]);
  });

  it('outside grouping sets, or over a column that is not grouped, they are errors', () => {
    const df = fc.createDataFrame([[1, 'a']], ['c1', 'c2']);
    expect(() => df.groupBy('c2').agg(sf.grouping('c2'))).toThrow(/UNSUPPORTED_GROUPING_EXPRESSION/);
    expect(() => df.cube('c2').agg(sf.grouping('c1'))).toThrow(/GROUPING_COLUMN_MISMATCH.*\(c1\).*c2/);
    expect(() => df.cube('c2').agg(sf.grouping_id('c1'))).toThrow(/GROUPING_ID_COLUMN_MISMATCH/);
  });
});

describe('approxQuantile', () => {
  it("PySpark's examples", async () => {
    const five = fc.createDataFrame([[1], [2], [3], [4], [5]], ['values']);
    expect(await five.approxQuantile('values', [0.0, 0.5, 1.0], 0.05)).toEqual([1.0, 3.0, 5.0]);
    const two = fc.createDataFrame([[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]], ['col1', 'col2']);
    expect(await two.approxQuantile(['col1', 'col2'], [0.0, 0.5, 1.0], 0.05)).toEqual([[1.0, 3.0, 5.0], [10.0, 30.0, 50.0]]);
    const withNulls = fc.createDataFrame([[1], [null], [3], [4], [null]], ['values']);
    expect(await withNulls.approxQuantile('values', [0.0, 0.5, 1.0], 0.05)).toEqual([1.0, 3.0, 4.0]);
    expect(await five.approxQuantile('values', [0.0, 0.2, 1.0], 0.1)).toEqual([1.0, 1.0, 5.0]);
    expect(await five.stat.approxQuantile('values', [0.5], 0)).toEqual([3.0]);
  });

  it('a column of only nulls gives an empty list; bad arguments are one-line errors', async () => {
    const df = fc.createDataFrame([[null], [null]], 'v DOUBLE');
    expect(await df.approxQuantile('v', [0.5], 0.01)).toEqual([]);
    await expect(df.approxQuantile('v', [1.5], 0.01)).rejects.toThrow(/INVALID_PROBABILITY/);
    await expect(df.approxQuantile('v', [0.5], -1)).rejects.toThrow(/NEGATIVE_VALUE/);
  });
});
