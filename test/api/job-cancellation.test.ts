// Job groups, tags and cancellation, on local[2] and on local-cluster[2,1] (real worker
// processes): PySpark's setJobGroup doctest (a job whose tasks sleep 100 s is cancelled and the
// action fails), Spark's messages, running tasks stopped (their progress files stop growing and the
// slots serve the next job at once), jobs outside the group untouched, and the status tracker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture } from '@flint/driver';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (condition()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** An RDD whose tasks append to a progress file every 20 ms, then sleep for 100 s and throw (PySpark's doctest). */
function endlessTasks(fc: FlintContext, dir: string, partitions: number) {
  return fc.range(0, partitions, 1, partitions).map(
    capture({ dir }, async (i, { dir }) => {
      const builtins = process as unknown as { getBuiltinModule(id: string): typeof import('node:fs') };
      const { appendFileSync } = builtins.getBuiltinModule('node:fs');
      const started = Date.now();
      while (Date.now() - started < 100_000) {
        appendFileSync(`${dir}/task-${i}`, 'x');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('Task should have been cancelled');
    }),
  );
}

function progress(dir: string): Record<string, number> {
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).size]));
}

for (const master of ['local[2]', 'local-cluster[2,1]']) {
  describe(`cancellation on ${master}`, () => {
    let fc: FlintContext;
    let tmp: string;

    beforeAll(async () => {
      fc = await FlintContext.create({ master, appName: 'job-cancellation' });
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-cancel-'));
    }, 60_000);

    afterAll(async () => {
      await fc?.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('cancelJobGroup fails the group\'s action with Spark\'s message and stops its running tasks (setJobGroup doctest)', async () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'group-'));
      fc.setJobGroup('job_to_cancel', 'some description');
      const outcome = endlessTasks(fc, dir, 4).collect().then(
        () => 'Not cancelled',
        (error: Error) => error,
      );
      fc.clearJobGroup();
      const outsideGroup = fc.parallelize([1, 2, 3], 1).map((x) => x * 10).collect();
      await until(() => fs.readdirSync(dir).length >= 2, 'two tasks to start');
      const [jobId] = fc.statusTracker().getJobIdsForGroup('job_to_cancel');
      expect(fc.statusTracker().getActiveJobsIds()).toContain(jobId);
      expect(fc.statusTracker().getJobInfo(jobId)?.status).toBe('RUNNING');

      fc.cancelJobGroup('job_to_cancel');
      const error = await outcome;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(`Job ${jobId} cancelled part of cancelled job group job_to_cancel`);
      expect(fc.statusTracker().getJobInfo(jobId)?.status).toBe('FAILED');
      // The job outside the group runs on the freed slots.
      expect(await outsideGroup).toEqual([10, 20, 30]);
      // Both running tasks end as killed; after that their progress files stop growing.
      const [stageId] = fc.statusTracker().getJobInfo(jobId)!.stageIds;
      await until(() => fc.statusTracker().getStageInfo(stageId)!.numFailedTasks >= 2, 'the killed tasks to end');
      const before = progress(dir);
      await sleep(400);
      expect(progress(dir)).toEqual(before);
      expect(await fc.range(0, 8, 1, 4).sum()).toBe(28);
    }, 60_000);

    it('cancelAllJobs and cancelJobsWithTag use Spark\'s messages', async () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'all-'));
      const all = endlessTasks(fc, dir, 2).count().catch((error: Error) => error.message);
      await until(() => fs.readdirSync(dir).length >= 1, 'a task to start');
      fc.cancelAllJobs();
      expect(await all).toMatch(/^Job \d+ cancelled as part of cancellation of all jobs$/);

      const tagged = fs.mkdtempSync(path.join(tmp, 'tag-'));
      fc.addJobTag('nightly');
      expect(fc.getJobTags()).toEqual(new Set(['nightly']));
      const job = endlessTasks(fc, tagged, 2).count().catch((error: Error) => error.message);
      fc.clearJobTags();
      await until(() => fs.readdirSync(tagged).length >= 1, 'a tagged task to start');
      const [jobId] = fc.statusTracker().getJobIdsForTag('nightly');
      fc.cancelJobsWithTag('nightly');
      expect(await job).toBe(`Job ${jobId} cancelled part of cancelled job tags nightly`);
    }, 60_000);
  });
}

describe('local properties, descriptions and the status tracker', () => {
  let fc: FlintContext;

  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local[2]', appName: 'job-properties' });
  });

  afterAll(async () => {
    await fc.stop();
  });

  it('setLocalProperty/getLocalProperty, null removes; setJobGroup sets Spark\'s keys', () => {
    expect(fc.getLocalProperty('my.key')).toBeNull();
    fc.setLocalProperty('my.key', 'v1');
    expect(fc.getLocalProperty('my.key')).toBe('v1');
    fc.setLocalProperty('my.key', null);
    expect(fc.getLocalProperty('my.key')).toBeNull();
    fc.setJobGroup('g1', 'the group', true);
    expect(fc.getLocalProperty('spark.jobGroup.id')).toBe('g1');
    expect(fc.getLocalProperty('spark.job.description')).toBe('the group');
    expect(fc.getLocalProperty('spark.job.interruptOnCancel')).toBe('true');
    fc.setInterruptOnCancel(false);
    expect(fc.getLocalProperty('spark.job.interruptOnCancel')).toBe('false');
    fc.clearJobGroup();
    expect(fc.getLocalProperty('spark.jobGroup.id')).toBeNull();
  });

  it('job tags follow Spark\'s rules', () => {
    expect(() => fc.addJobTag('a,b')).toThrow("Spark job tag cannot contain ','.");
    expect(() => fc.addJobTag('')).toThrow('Spark job tag cannot be an empty string.');
    fc.addJobTag('x');
    fc.addJobTag('y');
    fc.removeJobTag('x');
    expect(fc.getJobTags()).toEqual(new Set(['y']));
    fc.clearJobTags();
    expect(fc.getJobTags().size).toBe(0);
  });

  it('setJobDescription names the next jobs; the tracker reports finished jobs and their stages', async () => {
    fc.setJobDescription('counting words');
    fc.setJobGroup('reporting', 'counting words');
    const counts = await fc.parallelize(['a', 'b', 'a'], 2).map((w): [string, number] => [w, 1]).reduceByKey((a, b) => a + b).collectAsMap();
    fc.clearJobGroup();
    fc.setJobDescription(null);
    expect(counts).toEqual(new Map([['a', 2], ['b', 1]]));
    const tracker = fc.statusTracker();
    const [jobId] = tracker.getJobIdsForGroup('reporting');
    expect(fc.jobHistory.find((job) => job.jobId === jobId)?.description).toBe('counting words');
    const info = tracker.getJobInfo(jobId)!;
    expect(info.status).toBe('SUCCEEDED');
    expect(info.stageIds.length).toBe(2);
    const stage = tracker.getStageInfo(info.stageIds[1])!;
    expect(stage).toMatchObject({ stageId: info.stageIds[1], numTasks: 2, numCompletedTasks: 2, numFailedTasks: 0, numActiveTasks: 0 });
    expect(tracker.getActiveJobsIds()).toEqual([]);
    expect(tracker.getActiveStageIds()).toEqual([]);
    expect(tracker.getJobInfo(9999)).toBeNull();
    expect(tracker.getJobIdsForGroup()).not.toContain(jobId);
  });
});
