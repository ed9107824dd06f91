// PySpark 4's docstring examples of the DataFrame methods added for issue 11 (hint, colRegex,
// crosstab, freqItems, sampleBy, checkpoint, localCheckpoint, repartitionByRange, observe and
// Observation, inputFiles), written as a Flint user writes them; expected text from the docstrings.
// Where a docstring's output depends on Spark's random numbers or hash order (sampleBy's first
// example, freqItems, marked +SKIP there), the test checks what holds for any draw instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Observation, functions as F, col, lit, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;
let dir: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-dataframe-extras' });
  dir = mkdtempSync(join(tmpdir(), 'flint-df-extras-'));
});

afterAll(async () => {
  await fc.stop();
  rmSync(dir, { recursive: true, force: true });
});

const c1c2 = () => fc.createDataFrame([[1, 11], [1, 11], [3, 10], [4, 8], [4, 8]], ['c1', 'c2']);

describe('hint', () => {
  const people = () => fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);
  const heights = () => fc.createDataFrame([{ height: 80, name: 'Tom' }, { height: 85, name: 'Bob' }]);

  it('broadcast makes the join a broadcast join whatever the threshold; merge makes it a shuffled one', async () => {
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    try {
      expect(people().join(heights(), 'name').explainString()).toMatch(/ShuffledHashJoin/);
      const hinted = people().join(heights().hint('broadcast'), 'name');
      expect(hinted.explainString()).toMatch(/\+- BroadcastHashJoin .*BuildRight/);
      expect(hinted.explainString('extended')).toContain('ResolvedHint (strategy=broadcast)');
      await shows(hinted, `
        +----+---+------+
        |name|age|height|
        +----+---+------+
        | Bob|  5|    85|
        +----+---+------+`);
      expect(people().hint('MAPJOIN').join(heights(), 'name').explainString()).toMatch(/BroadcastHashJoin .*BuildLeft/);
      expect(people().join(F.broadcast(heights()), 'name').explainString()).toMatch(/BroadcastHashJoin .*BuildRight/);
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
    expect(people().join(heights().hint('merge'), 'name').explainString()).toMatch(/ShuffledHashJoin/);
  });

  it('SQL names the tables a hint applies to; partitioning hints repartition; unknown hints are ignored', async () => {
    people().createOrReplaceTempView('hint_people');
    heights().createOrReplaceTempView('hint_heights');
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    try {
      const joined = fc.sql('SELECT /*+ BROADCAST(hint_heights) */ p.name, height FROM hint_people p JOIN hint_heights ON p.name = hint_heights.name');
      expect(joined.explainString()).toMatch(/BroadcastHashJoin .*BuildRight/);
      expect(await joined.collect()).toEqual([{ name: 'Bob', height: 85 }]);
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
    expect(people().hint('repartition', 3).rdd.getNumPartitions()).toBe(3);
    expect(people().hint('coalesce', 1).rdd.getNumPartitions()).toBe(1);
    const unknown = people().hint('no_such_hint', 1);
    expect(await unknown.collect()).toEqual(await people().collect());
    expect(() => people().hint('broadcast', {} as never)).toThrow(/INVALID_ITEM_FOR_CONTAINER/);
  });
});

describe('colRegex', () => {
  it('selects the columns a backquoted Java regex matches', async () => {
    const df = fc.createDataFrame([['a', 1], ['b', 2], ['c', 3]], ['Col1', 'Col2']);
    await shows(df.select(df.colRegex('`(Col1)?+.+`')), `
      +----+
      |Col2|
      +----+
      |   1|
      |   2|
      |   3|
      +----+`);
    expect(df.select(df.colRegex('`col.`')).columns).toEqual(['Col1', 'Col2']);
    expect(df.select(df.colRegex('Col1')).columns).toEqual(['Col1']);
  });
});

describe('crosstab and freqItems', () => {
  it('crosstab: counts of each pair, col2 values as columns (df.crosstab and df.stat.crosstab)', async () => {
    const expected = `
      +-----+---+---+---+
      |c1_c2| 10| 11|  8|
      +-----+---+---+---+
      |    1|  0|  2|  0|
      |    3|  1|  0|  0|
      |    4|  0|  0|  2|
      +-----+---+---+---+`;
    await shows((await c1c2().crosstab('c1', 'c2')).sort('c1_c2'), expected);
    await shows((await c1c2().stat.crosstab('c1', 'c2')).sort('c1_c2'), expected);
    const withNull = fc.createDataFrame([['a', null], ['a', 'x'], [null, 'x']], 'k STRING, v STRING');
    expect(await (await withNull.crosstab('k', 'v')).sort('k_v').collect()).toEqual([
      { k_v: 'a', null: 1, x: 1 },
      { k_v: 'null', null: 0, x: 1 },
    ]);
  });

  it('freqItems: every item in more than support of the rows is listed', async () => {
    const items = await c1c2().freqItems(['c1', 'c2']).collect();
    expect(Object.keys(items[0]!)).toEqual(['c1_freqItems', 'c2_freqItems']);
    expect([...(items[0]!.c1_freqItems as number[])].sort()).toEqual([1, 3, 4]);
    expect([...(items[0]!.c2_freqItems as number[])].sort((a, b) => a - b)).toEqual([8, 10, 11]);
    // 1/0.5 = 2 counters: 7 of 10 rows are 'a', so it must survive the counting.
    const skewed = fc.createDataFrame(['a', 'b', 'a', 'c', 'a', 'd', 'a', 'a', 'e', 'a'].map((v) => [v]), ['v']);
    expect((await skewed.stat.freqItems(['v'], 0.5).collect())[0]!.v_freqItems).toContain('a');
    expect(() => skewed.freqItems(['v'], 2)).toThrow('requirement failed: Support must be in [1e-4, 1], but got 2.');
  });
});

describe('sampleBy', () => {
  it('keeps strata at their rates; a seed repeats the sample; unlisted strata are dropped', async () => {
    const dataset = fc.sql('SELECT id % 3 AS key FROM range(0, 100)');
    const sampled = dataset.sampleBy('key', { 0: 0.1, 1: 0.2 }, 0);
    const counts = await sampled.groupBy('key').count().orderBy('key').collect();
    expect(counts.every((r) => r.key === 0 || r.key === 1)).toBe(true);
    expect(await sampled.collect()).toEqual(await dataset.sampleBy('key', { 0: 0.1, 1: 0.2 }, 0).collect());
    expect(await dataset.sampleBy(col('key'), { 2: 1.0 }, 0).count()).toBe(33);
    expect(await dataset.stat.sampleBy('key', new Map([[1, 0]]), 0).count()).toBe(0);
    expect(() => dataset.sampleBy('key', { 0: 1.5 })).toThrow(/Fractions must be in \[0, 1\]/);
  });
});

// Spark's own DataFrameStatSuite answers (SharedSparkSession runs local[2]): the same seeds and
// partitioning give the same rows, as sample, sampleBy and randomSplit draw from Spark's XORShiftRandom.
describe('sample, sampleBy and randomSplit draw Spark\'s rows', () => {
  const oneToHundred = () => fc.sql('SELECT id + 1 AS id FROM range(0, 100, 1, 2)');

  it('sample without replacement: parallelize(1 to 100, 2).sample(false, 0.05, 13) is 37, 8, 90', async () => {
    const rows = await oneToHundred().sample(false, 0.05, 13).collect();
    expect(rows.map((r) => r.id).sort((a, b) => (a as number) - (b as number))).toEqual([8, 37, 90]);
  });

  // Spark's DatasetSuite/DataFrameStatSuite answers, and the PySpark docstring's count (its doctests
  // run local[4], so spark.range(10) has 4 partitions); the draws are Spark's PoissonSampler's.
  it('sample with replacement: parallelize(1 to 100, 2).sample(true, 0.05, 13) is 5, 10, 52, 73', async () => {
    const rows = await oneToHundred().sample(true, 0.05, 13).collect();
    expect(rows.map((r) => r.id).sort((a, b) => (a as number) - (b as number))).toEqual([5, 10, 52, 73]);
    const oneTwo = fc.sql('SELECT id + 1 AS id FROM range(0, 2, 1, 1)');
    expect((await oneTwo.sample(true, 1.05, 13).collect()).map((r) => r.id)).toEqual([1, 2]);
    expect(await fc.sql('SELECT * FROM range(0, 10, 1, 4)').sample(true, 0.5, 3).count()).toBe(1);
  });

  it('explain() shows Sample as Spark\'s SampleExec: its bounds as doubles, inside the generated stage', () => {
    const sampled = oneToHundred().sample(true, 0.5, 3);
    expect(sampled.explainString()).toContain('\nSample 0.0, 0.5, true, 3\n');
    expect(sampled.explainString('formatted')).toMatch(/\n\* Sample \(\d+\)\n/);
  });

  it('sample with replacement of a fraction of 40 and more keeps that many copies on average', async () => {
    const rows = fc.sql('SELECT * FROM range(0, 2000, 1, 2)');
    const n = await rows.sample(true, 45, 7).count();
    expect(Math.abs(n - 90_000)).toBeLessThan(2_700); // 9 standard deviations (300)
  });

  it('sample fractions outside Spark\'s ranges fail as Spark\'s Sample does', () => {
    const rows = fc.sql('SELECT * FROM range(0, 2, 1, 1)');
    expect(() => rows.sample(true, -0.1, 0)).toThrow('requirement failed: Sampling fraction (-0.1) must be nonnegative with replacement');
    expect(() => rows.sample(false, -0.1, 0)).toThrow('requirement failed: Sampling fraction (-0.1) must be on interval [0, 1] without replacement');
    expect(() => rows.sample(false, 1.1, 0)).toThrow('requirement failed: Sampling fraction (1.1) must be on interval [0, 1] without replacement');
    expect(() => rows.sample(-1.0)).toThrow('requirement failed: Sampling fraction (-1.0) must be on interval [0, 1] without replacement');
  });

  it('sampleBy: range(0, 100) keyed id % 3, fractions {0: 0.1, 1: 0.2}, seed 0 keeps 1 and 6 rows', async () => {
    const dataset = fc.sql('SELECT id % 3 AS key FROM range(0, 100, 1, 2)');
    const counts = await dataset.sampleBy('key', { 0: 0.1, 1: 0.2 }, 0).groupBy('key').count().orderBy('key').collect();
    expect(counts).toEqual([{ key: 0, count: 1 }, { key: 1, count: 6 }]);
  });

  it('randomSplit: disjoint splits that together are every row, each the draws in its slice of [0, 1)', async () => {
    const data = fc.sql('SELECT id + 1 AS id FROM range(0, 600, 1, 2)');
    for (const seed of [1, 2, 3]) {
      const splits = data.randomSplit([1, 2, 3], seed);
      const ids = await Promise.all(splits.map(async (s) => (await s.collect()).map((r) => r.id as number)));
      expect(ids.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
      // The first split is sample(false, 1/6, seed) of the same rows: the draws below 1/6.
      expect(ids[0]!.sort((a, b) => a - b)).toEqual((await data.sample(false, 1 / 6, seed).collect()).map((r) => r.id as number).sort((a, b) => a - b));
    }
    expect(() => data.randomSplit([1, -1])).toThrow("[VALUE_NOT_POSITIVE] Value for `weights` must be positive, got '-1.0'.");
    expect(() => data.randomSplit([0, 0])).toThrow('requirement failed: Sum of weights must be positive, but got [0.0,0.0]');
  });
});

describe('checkpoint and localCheckpoint', () => {
  const df = () => fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], ['age', 'name']);

  it('fails as Spark without a checkpoint directory; cuts the plan once one is set', async () => {
    expect(() => df().checkpoint(false)).toThrow(/Checkpoint directory has not been set/);
    fc.setCheckpointDir(join(dir, 'checkpoints'));
    expect(String(df().checkpoint(false))).toBe('DataFrame[age: bigint, name: string]');
    const source = df().filter(col('age').gt(15));
    const saved = await source.checkpoint();
    expect(saved.explainString()).toMatch(/^== Physical Plan ==\nScan LogicalRDD \[age#\d+L, name#\d+\]/);
    expect(await saved.filter(source.col('age').lt(20)).collect()).toEqual([{ age: 16, name: 'Bob' }]);
  });

  it('localCheckpoint keeps the rows on the executors', async () => {
    expect(String(df().localCheckpoint(false))).toBe('DataFrame[age: bigint, name: string]');
    expect(await (await df().localCheckpoint()).orderBy('age').collect()).toEqual([
      { age: 14, name: 'Tom' },
      { age: 16, name: 'Bob' },
      { age: 23, name: 'Alice' },
    ]);
  });
});

describe('repartitionByRange', () => {
  it('puts ranges of the column in each partition (14 and 16 below 23)', async () => {
    const df = fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], ['age', 'name']);
    const parts = await df.repartitionByRange(2, 'age').rdd.glom().collect();
    expect(parts.map((p) => p.map((r) => r.age).sort())).toEqual([[14, 16], [23]]);
    const descending = await df.repartitionByRange(col('age').desc()).rdd.glom().collect();
    expect(descending.flat().map((r) => r.age)).toEqual([23, 16, 14]);
    const ids = await df.repartitionByRange(2, 'age').select('age', F.spark_partition_id().alias('p')).collect();
    expect(ids.map((r) => [r.age, r.p]).sort()).toEqual([[14, 0], [16, 0], [23, 1]]);
    expect(() => df.repartitionByRange(2)).toThrow('[CANNOT_BE_EMPTY] At least one partition-by expression must be specified.');
  });
});

