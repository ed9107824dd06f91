// PySpark 4's docstring examples of pyspark.sql.functions' math functions (functions/builtin.py),
// written as a Flint user writes them; expected text copied from the docstrings. `spark.range(n)`
// is `SELECT * FROM range(n)` here. Not ported: examples on decimals of 38 digits (Flint's
// decimals are doubles); Row reprs with an ellipsis are checked to the shown digits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows, showsPrefix } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-math' });
});

afterAll(async () => {
  await fc.stop();
});

const range = (n: number) => fc.sql(`SELECT * FROM range(${n})`);

describe('math', () => {
  it('sqrt, abs', async () => {
    await shows(range(1).select(sf.sqrt(sf.lit(4))), `
      +-------+
      |SQRT(4)|
      +-------+
      |    2.0|
      +-------+`);
    const neg = fc.createDataFrame([[1, -1], [2, -2], [3, -3]], ['id', 'value']);
    await shows(neg.select(sf.abs(neg.col('value'))), `
      +----------+
      |abs(value)|
      +----------+
      |         1|
      |         2|
      |         3|
      +----------+`);
    const mixed = fc.createDataFrame([[1, 1], [2, -2], [3, 3]], ['id', 'value']);
    await shows(mixed.select(sf.abs(mixed.col('id').minus(mixed.col('value')))), `
      +-----------------+
      |abs((id - value))|
      +-----------------+
      |                0|
      |                4|
      |                0|
      +-----------------+`);
    const nulls = fc.createDataFrame([[1, null], [2, -2], [3, null]], 'id BIGINT, value BIGINT');
    await shows(nulls.select(sf.abs(nulls.col('value'))), `
      +----------+
      |abs(value)|
      +----------+
      |      NULL|
      |         2|
      |      NULL|
      +----------+`);
    const doubles = fc.createDataFrame([[1, -1.5], [2, -2.5], [3, -3.5]], ['id', 'value']);
    await shows(doubles.select(sf.abs(doubles.col('value'))), `
      +----------+
      |abs(value)|
      +----------+
      |       1.5|
      |       2.5|
      |       3.5|
      +----------+`);
  });

  it('inverse and hyperbolic trigonometry', async () => {
    const values = fc.createDataFrame([[-1.0], [-0.5], [0.0], [0.5], [1.0]], 'value DOUBLE');
    await showsPrefix(values.select('value', sf.acos('value')), `
      +-----+------------------+
      |value|       ACOS(value)|
      +-----+------------------+
      | -1.0| 3.141592653589...|
      | -0.5|2.0943951023931...|
      |  0.0|1.5707963267948...|
      |  0.5|1.0471975511965...|
      |  1.0|               0.0|
      +-----+------------------+`);
    const nullInt = fc.createDataFrame([[null]], 'value INT');
    await shows(nullInt.select(sf.acos(nullInt.col('value'))), `
      +-----------+
      |ACOS(value)|
      +-----------+
      |       NULL|
      +-----------+`);
    const outside = fc.createDataFrame([[2], [-2]], ['value']);
    await shows(outside.select(sf.acos(outside.col('value'))), `
      +-----------+
      |ACOS(value)|
      +-----------+
      |        NaN|
      |        NaN|
      +-----------+`);
    const ones = fc.createDataFrame([[1], [2]], ['value']);
    await showsPrefix(ones.select('value', sf.acosh(ones.col('value'))), `
      +-----+------------------+
      |value|      ACOSH(value)|
      +-----+------------------+
      |    1|               0.0|
      |    2|1.3169578969248...|
      +-----+------------------+`);
    await shows(nullInt.select(sf.acosh(nullInt.col('value'))), `
      +------------+
      |ACOSH(value)|
      +------------+
      |        NULL|
      +------------+`);
    const halves = fc.createDataFrame([[0.5], [-0.5]], ['value']);
    await shows(halves.select(sf.acosh(halves.col('value'))), `
      +------------+
      |ACOSH(value)|
      +------------+
      |         NaN|
      |         NaN|
      +------------+`);
    const zeroTwo = fc.createDataFrame([[0], [2]], ['_1']);
    await shows(zeroTwo.select(sf.asin(zeroTwo.schema.fieldNames()[0])), `
      +--------+
      |ASIN(_1)|
      +--------+
      |     0.0|
      |     NaN|
      +--------+`);
    await shows(range(1).select(sf.asinh(sf.col('id'))), `
      +---------+
      |ASINH(id)|
      +---------+
      |      0.0|
      +---------+`);
    const r = range(1);
    await shows(r.select(sf.atan(r.col('id'))), `
      +--------+
      |ATAN(id)|
      +--------+
      |     0.0|
      +--------+`);
    const numbers = fc.createDataFrame([[0], [2]], ['numbers']);
    await shows(numbers.select(sf.atanh(numbers.col('numbers'))), `
      +--------------+
      |ATANH(numbers)|
      +--------------+
      |           0.0|
      |           NaN|
      +--------------+`);
    expect(String((await range(1).select(sf.cosh(sf.lit(1))).first())!['COSH(1)'])).toMatch(/^1\.54308/);
    expect(String((await range(1).select(sf.sinh(sf.lit(1.1))).first())!['SINH(1.1)'])).toMatch(/^1\.33564/);
    expect(String((await range(1).select(sf.sec(sf.lit(1.5))).first())!['SEC(1.5)'])).toMatch(/^14\.13683/);
  });

  it('cbrt, cos, cot, csc, e, exp, expm1, floor, ceil, log, log10, log1p, negative, pi, rint, signum, sign, sin, tan', async () => {
    await shows(range(1).select(sf.cbrt(sf.lit(27))), `
      +--------+
      |CBRT(27)|
      +--------+
      |     3.0|
      +--------+`);
    await shows(range(1).select(sf.ceil(sf.lit(-0.1))), `
      +----------+
      |CEIL(-0.1)|
      +----------+
      |         0|
      +----------+`);
    await shows(range(1).select(sf.cos(sf.pi())), `
      +---------+
      |COS(PI())|
      +---------+
      |     -1.0|
      +---------+`);
    await showsPrefix(range(1).select(sf.cot(sf.pi().divide(4))), `
      +------------------+
      |   COT((PI() / 4))|
      +------------------+
      |1.0000000000000...|
      +------------------+`);
    await shows(range(1).select(sf.csc(sf.pi().divide(2))), `
      +---------------+
      |CSC((PI() / 2))|
      +---------------+
      |            1.0|
      +---------------+`);
    await shows(range(1).select(sf.e()), `
      +-----------------+
      |              E()|
      +-----------------+
      |2.718281828459045|
      +-----------------+`);
    await shows(range(1).select(sf.exp(sf.lit(0))), `
      +------+
      |EXP(0)|
      +------+
      |   1.0|
      +------+`);
    expect(String((await range(1).select(sf.expm1(sf.lit(1))).first())!['EXPM1(1)'])).toMatch(/^1\.71828/);
    await shows(range(1).select(sf.floor(sf.lit(2.5))), `
      +----------+
      |FLOOR(2.5)|
      +----------+
      |         2|
      +----------+`);
    await shows(range(1).select(sf.log(sf.e())), `
      +-------+
      |ln(E())|
      +-------+
      |    1.0|
      +-------+`);
    await shows(range(1).select(sf.log10(sf.lit(100))), `
      +----------+
      |LOG10(100)|
      +----------+
      |       2.0|
      +----------+`);
    await showsPrefix(range(1).select(sf.log1p(sf.e())), `
      +------------------+
      |        LOG1P(E())|
      +------------------+
      |1.3132616875182...|
      +------------------+`);
    await showsPrefix(range(1).select(sf.log(sf.e().plus(1))), `
      +------------------+
      |     ln((E() + 1))|
      +------------------+
      |1.3132616875182...|
      +------------------+`);
    await shows(range(3).select(sf.negative('id')), `
      +------------+
      |negative(id)|
      +------------+
      |           0|
      |          -1|
      |          -2|
      +------------+`);
    await shows(range(1).select(sf.pi()), `
      +-----------------+
      |             PI()|
      +-----------------+
      |3.141592653589793|
      +-----------------+`);
    await shows(range(1).select(sf.rint(sf.lit(10.6))), `
      +----------+
      |rint(10.6)|
      +----------+
      |      11.0|
      +----------+`);
    await shows(range(1).select(sf.rint(sf.lit(10.3))), `
      +----------+
      |rint(10.3)|
      +----------+
      |      10.0|
      +----------+`);
    await shows(range(1).select(sf.signum(sf.lit(-5)), sf.signum(sf.lit(6))), `
      +----------+---------+
      |SIGNUM(-5)|SIGNUM(6)|
      +----------+---------+
      |      -1.0|      1.0|
      +----------+---------+`);
    await shows(range(1).select(sf.sign(sf.lit(-5)), sf.sign(sf.lit(6))), `
      +--------+-------+
      |sign(-5)|sign(6)|
      +--------+-------+
      |    -1.0|    1.0|
      +--------+-------+`);
    await shows(range(1).select(sf.sin(sf.pi().divide(2))), `
      +---------------+
      |SIN((PI() / 2))|
      +---------------+
      |            1.0|
      +---------------+`);
  });

  it('tan, tanh, degrees, radians, atan2, hypot, pow, bitwise_not', async () => {
    await showsPrefix(range(1).select(sf.tan(sf.pi().divide(4))), `
      +------------------+
      |   TAN((PI() / 4))|
      +------------------+
      |0.9999999999999...|
      +------------------+`);
    await shows(range(1).select(sf.tanh(sf.pi().divide(2))), `
      +------------------+
      |  TANH((PI() / 2))|
      +------------------+
      |0.9171523356672744|
      +------------------+`);
    await shows(range(1).select(sf.degrees(sf.pi())), `
      +-------------+
      |DEGREES(PI())|
      +-------------+
      |        180.0|
      +-------------+`);
    expect(String((await range(1).select(sf.radians(sf.lit(180))).first())!['RADIANS(180)'])).toMatch(/^3\.14159/);
    expect(String((await range(1).select(sf.atan2(sf.lit(1), sf.lit(2))).first())!['ATAN2(1, 2)'])).toMatch(/^0\.46364/);
    expect(String((await range(1).select(sf.hypot(sf.lit(1), sf.lit(2))).first())!['HYPOT(1, 2)'])).toMatch(/^2\.23606/);
    expect(await range(1).select(sf.pow(sf.lit(3), sf.lit(2))).first()).toEqual({ 'POWER(3, 2)': 9.0 });
    await shows(range(1).select(sf.bitwise_not(sf.lit(0))), `
      +---+
      | ~0|
      +---+
      | -1|
      +---+`);
    await shows(range(1).select(sf.bitwise_not(sf.lit(1))), `
      +---+
      | ~1|
      +---+
      | -2|
      +---+`);
  });
});

