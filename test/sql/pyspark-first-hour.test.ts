// What a PySpark user writes in a first hour with Flint's DataFrames (PySpark's "Quickstart:
// DataFrame", "Spark SQL Getting Started" and the SQL user guide), and the mistakes such a user
// makes, against Spark's answers and messages.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inspect } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Window, capture, functions as F, col, type DataFrame } from '@flint/driver';

let fc: FlintContext;
let people: DataFrame;
let dir: string;

const PEOPLE = [
  { name: 'Alice', age: 10, dept: 'a' },
  { name: 'Bob', age: 20, dept: 'b' },
  { name: 'Charlie', age: 30, dept: 'a' },
  { name: 'Alice', age: 40, dept: 'b' },
];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-pyspark-first-hour' });
  people = fc.createDataFrame(PEOPLE);
  people.createOrReplaceTempView('people');
  dir = mkdtempSync(join(tmpdir(), 'flint-first-hour-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await fc.stop();
});

describe('a DataFrame joined with itself (Spark resolves `k = k` to both sides)', () => {
  // Sequential reference: the pairs of rows with equal names.
  const pairs = (left: typeof PEOPLE, right: typeof PEOPLE) => left.flatMap((l) => right.filter((r) => r.name === l.name).map((r) => [l.age, r.age]));

  it('df.join(df, df.col(k).equalTo(df.col(k))) pairs equal keys, not every row', async () => {
    const joined = people.join(people, people.col('name').equalTo(people.col('name')));
    expect(joined.columns).toEqual(['age', 'dept', 'name', 'age', 'dept', 'name']);
    const rows = await joined.toDF('age1', 'dept1', 'name1', 'age2', 'dept2', 'name2').collect();
    const got = rows.map((r) => [r.age1, r.age2]).sort();
    expect(got).toEqual(pairs(PEOPLE, PEOPLE).sort());
  });

  it('also with a DataFrame derived from it, and with eqNullSafe', async () => {
    const older = people.filter(col('age').gt(15));
    const joined = people.join(older, people.col('name').eqNullSafe(older.col('name')), 'left');
    const ages = (await joined.select(people.col('age')).collect()).map((r) => r.age);
    const reference = PEOPLE.flatMap((l) => {
      const matches = PEOPLE.filter((r) => r.age > 15 && r.name === l.name);
      return matches.length === 0 ? [l.age] : matches.map(() => l.age);
    });
    expect(ages.sort()).toEqual(reference.sort());
  });
});

