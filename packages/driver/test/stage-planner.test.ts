import { describe, expect, it } from 'vitest';
import { RDD } from '@flint/rdd';
import { StagePlanner, describeStages } from '../src/scheduler/stage-planner.js';
import { planningContext } from './fake-cluster.js';

const ctx = planningContext();
const parallelize = <T>(data: T[], slices: number): RDD<T> =>
  new RDD<T>(ctx, { kind: 'parallelize', slices: Array.from({ length: slices }, (_, i) => data.slice(Math.floor((i * data.length) / slices), Math.floor(((i + 1) * data.length) / slices))) });

describe('stage planner', () => {
  it('pipelines narrow transformations into one result stage', () => {
    const rdd = parallelize([1, 2, 3], 3).map((x) => x + 1).filter((x) => x > 2);
    const stage = new StagePlanner().createResultStage(rdd, 0);
    expect(describeStages(stage)).toBe(`ResultStage 0: 3 tasks over RDD ${rdd.id()}`);
  });

  it('cuts a word count at its shuffle: the map side combines, the reduce side merges', () => {
    const words = parallelize(['a b', 'b'], 2).flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number]);
    const counts = words.reduceByKey((a, b) => a + b, 3);
    const stage = new StagePlanner().createResultStage(counts, 0);
    const mapSide = counts.node.kind === 'mapPartitions' ? counts.node.parent : undefined;
    const combiner = mapSide?.node.kind === 'shuffled' ? mapSide.node.parent : undefined;
    expect(describeStages(stage)).toBe(
      [`ResultStage 1: 3 tasks over RDD ${counts.id()}`, `  ShuffleMapStage(shuffle 0) 0: 2 tasks over RDD ${combiner?.id()}`].join('\n'),
    );
  });

  it('numbers stages as Spark does: parents before the stages that read them, the result stage last', () => {
    const pairs = parallelize([['a', 1], ['b', 2]] as [string, number][], 2);
    const result = new StagePlanner().createResultStage(pairs.reduceByKey((a, b) => a + b).sortByKey(), 0);
    const sortStage = result.parents[0]!;
    const aggregateStage = sortStage.parents[0]!;
    expect([aggregateStage.id, sortStage.id, result.id]).toEqual([0, 1, 2]);
  });

  it('plans a sort after an aggregation as three stages, and shares a shuffle stage between jobs', () => {
    const pairs = parallelize([['a', 1], ['b', 2]] as [string, number][], 2);
    const sorted = pairs.reduceByKey((a, b) => a + b).sortByKey();
    const planner = new StagePlanner();
    const first = planner.createResultStage(sorted, 0);
    expect(first.parents).toHaveLength(1);
    expect(first.parents[0].parents).toHaveLength(1);
    const second = planner.createResultStage(sorted.keys(), 1);
    expect(second.parents[0]).toBe(first.parents[0]);
    expect([...first.parents[0].jobIds].sort()).toEqual([0, 1]);
  });

  it('reads a join from one shuffle of both tagged sides (PySpark cogroup)', () => {
    const left = parallelize([[1, 'x']] as [number, string][], 2);
    const right = parallelize([[1, 'y']] as [number, string][], 3);
    const stage = new StagePlanner().createResultStage(left.join(right), 0);
    expect(stage.parents).toHaveLength(1);
    expect(stage.parents[0].numPartitions).toBe(5);
    expect(stage.numPartitions).toBe(3);
  });

  it('prints the lineage with its stage boundary', () => {
    const counts = parallelize([['a', 1]] as [string, number][], 2).setName('pairs').reduceByKey((a, b) => a + b);
    const text = counts.toDebugString();
    expect(text.split('\n')[0]).toMatch(/^\(2\) MapPartitionsRDD\[\d+\] mergeCombinersByKey/);
    expect(text).toContain(' +-(2) MapPartitionsRDD');
    expect(text).toContain('pairs ParallelCollectionRDD');
  });
});
