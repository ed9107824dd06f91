// Stage-level scheduling on local[4] and on local-cluster[2,2] (tasks in two worker processes).
// Barrier execution (RDD.barrier(), RDDBarrier.mapPartitions[WithIndex], BarrierTaskContext):
// PySpark's doctest, all tasks meeting at barrier() (each sees every task's message from
// allGather, which it could only get if all were running at once), TaskContext inside tasks, a
// failed task rerunning the whole stage, and Spark's refusals (more tasks than slots,
// first()/take()). Resource profiles (withResources): a stage whose tasks ask 2 cpus runs at most
// half as many of them at once per executor as the executor has threads, seen from the tasks'
// own start and end times; more cpus than any executor has is refused with Spark's message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, ResourceProfileBuilder, TaskContext as DriverTaskContext, TaskResourceRequests, capture } from '@flint/driver';

// Shipped functions name TaskContext and BarrierTaskContext as globals, which task threads define.
// (A job run with tsx may import them from @flint/driver; vitest renames imported bindings, so
// this file declares them instead.)
declare const TaskContext: typeof DriverTaskContext;
declare const BarrierTaskContext: typeof import('@flint/driver').BarrierTaskContext;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The most intervals [start, end] that overlap at one instant (one ending when another starts does not overlap it). */
function mostAtOnce(intervals: readonly (readonly [number, number])[]): number {
  const edges = intervals.flatMap(([start, end]) => [[start, 1], [end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let most = 0;
  for (const [, change] of edges) most = Math.max(most, (running += change));
  return most;
}

const cpusProfile = (cpus: number) => new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(cpus)).build;

for (const [master, threadsPerExecutor] of [['local[4]', 4], ['local-cluster[2,2]', 2]] as const) {
  describe(`barrier stages on ${master}`, () => {
    let fc: FlintContext;
    let tmp: string;

    beforeAll(async () => {
      fc = await FlintContext.create({ master, appName: 'barrier' });
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-barrier-'));
    }, 60_000);

    afterAll(async () => {
      await fc?.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('mapPartitions runs as mapPartitions does (RDDBarrier doctest: [3, 7])', async () => {
      const rdd = fc.parallelize([1, 2, 3, 4], 2);
      const barrier = rdd.barrier();
      expect(await barrier.mapPartitions(function* (iterator) { let sum = 0; for (const x of iterator) sum += x; yield sum; }).collect()).toEqual([3, 7]);
      expect(rdd.isBarrier()).toBe(false);
      expect(barrier.mapPartitions((it) => it).isBarrier()).toBe(true);
    });

    it('all tasks meet at barrier() and allGather sees every partition\'s message', async () => {
      const gathered = await fc
        .parallelize(range(4), 4)
        .barrier()
        .mapPartitionsWithIndex(async (index, records) => {
          const context = BarrierTaskContext.get()!;
          await context.barrier();
          const messages = await context.allGather(`partition ${context.partitionId()} has ${[...records].length}`);
          return [{ index, partitionId: context.partitionId(), messages }];
        })
        .collect();
      const expected = range(4).map((i) => `partition ${i} has 1`);
      expect(gathered).toEqual(range(4).map((i) => ({ index: i, partitionId: i, messages: expected })));
    }, 30_000);

    it('TaskContext.get() gives the partition, stage and attempt in any task, and is null on the driver', async () => {
      expect(DriverTaskContext.get()).toBeNull();
      const infos = await fc
        .parallelize(range(6), 3)
        .mapPartitions(() => {
          const context = TaskContext.get()!;
          return [[context.partitionId(), context.attemptNumber(), typeof context.stageId(), typeof context.taskAttemptId()]];
        })
        .collect();
      expect(infos).toEqual(range(3).map((i) => [i, 0, 'number', 'number']));
      await expect(fc.range(2).map(() => BarrierTaskContext.get()).collect()).rejects.toThrow('It is not in a barrier stage.');
    });

    it("BarrierTaskContext.getTaskInfos gives every task's executor address, by partition, the same in each task", async () => {
      const started = new Map<number, string>();
      const stop = fc.addListener((event) => {
        if (event.type === 'taskStart') started.set(event.partition, event.executorId);
      });
      const infos = await fc
        .parallelize(range(4), 4)
        .barrier()
        .mapPartitions(() => [BarrierTaskContext.get()!.getTaskInfos().map((info) => info.address)])
        .collect();
      stop();
      // The executor each partition's task started on, from the scheduler's events: `node@host:port`, or the local executor.
      const expected = range(4).map((partition) => started.get(partition)!.split('@')[1] ?? 'localhost');
      expect(infos).toEqual(range(4).map(() => expected));
      if (master.startsWith('local-cluster')) expect(expected.every((address) => /^127\.0\.0\.1:\d+$/.test(address))).toBe(true);
    });

    it("TaskContext.getLocalProperty gives the job's local properties as submitted, in map and result tasks; cpus() is 1, resources() empty", async () => {
      fc.setLocalProperty('pool', 'nightly');
      fc.setJobGroup('group-7', 'described');
      const seen = await fc
        .parallelize(range(4), 2)
        .map((x) => [x % 2, TaskContext.get()!.getLocalProperty('pool')] as [number, string | null])
        .groupByKey(2)
        .map(([key, pools]) => {
          const context = TaskContext.get()!;
          return [key, [...pools], context.getLocalProperty('pool'), context.getLocalProperty('spark.jobGroup.id'), context.getLocalProperty('unset'), context.cpus(), context.resources().size];
        })
        .collect();
      expect(seen.sort()).toEqual([
        [0, ['nightly', 'nightly'], 'nightly', 'group-7', null, 1, 0],
        [1, ['nightly', 'nightly'], 'nightly', 'group-7', null, 1, 0],
      ]);
      fc.setLocalProperty('pool', null);
      fc.clearJobGroup();
      expect(await fc.parallelize([0], 1).map(() => TaskContext.get()!.getLocalProperty('pool')).collect()).toEqual([null]);
    });

    it('a failed barrier task reruns the whole stage: every task runs again, and the job succeeds', async () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'retry-'));
      const result = await fc
        .parallelize(range(4), 4)
        .barrier()
        .mapPartitions(
          capture({ dir }, async (records, { dir }) => {
            const { appendFileSync, readFileSync, existsSync } = (process as unknown as { getBuiltinModule(id: string): typeof import('node:fs') }).getBuiltinModule('node:fs');
            const context = BarrierTaskContext.get()!;
            const log = `${dir}/runs-${context.partitionId()}`;
            appendFileSync(log, `${context.stageAttemptNumber()}\n`);
            await context.barrier();
            // Partition 2 fails in the first stage attempt, after every task passed the barrier.
            if (context.partitionId() === 2 && context.stageAttemptNumber() === 0) throw new Error('partition 2 fails once');
            await context.barrier();
            return [...records].map((x) => [x, readFileSync(log, 'utf8').trim().split('\n').length, existsSync(log)]);
          }),
        )
        .collect();
      expect(result).toEqual(range(4).map((x) => [x, 2, true]));
      // Every partition ran in attempt 0 and again in attempt 1, not just the one that failed.
      for (const p of range(4)) expect(fs.readFileSync(path.join(dir, `runs-${p}`), 'utf8')).toBe('0\n1\n');
    }, 60_000);

    it('a barrier task that keeps failing fails the job after 4 stage attempts', async () => {
      const failing = fc.parallelize(range(2), 2).barrier().mapPartitions(() => {
        throw new Error('always fails');
      });
      await expect(failing.collect()).rejects.toThrow(/Barrier stage \d+ failed 4 times .*always fails/s);
    }, 60_000);

    it('refuses more tasks than slots, and first()/take() on a barrier RDD, with Spark\'s messages', async () => {
      await expect(fc.parallelize(range(10), 10).barrier().mapPartitions((it) => it).collect()).rejects.toThrow('[SPARK-24819]: Barrier execution mode does not allow run a barrier stage that requires more slots');
      await expect(fc.parallelize(range(4), 2).barrier().mapPartitions((it) => it).first()).rejects.toThrow('[SPARK-24820][SPARK-24821]');
      expect(await fc.parallelize(range(4), 2).barrier().mapPartitions((it) => it).collect()).toEqual(range(4));
    }, 30_000);
  
    it('a stage whose ResourceProfile asks 2 cpus per task runs at most threads / 2 of its tasks at once on an executor', async () => {
      const profile = cpusProfile(2);
      expect(profile.taskResources.cpus).toEqual({ resourceName: 'cpus', amount: 2 });
      const profiled = fc.parallelize(range(8), 8).withResources(profile);
      expect(profiled.getResourceProfile()).toBe(profile);
      // Each task holds its slots for 100 ms and reports its executor's process, its start and end, and TaskContext.cpus().
      const runs = await profiled
        .mapPartitions(() => {
          const start = Date.now();
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
          return [[process.pid, start, Date.now(), TaskContext.get()!.cpus()] as const];
        })
        .collect();
      expect(runs.map((run) => run[3])).toEqual(range(8).map(() => 2));
      const executors = [...new Set(runs.map(([pid]) => pid))];
      expect(executors.length).toBe(master.startsWith('local-cluster') ? 2 : 1);
      for (const executor of executors) {
        const intervals = runs.filter(([pid]) => pid === executor).map(([, start, end]) => [start, end] as const);
        expect(mostAtOnce(intervals)).toBeLessThanOrEqual(threadsPerExecutor / 2);
      }
    }, 30_000);

    it("refuses a profile asking more cpus per task than any executor has, with Spark's message", async () => {
      const tooMany = fc.parallelize(range(2), 2).withResources(cpusProfile(threadsPerExecutor + 1));
      await expect(tooMany.collect()).rejects.toThrow(`The number of cores per executor (=${threadsPerExecutor}) has to be >= the number of cpus per task = ${threadsPerExecutor + 1}.`);
      const twoProfiles = fc.parallelize(range(2), 2).withResources(cpusProfile(1)).map((x) => x).withResources(cpusProfile(2));
      await expect(twoProfiles.collect()).rejects.toThrow('Multiple ResourceProfiles specified in the RDDs for this stage');
      expect(() => new TaskResourceRequests().cpus(0)).toThrow('TaskResourceRequests.cpus must be a positive integer, got 0');
    });
  });
}