describe('window functions that need an ORDER BY (Spark 4: _LEGACY_ERROR_TEMP_1037, shown without its class)', () => {
  const unordered = (wf: string) =>
    `Window function ${wf} requires window to be ordered, please add ORDER BY clause. For example SELECT ${wf}(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.`;

  it('row_number, rank, ntile and lag over a window without ORDER BY fail when the DataFrame is built', () => {
    const byDept = Window.partitionBy('dept');
    expect(() => people.withColumn('n', F.row_number().over(byDept))).toThrow(unordered('row_number()'));
    expect(() => people.withColumn('n', F.rank().over(byDept))).toThrow(unordered('rank()'));
    expect(() => people.withColumn('n', F.ntile(2).over(byDept))).toThrow(unordered('ntile(2)'));
    expect(() => people.withColumn('n', F.lag('age').over(byDept))).toThrow(/^Window function lag\(age.* requires window to be ordered/);
    expect(() => fc.sql('SELECT name, row_number() OVER (PARTITION BY dept) AS n FROM people')).toThrow(unordered('row_number()'));
  });

  it('a RANGE frame with a bound needs an ORDER BY too; ROWS frames and aggregates do not', async () => {
    expect(() => people.withColumn('s', F.sum('age').over(Window.partitionBy('dept').rangeBetween(-1, 0)))).toThrow(
      '[DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER] Cannot resolve "(PARTITION BY dept RANGE BETWEEN -1 FOLLOWING AND CURRENT ROW)" due to data type mismatch: A range window frame cannot be used in an unordered window specification. SQLSTATE: 42K09',
    );
    const whole = Window.partitionBy('dept').rangeBetween(Window.unboundedPreceding, Window.unboundedFollowing);
    const totals = await people.select('dept', F.sum('age').over(whole).alias('t'), F.max('age').over(Window.partitionBy('dept').rowsBetween(-1, 0)).alias('m')).collect();
    const total = (dept: string) => PEOPLE.filter((p) => p.dept === dept).reduce((s, p) => s + p.age, 0);
    for (const row of totals) expect(row.t).toBe(total(row.dept as string));
  });
});

describe('a filter reading a column its select dropped (Spark\'s ResolveMissingReferences)', () => {
  it("spark.read.table('people').select('name').filter('age > 21') keeps only `name`", async () => {
    const df = fc.read.table('people').select('name').filter('age > 21');
    expect(df.columns).toEqual(['name']);
    expect((await df.collect()).map((r) => r.name).sort()).toEqual(PEOPLE.filter((p) => p.age > 21).map((p) => p.name).sort());
    const byColumn = people.select(col('name').alias('who')).where(col('dept').equalTo('a'));
    expect((await byColumn.collect()).map((r) => r.who).sort()).toEqual(['Alice', 'Charlie']);
  });

  it('a column the input does not have is still an unresolved column', () => {
    expect(() => people.select('name').filter('agee > 21')).toThrow('[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `agee` cannot be resolved.');
  });
});

describe("PySpark's calls as the quickstart writes them", () => {
  it('createDataFrame(rdd, names) infers the types, as rdd.toDF(names) does', async () => {
    const rdd = fc.parallelize([
      [1, 2.5, 'string1'],
      [2, 3.5, 'string2'],
    ]);
    const df = fc.createDataFrame(rdd, ['a', 'b', 'c']);
    expect(df.dtypes).toEqual([
      ['a', 'bigint'],
      ['b', 'double'],
      ['c', 'string'],
    ]);
    expect(await df.collect()).toEqual([
      { a: 1, b: 2.5, c: 'string1' },
      { a: 2, b: 3.5, c: 'string2' },
    ]);
  });

  it("df.write.csv(path, { header: true }) takes PySpark's keyword arguments; mode 'default' is errorifexists", async () => {
    const out = join(dir, 'foo.csv');
    await people.select('name', 'age').coalesce(1).write.csv(out, { header: true });
    const part = readdirSync(out).find((f) => f.startsWith('part-'))!;
    expect(readFileSync(join(out, part), 'utf8').split('\n')[0]).toBe('name,age');
    await expect(people.write.csv(out, 'default')).rejects.toThrow(`[PATH_ALREADY_EXISTS] Path file:${out} already exists.`);
    await people.select('name').coalesce(1).write.csv(out, { mode: 'overwrite', sep: ';', header: true });
    expect(await fc.read.csv(out, { header: true, sep: ';' }).count()).toBe(PEOPLE.length);
    await people.write.parquet(join(dir, 'by-dept'), { partitionBy: 'dept' });
    expect(readdirSync(join(dir, 'by-dept')).filter((f) => f.startsWith('dept=')).sort()).toEqual(['dept=a', 'dept=b']);
  });

  it("fc.read.csv(path, schema) and fc.read.json(path, schema) take the schema where PySpark's second parameter is", async () => {
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'Michael,29\nAndy,30\n');
    const df = fc.read.csv(csv, 'name STRING, age INT');
    expect(df.dtypes).toEqual([
      ['name', 'string'],
      ['age', 'int'],
    ]);
    expect(await df.collect()).toEqual([
      { name: 'Michael', age: 29 },
      { name: 'Andy', age: 30 },
    ]);
    const json = join(dir, 'people.json');
    writeFileSync(json, '{"name":"Justin","age":19}\n');
    expect(await fc.read.json(json, 'name STRING, age INT', { mode: 'FAILFAST' }).collect()).toEqual([{ name: 'Justin', age: 19 }]);
  });
});