describe('rand, randn (Spark 4 docstrings: spark.range(0, 2, 1, 1), seed 42)', () => {
  const onePartition = () => fc.sql('SELECT * FROM range(0, 2, 1, 1)');

  it('rand(seed) gives the numbers Spark gives', async () => {
    await shows(onePartition().withColumn('rand', sf.rand(42).multiply(3)), `
      +---+------------------+
      | id|              rand|
      +---+------------------+
      |  0|1.8575681106759028|
      |  1|1.5288056527339444|
      +---+------------------+`);
  });

  it('randn(seed) gives the numbers Spark gives', async () => {
    await shows(onePartition().withColumn('randn', sf.randn(42)), `
      +---+------------------+
      | id|             randn|
      +---+------------------+
      |  0| 2.384479054241165|
      |  1|0.1920934041293524|
      +---+------------------+`);
  });

  it('each partition draws from seed + its index; SQL rand, random and randn take the seed too', async () => {
    const rows = await fc
      .sql('SELECT id, spark_partition_id() AS p, rand(41) AS r, random(41) AS r2, randn(7) AS g FROM range(0, 4, 1, 2)')
      .collect();
    // Partition 1 of a query seeded 41 draws what partition 0 of a query seeded 42 draws.
    expect(rows.filter((r) => r.p === 1).map((r) => (r.r as number) * 3)).toEqual([1.8575681106759028, 1.5288056527339444]);
    expect(rows.map((r) => r.r2)).toEqual(rows.map((r) => r.r));
    const again = await fc.sql('SELECT randn(7) AS g FROM range(0, 4, 1, 2)').collect();
    expect(again.map((r) => r.g)).toEqual(rows.map((r) => r.g));
  });

  it('without a seed: uniform values in [0, 1), different between queries', async () => {
    const draw = async () => (await fc.sql('SELECT rand() AS r FROM range(0, 1000, 1, 2)').collect()).map((r) => r.r as number);
    const [a, b] = [await draw(), await draw()];
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(a.reduce((s, v) => s + v, 0) / a.length).toBeCloseTo(0.5, 1);
    expect(a).not.toEqual(b);
  });

  // Spark's functions.rand()/randn() pick the seed when called and name the column after it
  // (`rand(-158884697681280011)`); SQL's rand() hides it (Rand(UnresolvedSeed, hideSeed = true)).
  it('F.rand() and F.randn() without a seed are named after the seed they picked, and draw its numbers', async () => {
    const df = onePartition();
    const unseeded = df.select(sf.rand(), sf.randn());
    const [randName, randnName] = unseeded.columns;
    expect(randName).toMatch(/^rand\(-?\d+\)$/);
    expect(randnName).toMatch(/^randn\(-?\d+\)$/);
    const seedOf = (name: string) => Number(/\((-?\d+)\)/.exec(name)![1]);
    const seeded = df.select(sf.rand(seedOf(randName!)).alias(randName!), sf.randn(seedOf(randnName!)).alias(randnName!));
    expect(await unseeded.collect()).toEqual(await seeded.collect());
    expect((await unseeded.showString()).split('\n')[1]).toContain(`|${randName}|`);
    expect(fc.sql('SELECT rand(), randn() FROM range(1)').columns).toEqual(['rand()', 'randn()']);
  });
});
