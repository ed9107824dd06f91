import { describe, expect, it } from 'vitest';
import { RDD, ResourceProfileBuilder, TaskResourceRequests } from '@flint/rdd';
import { JobFailedError } from '../src/scheduler/job.js';
import { FakeCluster, emptyState, mapSuccess, planningContext, resultSuccess, userFailure } from './fake-cluster.js';

const ctx = planningContext();
const parallelize = <T>(data: T[], slices: number): RDD<T> =>
  new RDD<T>(ctx, { kind: 'parallelize', slices: Array.from({ length: slices }, (_, i) => data.slice(Math.floor((i * data.length) / slices), Math.floor(((i + 1) * data.length) / slices))) });

/** A two-stage job: 2 map partitions, 2 reduce partitions. */
function wordCount(): RDD<[string, number]> {
  return parallelize([['a', 1], ['b', 1], ['a', 1]] as [string, number][], 2).reduceByKey((a, b) => a + b, 2);
}

describe('DAG scheduler (synchronous, fake cluster)', () => {
  it('runs the map stage, then the result stage, and resolves with each partition in order', async () => {
    const cluster = new FakeCluster();
    const job = cluster.runJob(wordCount());
    const mapTasks = cluster.take(0);
    expect(mapTasks.map((t) => t.partition)).toEqual([0, 1]);
    expect(cluster.submitted).toHaveLength(0);
    for (const task of mapTasks) cluster.finish(task, mapSuccess(2));
    const resultTasks = cluster.take(1);
    expect(resultTasks.map((t) => t.partition)).toEqual([0, 1]);
    expect(resultTasks[0].inputs[0]).toMatchObject({ kind: 'shuffle', buckets: [{ mapPartition: 0 }, { mapPartition: 1 }] });
    cluster.finish(resultTasks[1], resultSuccess([['b', 1]]));
    cluster.finish(resultTasks[0], resultSuccess([['a', 2]]));
    await expect(job.result).resolves.toEqual([[['a', 2]], [['b', 1]]]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('retries a failing task and fails the job after maxFailures attempts with the user error', async () => {
    const cluster = new FakeCluster(3);
    const job = cluster.runJob(parallelize([1, 2], 2).map((x) => x));
    for (let attempt = 0; attempt < 3; attempt++) {
      const [task] = cluster.take(0).filter((t) => t.partition === 1);
      expect(task.attempt).toBe(attempt);
      cluster.finish(task, userFailure('bad record'));
    }
    const error = await job.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).message).toMatch(/partition 1 in stage 0 failed 3 times; most recent failure \(attempt 2\): Error: bad record/);
    expect((error as JobFailedError).message).toContain('map_at_job.ts:3:10');
    expect(cluster.submitted).toHaveLength(0);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('fails the job at the first failure of an error marked deterministic, which a retry would repeat', async () => {
    const cluster = new FakeCluster(4);
    const job = cluster.runJob(parallelize([1, 2], 2).map((x) => x));
    const [task] = cluster.take(0).filter((t) => t.partition === 1);
    cluster.finish(task, userFailure('too many rows', true));
    const error = await job.result.catch((e: unknown) => e);
    expect((error as JobFailedError).message).toMatch(/partition 1 in stage 0 failed 1 times; most recent failure \(attempt 0\): Error: too many rows/);
    expect(cluster.submitted).toHaveLength(0);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it("gives a straggler's speculative copy its own task id and the partition's next attempt number, as Spark's TaskSetManager does", async () => {
    const cluster = new FakeCluster(3);
    const job = cluster.runJob(parallelize([1, 2], 2).map((x) => x));
    const [first, straggler] = cluster.take(0);
    const copy = cluster.dag.speculativeCopy(straggler)!;
    expect(copy).toEqual({ ...straggler, taskId: copy.taskId, attempt: 1 });
    expect(copy.taskId).toBeGreaterThan(Math.max(first.taskId, straggler.taskId));
    // The copy fails (the task scheduler reports it once no other attempt runs): the retry is attempt 2, with an id of its own.
    cluster.finish(copy, userFailure('bad record'));
    const [retry] = cluster.take(0);
    expect([retry.partition, retry.attempt]).toEqual([1, 2]);
    expect(retry.taskId).toBeGreaterThan(copy.taskId);
    cluster.finish(first, resultSuccess([1]));
    cluster.finish(retry, resultSuccess([2]));
    await expect(job.result).resolves.toEqual([[1], [2]]);
    // No copy once the stage has finished.
    expect(cluster.dag.speculativeCopy(straggler)).toBeUndefined();
  });

  it('on a fetch failure reruns only the lost map partition, then the reduce stage', async () => {
    const cluster = new FakeCluster();
    const job = cluster.runJob(wordCount());
    const [map0, map1] = cluster.take(0);
    cluster.finish(map0, mapSuccess(2), 'exec-a');
    cluster.finish(map1, mapSuccess(2), 'exec-b');
    const [reduce0] = cluster.take(1);
    cluster.finish(reduce0, { kind: 'fetchFailed', shuffleId: map1.shuffleId!, mapPartition: 1, executor: 'exec-b', message: 'peer gone' });
    const rerun = cluster.take(0);
    expect(rerun.map((t) => t.partition)).toEqual([1]);
    cluster.finish(rerun[0], mapSuccess(2), 'exec-a');
    const reduces = cluster.take(1);
    expect(reduces.map((t) => t.partition)).toEqual([0, 1]);
    for (const task of reduces) cluster.finish(task, resultSuccess([task.partition]));
    await expect(job.result).resolves.toEqual([[0], [1]]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('drops the queued copy of a result partition that a task of the older attempt finished meanwhile', async () => {
    const cluster = new FakeCluster();
    const job = cluster.runJob(wordCount());
    const [map0, map1] = cluster.take(0);
    cluster.finish(map0, mapSuccess(2), 'exec-a');
    cluster.finish(map1, mapSuccess(2), 'exec-b');
    const [reduce0, reduce1] = cluster.take(1);
    cluster.finish(reduce0, { kind: 'fetchFailed', shuffleId: map1.shuffleId!, mapPartition: 1, executor: 'exec-b', message: 'peer gone' });
    const [rerun] = cluster.take(0);
    cluster.finish(rerun, mapSuccess(2), 'exec-a');
    expect(cluster.submitted.map((task) => task.request.partition)).toEqual([0, 1]);
    // The first attempt's reduce of partition 1 was still running, and ends well now.
    cluster.finish(reduce1, resultSuccess([1]));
    expect(cluster.submitted.map((task) => task.request.partition)).toEqual([0]);
    const [reduce0Again] = cluster.take(1);
    cluster.finish(reduce0Again, resultSuccess([0]));
    await expect(job.result).resolves.toEqual([[0], [1]]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('skips a shuffle stage whose outputs exist, and reruns only what a lost executor held', async () => {
    const cluster = new FakeCluster();
    const counts = wordCount();
    const first = cluster.runJob(counts);
    const [map0, map1] = cluster.take(0);
    cluster.finish(map0, mapSuccess(2), 'exec-a');
    cluster.finish(map1, mapSuccess(2), 'exec-b');
    for (const task of cluster.take(1)) cluster.finish(task, resultSuccess([]));
    await first.result;

    const second = cluster.runJob(counts);
    expect(cluster.take(0)).toHaveLength(0);
    for (const task of cluster.take(2)) cluster.finish(task, resultSuccess([]));
    await second.result;

    cluster.loseExecutor('exec-b');
    const third = cluster.runJob(counts);
    const rerun = cluster.take(0);
    expect(rerun.map((t) => t.partition)).toEqual([1]);
    expect(cluster.submitted).toHaveLength(0);
    cluster.finish(rerun[0], mapSuccess(2), 'exec-a');
    for (const task of cluster.take(3)) cluster.finish(task, resultSuccess([]));
    await third.result;
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('resubmits a finished parent stage that lost outputs while its sibling was still running', async () => {
    const cluster = new FakeCluster();
    const left = parallelize([['a', 1], ['b', 1]] as [string, number][], 2).reduceByKey((a, b) => a + b, 2);
    const right = parallelize([['a', 2], ['b', 2]] as [string, number][], 2).reduceByKey((a, b) => a + b, 2);
    const job = cluster.runJob(left.join(right));
    const [leftStage, rightStage] = [...new Set(cluster.submitted.map((t) => t.request.stageId))];
    const [l0, l1] = cluster.take(leftStage);
    cluster.finish(l0, mapSuccess(2), 'exec-a');
    cluster.finish(l1, mapSuccess(2), 'exec-b');
    const [r0, r1] = cluster.take(rightStage);
    cluster.finish(r0, mapSuccess(2), 'exec-a');
    cluster.loseExecutor('exec-b');
    cluster.finish(r1, mapSuccess(2), 'exec-a');
    const rerun = cluster.take(leftStage);
    expect(rerun.map((t) => t.partition)).toEqual([1]);
    cluster.finish(rerun[0], mapSuccess(2), 'exec-a');
    const joinStage = cluster.submitted[0].request.stageId;
    for (const task of cluster.take(joinStage)) cluster.finish(task, resultSuccess([]));
    await expect(job.result).resolves.toEqual([[], []]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('counts accumulator updates of a result task once, however many attempts succeed', async () => {
    const cluster = new FakeCluster();
    const job = cluster.runJob(parallelize([1, 2], 2));
    const [task0, task1] = cluster.take(0);
    cluster.finish(task0, resultSuccess([1], [[7, 1]]));
    cluster.finish(task0, resultSuccess([1], [[7, 1]]));
    cluster.finish(task1, userFailure('flaky'));
    const [retry] = cluster.take(0);
    expect(retry.attempt).toBe(1);
    cluster.finish(retry, resultSuccess([2], [[7, 2]]));
    await expect(job.result).resolves.toEqual([[1], [2]]);
    expect(cluster.accumulatorUpdates).toEqual([[7, 1], [7, 2]]);
  });

  it('reruns a task whose cached input vanished, computing it from lineage instead', async () => {
    const cluster = new FakeCluster();
    const cached = parallelize([1, 2], 2).map((x) => x * 2).cache();
    const first = cluster.runJob(cached);
    const tasks = cluster.take(0);
    tasks.forEach((task, i) => cluster.finish(task, { ...resultSuccess([i]), cachedBlocks: [{ rddId: cached.id(), split: i, bytes: 8 }] } as never));
    await first.result;

    const second = cluster.runJob(cached.map((x) => x + 1));
    const [reuse0, reuse1] = cluster.take(1);
    expect(reuse0.inputs).toEqual([{ kind: 'cached', key: `rdd_${cached.id()}_0`, executor: 'exec-a' }]);
    cluster.finish(reuse1, { kind: 'missingCachedBlock', rddId: cached.id(), split: 1, executor: 'exec-a' });
    const [recompute] = cluster.take(1);
    expect(recompute.inputs[0]).toMatchObject({ kind: 'bytes', key: `slice_${cached.node.kind === 'elementwise' ? cached.node.parent.id() : -1}_1` });
    cluster.finish(reuse0, resultSuccess([1]));
    cluster.finish(recompute, resultSuccess([5]));
    await expect(second.result).resolves.toEqual([[1], [5]]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('forgets the holder a task could not read a cached partition from, also when it ran elsewhere', async () => {
    const cluster = new FakeCluster();
    const cached = parallelize([1, 2], 2).map((x) => x * 2).cache();
    const first = cluster.runJob(cached);
    cluster.take(0).forEach((task, i) => cluster.finish(task, { ...resultSuccess([i]), cachedBlocks: [{ rddId: cached.id(), split: i, bytes: 8 }] } as never));
    await first.result;

    const second = cluster.runJob(cached.map((x) => x + 1));
    const [reuse0, reuse1] = cluster.take(1);
    // The task for partition 1 ran on exec-b (no locality), and exec-a had evicted the partition.
    cluster.finish(reuse1, { kind: 'missingCachedBlock', rddId: cached.id(), split: 1, executor: 'exec-a' }, 'exec-b');
    const [recompute] = cluster.take(1);
    expect(recompute.inputs[0]).toMatchObject({ kind: 'bytes' });
    cluster.finish(reuse0, resultSuccess([1]));
    cluster.finish(recompute, resultSuccess([5]), 'exec-b');
    await expect(second.result).resolves.toEqual([[1], [5]]);
  });
});

describe('DAG scheduler: a stage whose ResourceProfile asks 2 cpus per task', () => {
  const profiled = () => parallelize([1, 2, 3, 4], 2).withResources(new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(2)).build);

  it('gives each task 2 cpus when an executor has 2 slots; closing executors (0 slots) are not counted', () => {
    const cluster = new FakeCluster(4, () => [2, 0]);
    cluster.runJob(profiled());
    cluster.dag.drain();
    expect(cluster.submitted.map((task) => task.request.cpus)).toEqual([2, 2]);
  });

  it('waits for workers when no executor has slots, as any stage does', () => {
    const cluster = new FakeCluster(4, () => [0]);
    const job = cluster.runJob(profiled());
    cluster.dag.drain();
    expect(cluster.submitted).toHaveLength(2);
    expect(job.settled()).toBe('pending');
  });

  it("fails the job with Spark's message when every executor has fewer slots", async () => {
    const cluster = new FakeCluster(4, () => [1, 1]);
    const job = cluster.runJob(profiled());
    cluster.dag.drain();
    await expect(job.result).rejects.toThrow('The number of cores per executor (=1) has to be >= the number of cpus per task = 2.');
    expect(cluster.submitted).toHaveLength(0);
  });
});