describe("a Column used with JavaScript's operators (PySpark's NOT_COLUMN_OR_STR / NOT_COLUMN, with the methods to use)", () => {
  const hint = "JavaScript has no operator overloading: use Column's methods";
  const age = col('age') as unknown as number;

  it('filter(col > 21) is a boolean, not a condition', () => {
    expect(() => people.filter((age > 21) as never)).toThrow(`[NOT_COLUMN_OR_STR] Argument \`condition\` should be a Column or str, got boolean. ${hint}`);
    expect(() => people.where(((r: { age: number }) => r.age > 21) as never)).toThrow('[NOT_COLUMN_OR_STR] Argument `condition` should be a Column or str, got function.');
  });

  it('withColumn(name, col * 2) is a number; select(col + 1) and col.gt(col + 1) are text', () => {
    expect(() => people.withColumn('x', (age * 2) as never)).toThrow(`[NOT_COLUMN] Argument \`col\` should be a Column, got number. ${hint}`);
    expect(() => people.select((age + 1) as never)).toThrow(`[NOT_COLUMN_OR_STR] Argument \`col\` is the text of a Column (Column<'age'>1), made by a JavaScript operator. ${hint}`);
    expect(() => col('age').gt(`${col('age')}1`)).toThrow("Argument `other` is the text of a Column (Column<'age'>1)");
  });
});

describe("a UDF's result as its declared type (Spark's EvaluatePython: a mismatched value is null)", () => {
  it('dates and timestamps from Dates, null for a value of another type, any value as a string', async () => {
    const day = F.udf((age: number) => new Date(Date.UTC(2020, 0, age)), 'date');
    const asInt = F.udf((name: string) => name, 'int');
    const half = F.udf((age: number) => age + 0.5, 'int');
    const text = F.udf((age: number) => age * 2, 'string');
    const pair = F.udf((name: string, age: number) => [age, name], 'struct<x:int,y:string>');
    const df = people.where(col('age').leq(20)).select(day('age').alias('d'), asInt('name').alias('i'), half('age').alias('h'), text('age').alias('t'), pair('name', 'age').alias('s'));
    const rows = await df.orderBy('d').collect();
    expect(rows).toEqual([
      { d: new Date(Date.UTC(2020, 0, 10)), i: null, h: null, t: '20', s: { x: 10, y: 'Alice' } },
      { d: new Date(Date.UTC(2020, 0, 20)), i: null, h: null, t: '40', s: { x: 20, y: 'Bob' } },
    ]);
    expect((await df.agg(F.max('d').alias('latest')).collect())[0]!.latest).toEqual(new Date(Date.UTC(2020, 0, 20)));
  });
});

describe('min and max of structs and arrays compare by content, as Spark orders them', () => {
  it('max(named_struct(age, name)) is the oldest, max(array(age)) the largest', async () => {
    const [row] = await fc.sql("SELECT max(named_struct('x', age, 'y', name)) AS m, min(named_struct('x', age, 'y', name)) AS n, max(array(age)) AS a FROM people").collect();
    expect(row).toEqual({ m: { x: 40, y: 'Alice' }, n: { x: 10, y: 'Alice' }, a: [40] });
  });
});

describe('fc.udf.register (PySpark\'s spark.udf.register): a function SQL text calls by name', () => {
  it('registers a UDF or a plain function; SQL, selectExpr and F.expr call it; its column is named after the registered name', async () => {
    const addTen = fc.udf.register('add_ten', F.udf((age: number) => age + 10, 'int'));
    const shout = fc.udf.register('shout', (name: string) => name.toUpperCase());
    const sql = await fc.sql('SELECT name, add_ten(age), shout(name) AS loud FROM people WHERE add_ten(age) > 35').collect();
    const reference = PEOPLE.filter((p) => p.age + 10 > 35).map((p) => ({ name: p.name, 'add_ten(age)': p.age + 10, loud: p.name.toUpperCase() }));
    expect(sql).toEqual(reference);
    expect(people.selectExpr('ADD_TEN(age)').columns).toEqual(['add_ten(age)']);
    expect((await people.select(F.expr('add_ten(age)').alias('a'), addTen('age'), shout('dept')).limit(1).collect())[0]).toEqual({ a: 20, 'add_ten(age)': 20, 'shout(dept)': 'A' });
  });

  it("as in PySpark: a UDF brings its own type, and an unknown name is still UNRESOLVED_ROUTINE", () => {
    expect(() => fc.udf.register('typed', F.udf((x: number) => x, 'int'), 'string')).toThrow(
      '[CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF] returnType can not be specified when `f` is a user-defined function, but got string.',
    );
    expect(() => fc.sql('SELECT add_eleven(age) FROM people')).toThrow('[UNRESOLVED_ROUTINE] Cannot resolve routine `add_eleven`');
  });
});

