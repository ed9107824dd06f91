// The stage lifecycle (stage.ts): the DAG scheduler moves stages only along its transitions, keeps
// an attempt object exactly while a stage runs, and state() sees every stage, attempt and per-task
// count it holds, so that a finished or failed job is seen to let them all go.
import { describe, expect, it } from 'vitest';
import { RDD } from '@flint/rdd';
import { initialStageFields, moveTo, type ResultStage } from '../src/scheduler/stage.js';
import { FakeCluster, emptyState, mapSuccess, planningContext, resultSuccess, userFailure } from './fake-cluster.js';

const ctx = planningContext();

function wordCount(): RDD<[string, number]> {
  const pairs = new RDD<[string, number]>(ctx, { kind: 'parallelize', slices: [[['a', 1]], [['b', 1], ['a', 1]]] });
  return pairs.reduceByKey((a, b) => a + b, 2);
}

function resultStage(): ResultStage {
  const rdd = new RDD<number>(ctx, { kind: 'empty' });
  return { kind: 'result', id: 7, name: 'collect at job.ts:1', rdd, jobId: 0, parents: [], numPartitions: 0, jobIds: new Set([0]), ...initialStageFields() };
}

describe('stage lifecycle', () => {
  it('allows the transitions of the diagram', () => {
    const stage = resultStage();
    for (const next of ['waiting', 'running', 'waiting', 'running', 'running', 'finished', 'running', 'abandoned', 'running', 'finished'] as const) {
      moveTo(stage, next);
      expect(stage.state).toBe(next);
    }
  });

  it('refuses the others, naming the stage and both states', () => {
    const stage = resultStage();
    expect(() => moveTo(stage, 'abandoned')).toThrow('Stage 7 cannot go from created to abandoned');
    moveTo(stage, 'finished');
    expect(() => moveTo(stage, 'abandoned')).toThrow('Stage 7 cannot go from finished to abandoned');
    expect(() => moveTo(stage, 'created')).toThrow('Stage 7 cannot go from finished to created');
  });

  it('shows a running job’s stages, attempts and task counts in state(), and lets them go when it ends', async () => {
    const cluster = new FakeCluster();
    const job = cluster.runJob(wordCount());
    const maps = cluster.take(0);
    expect(cluster.dag.state()).toEqual({ ...emptyState(), jobs: 1, waitingStages: 1, runningStages: 1, stageAttempts: 1, taskCounts: 2 });
    for (const task of maps) cluster.finish(task, mapSuccess(2));
    const reduces = cluster.take(1);
    // The finished map stage keeps its task counts until the job ends: 2 map + 2 reduce partitions.
    expect(cluster.dag.state()).toEqual({ ...emptyState(), jobs: 1, runningStages: 1, stageAttempts: 1, taskCounts: 4 });
    for (const task of reduces) cluster.finish(task, resultSuccess([task.partition]));
    await expect(job.result).resolves.toEqual([[0], [1]]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });

  it('lets a failed job’s stages go, and a later job reuses the finished map stage', async () => {
    const cluster = new FakeCluster(1);
    const counts = wordCount();
    const failing = cluster.runJob(counts);
    for (const task of cluster.take(0)) cluster.finish(task, mapSuccess(2));
    const [reduce0] = cluster.take(1);
    cluster.finish(reduce0, userFailure('bad record'));
    await expect(failing.result).rejects.toThrow(/failed 1 times/);
    expect(cluster.dag.state()).toEqual(emptyState());

    const second = cluster.runJob(counts);
    expect(cluster.take(0)).toHaveLength(0);
    const reduces = cluster.take(2); // the second job's result stage
    expect(reduces.map((task) => task.attempt)).toEqual([0, 0]);
    for (const task of reduces) cluster.finish(task, resultSuccess([task.partition]));
    await expect(second.result).resolves.toEqual([[0], [1]]);
    expect(cluster.dag.state()).toEqual(emptyState());
  });
});
