// PySpark 4's docstring examples of pyspark.sql.functions (functions/builtin.py): sort helpers,
// lit and aggregates (math functions: functions-math), written as a Flint user writes them;
// expected text copied from the docstrings. `spark.range(n)` is `SELECT * FROM range(n)` here.
//
// Not ported:
// - ceil/floor with a scale (not in Flint). try_* and make_interval are ported elsewhere
//   (functions-sql-extras, functions-misc); mode: in functions-misc.
// - Examples on decimals of 38 digits (Flint's decimals are doubles) and Python's sys.maxsize.
// - Row reprs with an ellipsis (`Row(COSH(1)=1.54308...)`): checked to the shown digits instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf, type DataFrame } from '@flint/driver';
import { docText, shows, showsPrefix } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-aggregate-math' });
});

afterAll(async () => {
  await fc.stop();
});


const range = (n: number) => fc.sql(`SELECT * FROM range(${n})`);

describe('sort helpers', () => {
  it('asc and desc', async () => {
    const df = fc.createDataFrame([[4, 'B'], [3, 'A'], [2, 'C']], ['id', 'value']);
    const byIdUp = `
      +---+-----+
      | id|value|
      +---+-----+
      |  2|    C|
      |  3|    A|
      |  4|    B|
      +---+-----+`;
    await shows(df.sort(sf.asc('id')), byIdUp);
    await shows(df.orderBy(sf.asc('value')), `
      +---+-----+
      | id|value|
      +---+-----+
      |  3|    A|
      |  4|    B|
      |  2|    C|
      +---+-----+`);
    const grouped = fc.createDataFrame([[2, 'A', 4], [1, 'B', 3], [3, 'A', 2]], ['id', 'group', 'value']);
    await shows(grouped.sort(sf.asc('group'), sf.desc('value')), `
      +---+-----+-----+
      | id|group|value|
      +---+-----+-----+
      |  2|    A|    4|
      |  3|    A|    2|
      |  1|    B|    3|
      +---+-----+-----+`);
    await shows(df.sort(df.col('id').asc()), byIdUp);
    const byIdDown = `
      +---+-----+
      | id|value|
      +---+-----+
      |  4|    B|
      |  3|    A|
      |  2|    C|
      +---+-----+`;
    await shows(df.sort(sf.desc('id')), byIdDown);
    await shows(df.orderBy(sf.desc('value')), `
      +---+-----+
      | id|value|
      +---+-----+
      |  2|    C|
      |  4|    B|
      |  3|    A|
      +---+-----+`);
    await shows(grouped.sort(sf.desc('group'), sf.asc('value')), `
      +---+-----+-----+
      | id|group|value|
      +---+-----+-----+
      |  1|    B|    3|
      |  3|    A|    2|
      |  2|    A|    4|
      +---+-----+-----+`);
    await shows(df.sort(df.col('id').desc()), byIdDown);
  });
});

describe('lit', () => {
  it('numbers, lists, strings and booleans', async () => {
    const df = range(1);
    await shows(df.select(sf.lit(5).alias('height'), df.col('id')), `
      +------+---+
      |height| id|
      +------+---+
      |     5|  0|
      +------+---+`);
    await shows(range(1).select(sf.lit([1, 2, 3])), `
      +--------------+
      |array(1, 2, 3)|
      +--------------+
      |     [1, 2, 3]|
      +--------------+`);
    await shows(df.select(sf.lit('PySpark').alias('framework'), df.col('id')), `
      +---------+---+
      |framework| id|
      +---------+---+
      |  PySpark|  0|
      +---------+---+`);
    const flags = fc.createDataFrame([[true, 'Yes'], [false, 'No']], ['flag', 'response']);
    await shows(flags.select(sf.lit(false).alias('is_approved'), flags.col('response')), `
      +-----------+--------+
      |is_approved|response|
      +-----------+--------+
      |      false|     Yes|
      |      false|      No|
      +-----------+--------+`);
  });
});