describe('global temporary views (the SQL guide\'s createGlobalTempView, read as global_temp.name)', () => {
  it('is read only through global_temp, by its name too, and refuses a second create', async () => {
    people.select('name', 'age').createGlobalTempView('staff');
    const rows = await fc.sql('SELECT staff.name FROM global_temp.staff WHERE staff.age > 25').collect();
    expect(rows.map((r) => r.name).sort()).toEqual(PEOPLE.filter((p) => p.age > 25).map((p) => p.name).sort());
    expect(() => fc.sql('SELECT * FROM staff')).toThrow('[TABLE_OR_VIEW_NOT_FOUND] The table or view `staff` cannot be found.');
    expect(() => people.createGlobalTempView('staff')).toThrow('[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `global_temp`.`staff` because it already exists.');
    people.createOrReplaceGlobalTempView('staff');
    expect(await fc.table('global_temp.staff').count()).toBe(PEOPLE.length);
    expect(fc.catalog.dropGlobalTempView('staff')).toBe(true);
    expect(() => fc.table('global_temp.staff')).toThrow('[TABLE_OR_VIEW_NOT_FOUND]');
  });
});

describe('aggregate and window functions where Spark refuses them: an analysis error, not an internal one when the query runs', () => {
  it('in WHERE (INVALID_WHERE_CONDITION), inside another aggregate (NESTED_AGGREGATE_FUNCTION), in GROUP BY (GROUP_BY_AGGREGATE)', () => {
    expect(() => fc.sql('SELECT name FROM people WHERE count(*) > 1')).toThrow(
      '[INVALID_WHERE_CONDITION] The WHERE condition "(count(1) > CAST(1 AS BIGINT))" contains invalid expressions: count(1). Rewrite the query to avoid window functions, aggregate functions, and generator functions in the WHERE clause. SQLSTATE: 42903',
    );
    expect(() => people.filter(F.sum('age').gt(1))).toThrow('[INVALID_WHERE_CONDITION] The WHERE condition "(sum(age) > CAST(1 AS BIGINT))" contains invalid expressions: sum(age).');
    expect(() => fc.sql('SELECT name FROM people WHERE row_number() OVER (ORDER BY age) = 1')).toThrow('contains invalid expressions: row_number() OVER (ORDER BY age ASC NULLS FIRST');
    const nested = '[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query. SQLSTATE: 42607';
    expect(() => fc.sql('SELECT sum(count(*)) FROM people')).toThrow(nested);
    expect(() => people.select(F.sum(F.max('age')))).toThrow(nested);
    expect(() => fc.sql('SELECT dept FROM people GROUP BY sum(age)')).toThrow('[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found sum(age). SQLSTATE: 42903');
  });

  it('HAVING and a window over a grouped aggregate still read aggregates', async () => {
    const rows = await fc.sql('SELECT dept, sum(sum(age)) OVER () AS total FROM people GROUP BY dept HAVING count(*) > 1 ORDER BY dept').collect();
    expect(rows).toEqual([
      { dept: 'a', total: 100 },
      { dept: 'b', total: 100 },
    ]);
  });
});

describe('console.log(df) and the shell show PySpark\'s repr', () => {
  it('a DataFrame inspects as DataFrame[...] and a Column as Column<...>, not as their plan and session', () => {
    expect(inspect(people.select('name', 'age'))).toBe('DataFrame[name: string, age: bigint]');
    expect(inspect({ c: col('age').plus(1) })).toBe("{ c: Column<'(age + 1)'> }");
  });
});