describe('observe and Observation', () => {
  it('reports the metrics after an action', async () => {
    const df = fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);
    const observation = new Observation('my metrics');
    expect(() => observation.get).toThrow('[NO_OBSERVE_BEFORE_GET] Should observe by calling `DataFrame.observe` before `get`.');
    const observedDf = df.observe(observation, F.count(lit(1)).alias('count'), F.max(col('age')));
    expect(await observedDf.count()).toBe(2);
    expect(observation.get).toEqual({ count: 2, 'max(age)': 5 });
    expect(() => df.observe(observation, F.count(lit(1)))).toThrow('[REUSE_OBSERVATION]');
    expect(() => df.observe('metric')).toThrow('[CANNOT_BE_EMPTY] At least one exprs must be specified.');
    const later = new Observation();
    await df.observe(later, F.sum('age').alias('total')).filter(col('age').gt(3)).collect();
    expect(later.get).toEqual({ total: 7 });
    const written = new Observation();
    await df.observe(written, F.min('age')).write.mode('overwrite').json(join(dir, 'observed'));
    expect(written.get).toEqual({ 'min(age)': 2 });
    const iterated = new Observation();
    for await (const _ of df.observe(iterated, F.count('name').alias('n')).toLocalIterator()) void _;
    expect(iterated.get).toEqual({ n: 2 });
  });

  // Spark computes the metrics in the action's own job (CollectMetricsExec and an accumulator).
  it('computes the metrics in the action\'s own job, equal to the same aggregates run as a query', async () => {
    const rows = fc.sql('SELECT id, id % 7 AS k, CAST(id AS DOUBLE) / 4 AS v, IF(id % 5 = 0, NULL, id) AS n FROM range(0, 1000, 1, 4)');
    const metrics = () => [F.count(lit(1)).alias('rows'), F.sum('k').plus(1).alias('k1'), F.avg('v'), F.max('n'), F.countDistinct('k').alias('ks'), F.first('id')];
    const jobsOf = async (df: DataFrame) => {
      const before = fc.jobHistory.length;
      expect(await df.groupBy('k').count().collect()).toHaveLength(7);
      return fc.jobHistory.slice(before).map((job) => job.name);
    };
    const observation = new Observation();
    expect(await jobsOf(rows.observe(observation, ...metrics()))).toEqual(await jobsOf(rows));
    const [expected] = await rows.agg(...metrics()).collect();
    expect(observation.get).toEqual(expected);
    // No rows: the aggregates of nothing (count 0, the others null).
    const none = new Observation();
    await rows.filter(col('id').lt(0)).observe(none, F.count(lit(1)).alias('rows'), F.max('v')).collect();
    expect(none.get).toEqual({ rows: 0, 'max(v)': null });
  });
});

describe('inputFiles', () => {
  it('lists the files a read DataFrame scans', async () => {
    const out = join(dir, 'input-files');
    await fc.createDataFrame([{ age: 100, name: 'Hyukjin Kwon' }]).repartition(1).write.mode('overwrite').json(out);
    const df = fc.read.format('json').load(out);
    expect(df.inputFiles()).toHaveLength(1);
    expect(df.inputFiles()[0]).toMatch(/^file:\/\/\/.*part-.*\.json$/);
    expect(fc.createDataFrame([[1]], ['a']).inputFiles()).toEqual([]);
  });
});