describe('aggregates', () => {
  it('max', async () => {
    const df = range(10);
    await shows(df.select(sf.max(df.col('id'))), `
      +-------+
      |max(id)|
      +-------+
      |      9|
      +-------+`);
    const letters = fc.createDataFrame([['A'], ['B'], ['C']], ['value']);
    await shows(letters.select(sf.max(letters.col('value'))), `
      +----------+
      |max(value)|
      +----------+
      |         C|
      +----------+`);
    const kv = fc.createDataFrame([['A', 1], ['A', 2], ['B', 3], ['B', 4]], ['key', 'value']);
    await shows(kv.groupBy('key').agg(sf.max(kv.col('value'))).sort('key'), `
      +---+----------+
      |key|max(value)|
      +---+----------+
      |  A|         2|
      |  B|         4|
      +---+----------+`);
    const kv2 = fc.createDataFrame([['A', 1, 2], ['A', 2, 3], ['B', 3, 4], ['B', 4, 5]], ['key', 'value1', 'value2']);
    await shows(kv2.groupBy('key').agg(sf.max('value1'), sf.max('value2')).sort('key'), `
      +---+-----------+-----------+
      |key|max(value1)|max(value2)|
      +---+-----------+-----------+
      |  A|          2|          3|
      |  B|          4|          5|
      +---+-----------+-----------+`);
    const withNull = fc.createDataFrame([[1], [2], [null]], ['value']);
    await shows(withNull.select(sf.max(withNull.col('value'))), `
      +----------+
      |max(value)|
      +----------+
      |         2|
      +----------+`);
    const withNaN = fc.createDataFrame([[1.1], [NaN], [3.3]], ['value']);
    await shows(withNaN.select(sf.max(withNaN.col('value'))), `
      +----------+
      |max(value)|
      +----------+
      |       NaN|
      +----------+`);
  });

  it('min', async () => {
    const df = range(10);
    await shows(df.select(sf.min(df.col('id'))), `
      +-------+
      |min(id)|
      +-------+
      |      0|
      +-------+`);
    await shows(fc.createDataFrame([['Alice'], ['Bob'], ['Charlie']], ['name']).select(sf.min('name')), `
      +---------+
      |min(name)|
      +---------+
      |    Alice|
      +---------+`);
    await shows(fc.createDataFrame([[1], [null], [3]], ['value']).select(sf.min('value')), `
      +----------+
      |min(value)|
      +----------+
      |         1|
      +----------+`);
    await shows(fc.createDataFrame([['Alice', 1], ['Alice', 2], ['Bob', 3]], ['name', 'value']).groupBy('name').agg(sf.min('value')).sort('name'), `
      +-----+----------+
      | name|min(value)|
      +-----+----------+
      |Alice|         1|
      |  Bob|         3|
      +-----+----------+`);
    await shows(fc.createDataFrame([['Alice', 1, 100], ['Bob', 2, 200], ['Charlie', 3, 300]], ['name', 'value1', 'value2']).select(sf.min('value1'), sf.min('value2')), `
      +-----------+-----------+
      |min(value1)|min(value2)|
      +-----------+-----------+
      |          1|        100|
      +-----------+-----------+`);
  });

  it('max_by and min_by', async () => {
    const earnings = fc.createDataFrame([['Java', 2012, 20000], ['dotNET', 2012, 5000], ['dotNET', 2013, 48000], ['Java', 2013, 30000]], ['course', 'year', 'earnings']);
    await shows(earnings.groupBy('course').agg(sf.max_by('year', 'earnings')).sort('course'), `
      +------+----------------------+
      |course|max_by(year, earnings)|
      +------+----------------------+
      |  Java|                  2013|
      |dotNET|                  2013|
      +------+----------------------+`);
    await shows(earnings.groupBy('course').agg(sf.min_by('year', 'earnings')).sort('course'), `
      +------+----------------------+
      |course|min_by(year, earnings)|
      +------+----------------------+
      |  Java|                  2012|
      |dotNET|                  2012|
      +------+----------------------+`);
    const depts = fc.createDataFrame([['Marketing', 'Anna', 4], ['IT', 'Bob', 2], ['IT', 'Charlie', 3], ['Marketing', 'David', 1]], ['department', 'name', 'years_in_dept']);
    await shows(depts.groupBy('department').agg(sf.max_by('name', 'years_in_dept')).sort('department'), `
      +----------+---------------------------+
      |department|max_by(name, years_in_dept)|
      +----------+---------------------------+
      |        IT|                    Charlie|
      | Marketing|                       Anna|
      +----------+---------------------------+`);
    await shows(depts.groupBy('department').agg(sf.min_by('name', 'years_in_dept')).sort('department'), `
      +----------+---------------------------+
      |department|min_by(name, years_in_dept)|
      +----------+---------------------------+
      |        IT|                        Bob|
      | Marketing|                      David|
      +----------+---------------------------+`);
    const more = fc.createDataFrame([['Consult', 'Eva', 6], ['Finance', 'Frank', 5], ['Finance', 'George', 9], ['Consult', 'Henry', 7]], ['department', 'name', 'years_in_dept']);
    await shows(more.groupBy('department').agg(sf.max_by('name', 'years_in_dept')).sort('department'), `
      +----------+---------------------------+
      |department|max_by(name, years_in_dept)|
      +----------+---------------------------+
      |   Consult|                      Henry|
      |   Finance|                     George|
      +----------+---------------------------+`);
    await shows(more.groupBy('department').agg(sf.min_by('name', 'years_in_dept')).sort('department'), `
      +----------+---------------------------+
      |department|min_by(name, years_in_dept)|
      +----------+---------------------------+
      |   Consult|                        Eva|
      |   Finance|                      Frank|
      +----------+---------------------------+`);
  });

  it('count', async () => {
    const letters = fc.createDataFrame([[null], ['a'], ['b'], ['c']], 'alphabets STRING');
    await shows(letters.select(sf.count(sf.expr('*'))), `
      +--------+
      |count(1)|
      +--------+
      |       4|
      +--------+`);
    await shows(letters.select(sf.count(letters.col('alphabets'))), `
      +----------------+
      |count(alphabets)|
      +----------------+
      |               3|
      +----------------+`);
    const fruit = fc.createDataFrame([[1, 'apple'], [2, 'banana'], [3, null]], ['id', 'fruit']);
    await shows(fruit.select(sf.count(sf.expr('*'))), `
      +--------+
      |count(1)|
      +--------+
      |       3|
      +--------+`);
    await shows(fruit.select(sf.count(fruit.col('id')), sf.count(fruit.col('fruit'))), `
      +---------+------------+
      |count(id)|count(fruit)|
      +---------+------------+
      |        3|           2|
      +---------+------------+`);
  });

  it('sum, avg, mean, median, sum_distinct, product', async () => {
    const df = range(10);
    await shows(df.select(sf.sum(df.col('id'))), `
      +-------+
      |sum(id)|
      +-------+
      |     45|
      +-------+`);
    await shows(fc.createDataFrame([[1, 2], [3, 4]], ['A', 'B']).select(sf.sum(sf.col('A').plus(sf.col('B')))), `
      +------------+
      |sum((A + B))|
      +------------+
      |          10|
      +------------+`);
    const ages = fc.createDataFrame([[1982, null], [1990, 2], [2000, 4]], 'birth BIGINT, age BIGINT');
    await shows(ages.select(sf.sum('age')), `
      +--------+
      |sum(age)|
      +--------+
      |       6|
      +--------+`);
    const two = fc.createDataFrame([[1982, 15], [1990, 2]], ['birth', 'age']);
    const avg85 = `
      +--------+
      |avg(age)|
      +--------+
      |     8.5|
      +--------+`;
    const avg3 = `
      +--------+
      |avg(age)|
      +--------+
      |     3.0|
      +--------+`;
    await shows(two.select(sf.avg('age')), avg85);
    await shows(ages.select(sf.avg('age')), avg3);
    await shows(two.select(sf.mean('age')), avg85);
    await shows(ages.select(sf.mean('age')), avg3);
    const courses = fc.createDataFrame(
      [['Java', 2012, 20000], ['dotNET', 2012, 5000], ['Java', 2012, 22000], ['dotNET', 2012, 10000], ['dotNET', 2013, 48000], ['Java', 2013, 30000]],
      ['course', 'year', 'earnings'],
    );
    await shows(courses.groupBy('course').agg(sf.median('earnings')).sort('course'), `
      +------+----------------+
      |course|median(earnings)|
      +------+----------------+
      |  Java|         22000.0|
      |dotNET|         10000.0|
      +------+----------------+`);
    const distinct = (rows: unknown[][], expected: number | 'NULL') =>
      shows(fc.createDataFrame(rows, 'numbers INT').select(sf.sum_distinct('numbers')), `
        +---------------------+
        |sum(DISTINCT numbers)|
        +---------------------+
        |${String(expected).padStart(21)}|
        +---------------------+`);
    await distinct([[1], [2], [3], [4]], 10);
    await distinct([[1], [1], [1], [1]], 1);
    await distinct([[null], [1], [1], [2]], 3);
    await distinct([[null], [null], [null], [null]], 'NULL');
    const x = fc.sql('SELECT * FROM range(1, 10)').toDF('x').withColumn('mod3', sf.col('x').mod(3));
    await shows(x.groupBy('mod3').agg(sf.product('x').alias('product')).orderBy('mod3'), `
      +----+-------+
      |mod3|product|
      +----+-------+
      |   0|  162.0|
      |   1|   28.0|
      |   2|   80.0|
      +----+-------+`);
  });
});

