// How Spark 4 names and draws its random columns. PySpark's uniform(min, max) and randstr(length)
// without a seed pass lit(random.randint(0, sys.maxsize)), so the column carries the seed picked
// (and that seed draws the values); SQL's rand()/randn() keep the name without it (SPARK-31594).
// randstr's alphabet is 0-9, a-z, A-Z (|nextInt| % 62): Spark's examples give randstr(3, 0) = ceV
// and randstr(10, 0) = ceV0PXaR2I (with the % 30 of an early 4.0 draft no letter passed j or J).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'random-seed-names' });
});

afterAll(async () => {
  await fc.stop();
});

/** `spark.range(0, n, 1, 1)`: one partition, so a seed gives one sequence. */
const onePartition = (n: number) => fc.sql(`SELECT * FROM range(0, ${n}, 1, 1)`);
const column = async (df: ReturnType<typeof onePartition>) => (await df.collect()).map((r) => Object.values(r)[0]);

describe('random columns without a seed', () => {
  it('F.uniform(min, max) is named after the seed it picked, and draws what that seed draws', async () => {
    const unseeded = onePartition(5).select(F.uniform(5, 105));
    const [name] = unseeded.columns;
    const seed = Number(/^uniform\(5, 105, (\d+)\)$/.exec(name!)?.[1]);
    expect(Number.isSafeInteger(seed)).toBe(true);
    expect(await column(unseeded)).toEqual(await column(onePartition(5).select(F.uniform(5, 105, seed))));
  });

  it('F.randstr(length) is named after the seed it picked, and draws what that seed draws', async () => {
    const unseeded = onePartition(3).select(F.randstr(8));
    const seed = Number(/^randstr\(8, (\d+)\)$/.exec(unseeded.columns[0]!)?.[1]);
    expect(Number.isSafeInteger(seed)).toBe(true);
    expect(await column(unseeded)).toEqual(await column(onePartition(3).select(F.randstr(8, seed))));
  });

  it("SQL rand() and randn() keep names without the seed; a given seed stays in the name", () => {
    expect(fc.sql('SELECT rand(), randn(), rand(5), randn(7)').columns).toEqual(['rand()', 'randn()', 'rand(5)', 'randn(7)']);
  });
});

describe("Spark's example", () => {
  it('randstr draws from 0-9, a-z, A-Z', async () => {
    expect((await fc.sql('SELECT randstr(3, 0) AS a, randstr(10, 0) AS b').collect())[0]).toEqual({ a: 'ceV', b: 'ceV0PXaR2I' });
  });
});
