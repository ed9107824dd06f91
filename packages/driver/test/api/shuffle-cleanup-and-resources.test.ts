// rdd.cleanShuffleDependencies, and rdd.withResources / getResourceProfile and the profile
// builder, as PySpark 4 has them (scheduling by task cpus: test/api/barrier.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecutorResourceRequests, FlintContext, ResourceProfile, ResourceProfileBuilder, TaskResourceRequests } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-shuffle-cleanup' });
});

afterAll(async () => {
  await fc.stop();
});

const counts = () => fc.parallelize(Array.from({ length: 100 }, (_, i) => i), 4).map((x) => [x % 3, 1] as [number, number]).reduceByKey((a, b) => a + b);
/** Whether the last job ran its map stage, or found the shuffle's outputs and skipped it (its result stage always runs). */
const lastJobRanMapStage = () => fc.jobHistory.at(-1)!.stages.filter((stage) => !stage.skipped).length === 2;

describe('cleanShuffleDependencies', () => {
  it("drops the RDD's shuffle outputs: the next job computes the map stage again, with the same answer", async () => {
    const rdd = counts();
    const expected = [[0, 34], [1, 33], [2, 33]];
    expect((await rdd.collect()).sort()).toEqual(expected);
    expect((await rdd.collect()).sort()).toEqual(expected);
    expect(lastJobRanMapStage()).toBe(false);
    rdd.cleanShuffleDependencies();
    expect((await rdd.collect()).sort()).toEqual(expected);
    expect(lastJobRanMapStage()).toBe(true);
  });
});

describe('withResources and getResourceProfile', () => {
  it('records the profile and returns the RDD; jobs run as before', async () => {
    const rdd = counts();
    expect(rdd.getResourceProfile()).toBeNull();
    const profile = new ResourceProfile({ cores: { resourceName: 'cores', amount: 2 } }, { cpus: { resourceName: 'cpus', amount: 1 } });
    expect(rdd.withResources(profile)).toBe(rdd);
    expect(rdd.getResourceProfile()).toBe(profile);
    expect((await rdd.collect()).sort()).toEqual([[0, 34], [1, 33], [2, 33]]);
    expect(() => rdd.withResources({} as ResourceProfile)).toThrow('withResources expects a ResourceProfile, got object');
  });
});

describe('ResourceProfileBuilder', () => {
  it('collects task and executor requests (memory in MiB), later ones replacing earlier, and builds a new profile each time', () => {
    const builder = new ResourceProfileBuilder()
      .require(new ExecutorResourceRequests().cores(2).memory('6g').resource('gpu', 1))
      .require(new TaskResourceRequests().cpus(1).resource('gpu', 1))
      .require(new TaskResourceRequests().cpus(2));
    const profile = builder.build;
    expect(profile.executorResources).toEqual({ cores: { resourceName: 'cores', amount: 2 }, memory: { resourceName: 'memory', amount: 6144 }, gpu: { resourceName: 'gpu', amount: 1 } });
    expect(profile.taskResources).toEqual({ cpus: { resourceName: 'cpus', amount: 2 }, gpu: { resourceName: 'gpu', amount: 1 } });
    expect(profile.taskCpus).toBe(2);
    expect(builder.build.id).not.toBe(profile.id);
    builder.clearTaskResourceRequests();
    expect(builder.build.taskCpus).toBe(1);
    expect(builder.taskResources).toEqual({});
    expect(() => new ExecutorResourceRequests().memory('lots')).toThrow("ExecutorResourceRequests.memory: cannot read 'lots' as a size");
  });
});