describe('more aggregates', () => {
  it('stddev, std, stddev_samp, stddev_pop, variance, var_samp, var_pop', async () => {
    for (const [f, name] of [[sf.stddev, 'stddev(id)'], [sf.std, 'std(id)'], [sf.stddev_samp, 'stddev_samp(id)']] as const) {
      const [row] = await range(6).select(f('id')).collect();
      expect.soft(String(row[name])).toMatch(/^1\.8708286933869/);
    }
    expect(String((await range(6).select(sf.stddev_pop('id')).first())!['stddev_pop(id)'])).toMatch(/^1\.707825127659/);
    const df = range(6);
    await shows(df.select(sf.variance(df.col('id'))), `
      +------------+
      |variance(id)|
      +------------+
      |         3.5|
      +------------+`);
    await shows(df.select(sf.var_samp(df.col('id'))), `
      +------------+
      |var_samp(id)|
      +------------+
      |         3.5|
      +------------+`);
    expect(String((await df.select(sf.var_pop(df.col('id'))).first())!['var_pop(id)'])).toMatch(/^2\.91666/);
  });

  it('every, bool_and, some, bool_or', async () => {
    const flags = (values: boolean[]) => fc.createDataFrame(values.map((v) => [v]), ['flag']);
    const cases: [boolean[], boolean, boolean][] = [
      [[true, true, true], true, true],
      [[true, false, true], false, true],
      [[false, false, false], false, false],
    ];
    for (const [values, all, any] of cases) {
      await shows(flags(values).select(sf.every('flag')), `
        +-----------+
        |every(flag)|
        +-----------+
        |${String(all).padStart(11)}|
        +-----------+`);
      await shows(flags(values).select(sf.bool_and('flag')), `
        +--------------+
        |bool_and(flag)|
        +--------------+
        |${String(all).padStart(14)}|
        +--------------+`);
      await shows(flags(values).select(sf.some('flag')), `
        +----------+
        |some(flag)|
        +----------+
        |${String(any).padStart(10)}|
        +----------+`);
      await shows(flags(values).select(sf.bool_or('flag')), `
        +-------------+
        |bool_or(flag)|
        +-------------+
        |${String(any).padStart(13)}|
        +-------------+`);
    }
  });

  it('bit_and, bit_or, bit_xor', async () => {
    const table = (name: string, value: string) => `
      +${'-'.repeat(name.length)}+
      |${name}|
      +${'-'.repeat(name.length)}+
      |${value.padStart(name.length)}|
      +${'-'.repeat(name.length)}+`;
    const c = (rows: (number | null)[]) => fc.createDataFrame(rows.map((v) => [v]), 'c INT');
    const expected: [(col: string) => ReturnType<typeof sf.bit_and>, string, string[]][] = [
      [sf.bit_and, 'bit_and(c)', ['0', '0', 'NULL', '5']],
      [sf.bit_or, 'bit_or(c)', ['3', '3', 'NULL', '5']],
      [sf.bit_xor, 'bit_xor(c)', ['2', '3', 'NULL', '5']],
    ];
    for (const [f, name, [allValues, someNull, allNull, single]] of expected) {
      await shows(c([1, 1, 2]).select(f('c')), table(name, allValues));
      await shows(c([1, null, 2]).select(f('c')), table(name, someNull));
      await shows(c([null, null, null]).select(f('c')), table(name, allNull));
      await shows(c([5]).select(f('c')), table(name, single));
    }
  });

  it('collect_list, array_agg, collect_set (sorted with sort_array)', async () => {
    const values = fc.createDataFrame([[1], [2], [2]], ['value']);
    await shows(values.select(sf.sort_array(sf.collect_list('value')).alias('sorted_list')), `
      +-----------+
      |sorted_list|
      +-----------+
      |  [1, 2, 2]|
      +-----------+`);
    const ages = fc.createDataFrame([[2], [5], [5]], ['age']);
    await shows(ages.select(sf.sort_array(sf.collect_list('age'), false).alias('sorted_list')), `
      +-----------+
      |sorted_list|
      +-----------+
      |  [5, 5, 2]|
      +-----------+`);
    const names = fc.createDataFrame([[1, 'John'], [2, 'John'], [3, 'Ana']], ['id', 'name']);
    await shows(names.groupBy('name').agg(sf.sort_array(sf.collect_list('id')).alias('sorted_list')).orderBy(sf.desc('name')), `
      +----+-----------+
      |name|sorted_list|
      +----+-----------+
      |John|     [1, 2]|
      | Ana|        [3]|
      +----+-----------+`);
    const c = fc.createDataFrame([[1], [1], [2]], ['c']);
    await shows(c.agg(sf.sort_array(sf.array_agg('c'))), `
      +---------------------------------+
      |sort_array(collect_list(c), true)|
      +---------------------------------+
      |                        [1, 1, 2]|
      +---------------------------------+`);
    const fruit = fc.createDataFrame([['apple'], ['apple'], ['banana']], ['c']);
    expect.soft(await fruit.agg(sf.sort_array(sf.array_agg('c'))).showString(20, false)).toBe(docText(`
      +---------------------------------+
      |sort_array(collect_list(c), true)|
      +---------------------------------+
      |[apple, apple, banana]           |
      +---------------------------------+`));
    const withNull = fc.createDataFrame([[1], [null], [2]], 'c BIGINT');
    await shows(withNull.agg(sf.sort_array(sf.array_agg('c'))), `
      +---------------------------------+
      |sort_array(collect_list(c), true)|
      +---------------------------------+
      |                           [1, 2]|
      +---------------------------------+`);
    await shows(values.select(sf.sort_array(sf.collect_set('value')).alias('sorted_set')), `
      +----------+
      |sorted_set|
      +----------+
      |    [1, 2]|
      +----------+`);
    await shows(ages.select(sf.sort_array(sf.collect_set('age'), false).alias('sorted_set')), `
      +----------+
      |sorted_set|
      +----------+
      |    [5, 2]|
      +----------+`);
    await shows(names.groupBy('name').agg(sf.sort_array(sf.collect_set('id')).alias('sorted_set')).orderBy(sf.desc('name')), `
      +----+----------+
      |name|sorted_set|
      +----+----------+
      |John|    [1, 2]|
      | Ana|       [3]|
      +----+----------+`);
  });
});