describe('df.foreachPartition (PySpark\'s): each partition\'s rows, on the executors', () => {
  it('sees every row once, in its partition', async () => {
    const seen = fc.accumulator(0);
    await people.repartition(2).foreachPartition(capture({ seen }, (rows, { seen }) => {
      for (const row of rows) seen.add(row.age as number);
    }));
    expect(seen.value).toBe(PEOPLE.reduce((s, p) => s + p.age, 0));
  });
});

describe('an action used without await says to await it', () => {
  it('reading, iterating or printing the Promise throws a TypeError naming the action; await still gives the result', async () => {
    const rows = people.collect() as unknown as unknown[];
    expect(() => rows.length).toThrow('df.collect() returns a Promise, not its result: await it (`const result = await df.collect()`)');
    expect(() => [...rows]).toThrow('df.collect() returns a Promise');
    const n = people.count();
    expect(() => `${n}`).toThrow('df.count() returns a Promise');
    expect(() => (n as unknown as number) > 1).toThrow('df.count() returns a Promise');
    expect(await n).toBe(PEOPLE.length);
    const all = (await rows) as Record<string, unknown>[];
    expect(all).toHaveLength(PEOPLE.length);
    expect(await Promise.all([people.first(), people.take(1)])).toEqual([all[0], [all[0]]]);
  });
});

describe("a Column of another DataFrame (Spark's MISSING_ATTRIBUTES), refused when the DataFrame is built", () => {
  it('names the attribute, the input and the operator; a column of the same lineage is still fine', async () => {
    const other = fc.createDataFrame([{ name: 'Zed', w: 1 }]);
    expect(() => people.select(other.col('name'))).toThrow(
      /^\[MISSING_ATTRIBUTES\.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION\] Resolved attribute\(s\) "name" missing from "age", "dept", "name" in operator !Project \[name#\d+\]\. Attribute\(s\) with the same name appear in the operation: "name"\. Please check if the right attribute\(s\) are used\. SQLSTATE: XX000$/,
    );
    expect(() => people.filter(other.col('w').gt(0))).toThrow(/^\[MISSING_ATTRIBUTES\.RESOLVED_ATTRIBUTE\] Resolved attribute\(s\) "w" missing from "age", "dept", "name" in operator !Filter /);
    const older = people.filter(col('age').gt(15));
    expect((await older.select(people.col('name')).orderBy(people.col('age')).collect()).map((r) => r.name)).toEqual(['Bob', 'Charlie', 'Alice']);
  });
});

describe('limit and offset take a whole number from 0 (Spark\'s INVALID_LIMIT_LIKE_EXPRESSION)', () => {
  it('refuses -1 and 1.5 when the DataFrame is built', async () => {
    expect(() => people.limit(-1)).toThrow('[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression "-1" is invalid. The limit expression must be equal to or greater than 0, but got -1. SQLSTATE: 42K0E');
    expect(() => people.offset(-2)).toThrow('The offset expression must be equal to or greater than 0, but got -2.');
    expect(() => people.limit(1.5)).toThrow('[INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE] The limit like expression "1.5" is invalid. The limit expression must be integer type, but got "DOUBLE".');
    expect(await people.limit(0).count()).toBe(0);
  });

  it("SQL's LIMIT and OFFSET fail with the same classes, printing the literal as Spark's Literal.sql does", () => {
    expect(() => fc.sql('SELECT * FROM people LIMIT -1')).toThrow('[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression "-1" is invalid. The limit expression must be equal to or greater than 0, but got -1. SQLSTATE: 42K0E');
    expect(() => fc.sql('SELECT * FROM people LIMIT 1 OFFSET -2')).toThrow('The offset expression must be equal to or greater than 0, but got -2.');
    expect(() => fc.sql('SELECT * FROM people LIMIT 1.5')).toThrow('[INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE] The limit like expression "1.5BD" is invalid. The limit expression must be integer type, but got "DECIMAL(2,1)". SQLSTATE: 42K0E');
  });
});
