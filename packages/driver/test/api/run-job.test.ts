// fc.runJob (PySpark's SparkContext.runJob) and rdd.collectWithJobGroup, from PySpark's doctests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-run-job' });
});

afterAll(async () => {
  await fc.stop();
});

describe('runJob', () => {
  it('concatenates the partition function results of all partitions, or of those given (doctest)', async () => {
    const myRDD = fc.parallelize([0, 1, 2, 3, 4, 5], 3);
    expect(await fc.runJob(myRDD, (part) => [...part].map((x) => x * x))).toEqual([0, 1, 4, 9, 16, 25]);
    expect(await fc.runJob(myRDD, (part) => [...part].map((x) => x * x), [0, 2], true)).toEqual([0, 1, 16, 25]);
  });

  it('takes generators and captured values', async () => {
    const rdd = fc.parallelize(['a', 'b', 'c', 'd'], 2);
    const repeat = 2;
    const out = await fc.runJob(
      rdd,
      capture({ repeat }, function* (part, { repeat }) {
        for (const x of part) yield x.repeat(repeat);
      }),
      [1],
    );
    expect(out).toEqual(['cc', 'dd']);
  });

  it("refuses a partition that does not exist, with Spark's message", async () => {
    await expect(fc.runJob(fc.parallelize([1, 2, 3], 3), (part) => part, [0, 5])).rejects.toThrow(
      'Attempting to access a non-existent partition: 5. Total number of partitions: 3',
    );
  });
});

describe('collectWithJobGroup', () => {
  it('collects in the given group for this job only', async () => {
    const rdd = fc.parallelize([1, 2, 3], 2);
    expect(await rdd.collectWithJobGroup('nightly', 'the nightly collect')).toEqual([1, 2, 3]);
    const tracker = fc.statusTracker();
    const [jobId] = tracker.getJobIdsForGroup('nightly');
    expect(tracker.getJobIdsForGroup('nightly')).toHaveLength(1);
    expect(fc.jobHistory.find((job) => job.jobId === jobId)?.description).toBe('the nightly collect');
    await rdd.collect();
    expect(tracker.getJobIdsForGroup('nightly')).toHaveLength(1);
    expect(fc.getLocalProperty('spark.jobGroup.id')).toBeNull();
  });
});