describe('null-ordering sort helpers', () => {
  it('asc_nulls_first, asc_nulls_last, desc_nulls_first, desc_nulls_last', async () => {
    const firstNull = fc.createDataFrame([[1, 'Bob'], [0, null], [2, 'Alice']], ['age', 'name']);
    const lastNull = fc.createDataFrame([[0, null], [1, 'Bob'], [2, 'Alice']], ['age', 'name']);
    const gradesA = fc.createDataFrame([[1, 'Bob', null], [0, null, 'Z'], [2, 'Alice', 'Y']], ['age', 'name', 'grade']);
    const gradesB = fc.createDataFrame([[0, null, 'Z'], [1, 'Bob', null], [2, 'Alice', 'Y']], ['age', 'name', 'grade']);
    const ascFirst = `
      +---+-----+
      |age| name|
      +---+-----+
      |  0| NULL|
      |  2|Alice|
      |  1|  Bob|
      +---+-----+`;
    await shows(firstNull.sort(sf.asc_nulls_first(firstNull.col('name'))), ascFirst);
    await shows(firstNull.sort(sf.asc_nulls_first('name')), ascFirst);
    await shows(gradesA.sort(sf.asc_nulls_first(gradesA.col('name')), sf.asc_nulls_first(gradesA.col('grade'))), `
      +---+-----+-----+
      |age| name|grade|
      +---+-----+-----+
      |  0| NULL|    Z|
      |  2|Alice|    Y|
      |  1|  Bob| NULL|
      +---+-----+-----+`);
    const ascLast = `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  1|  Bob|
      |  0| NULL|
      +---+-----+`;
    await shows(lastNull.sort(sf.asc_nulls_last(lastNull.col('name'))), ascLast);
    await shows(lastNull.sort(sf.asc_nulls_last('name')), ascLast);
    await shows(gradesB.sort(sf.asc_nulls_last(gradesB.col('name')), sf.asc_nulls_last(gradesB.col('grade'))), `
      +---+-----+-----+
      |age| name|grade|
      +---+-----+-----+
      |  2|Alice|    Y|
      |  1|  Bob| NULL|
      |  0| NULL|    Z|
      +---+-----+-----+`);
    const descFirst = `
      +---+-----+
      |age| name|
      +---+-----+
      |  0| NULL|
      |  1|  Bob|
      |  2|Alice|
      +---+-----+`;
    await shows(firstNull.sort(sf.desc_nulls_first(firstNull.col('name'))), descFirst);
    await shows(firstNull.sort(sf.desc_nulls_first('name')), descFirst);
    await shows(gradesA.sort(sf.desc_nulls_first(gradesA.col('name')), sf.desc_nulls_first(gradesA.col('grade'))), `
      +---+-----+-----+
      |age| name|grade|
      +---+-----+-----+
      |  0| NULL|    Z|
      |  1|  Bob| NULL|
      |  2|Alice|    Y|
      +---+-----+-----+`);
    const descLast = `
      +---+-----+
      |age| name|
      +---+-----+
      |  1|  Bob|
      |  2|Alice|
      |  0| NULL|
      +---+-----+`;
    await shows(lastNull.sort(sf.desc_nulls_last(lastNull.col('name'))), descLast);
    await shows(lastNull.sort(sf.desc_nulls_last('name')), descLast);
    await shows(gradesB.sort(sf.desc_nulls_last(gradesB.col('name')), sf.desc_nulls_last(gradesB.col('grade'))), `
      +---+-----+-----+
      |age| name|grade|
      +---+-----+-----+
      |  1|  Bob| NULL|
      |  2|Alice|    Y|
      |  0| NULL|    Z|
      +---+-----+-----+`);
  });
});
