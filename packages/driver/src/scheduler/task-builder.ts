/**
 * Turns (stage, partition) into a TaskRequest: the stage's plan encoded once per stage attempt,
 * and the partition's inputs — parallelized slices sent inline, cached partitions and shuffle
 * buckets named with the executor that holds them — plus the executors the task would rather run on.
 */
import { dependencies, encode, encodeWithBroadcasts, stagePlan, taskLeaves, type RDD, type TaskPlan } from '@flint/rdd';
import { blockKeys, type ExecutorId, type StageOutput, type TaskInput, type TaskRequest } from '@flint/worker';
import type { CacheTracker } from './block-locations.js';
import type { ShuffleMapStage, Stage } from './stage.js';

export interface EncodedStage {
  readonly stage: Stage;
  readonly attempt: number;
  readonly plan: TaskPlan;
  readonly bytes: Uint8Array;
  readonly broadcasts: number[];
  readonly rdds: Map<number, RDD<unknown>>;
}

export function encodeStage(stage: Stage, output: StageOutput): EncodedStage {
  const plan = stagePlan(stage.rdd);
  const { bytes, broadcasts } = encodeWithBroadcasts({ plan, output });
  return { stage, attempt: stage.attempt, plan, bytes, broadcasts, rdds: narrowLineage(stage.rdd) };
}

function narrowLineage(root: RDD<unknown>): Map<number, RDD<unknown>> {
  const rdds = new Map<number, RDD<unknown>>();
  const pending = [root];
  while (pending.length > 0) {
    const rdd = pending.pop()!;
    if (rdds.has(rdd.id)) continue;
    rdds.set(rdd.id, rdd);
    for (const dep of dependencies(rdd)) if (!dep.shuffle) pending.push(dep.rdd);
  }
  return rdds;
}

export interface BuiltTask {
  readonly request: TaskRequest;
  /** Executors holding the task's cached input, best first; empty when any will do. */
  readonly preferred: ExecutorId[];
}

export function buildTask(
  encoded: EncodedStage,
  ids: { taskId: number; jobId: number; attempt: number },
  partition: number,
  cache: CacheTracker,
  shuffleStages: ReadonlyMap<number, ShuffleMapStage>,
): BuiltTask {
  const preferred: ExecutorId[] = [];
  const leaves = taskLeaves(encoded.plan, partition, (rddId, split) => cache.location(rddId, split) !== undefined);
  const inputs: TaskInput[] = leaves.map((leaf): TaskInput => {
    switch (leaf.kind) {
      case 'slice': {
        const node = encoded.rdds.get(leaf.rddId)?.node;
        if (node?.kind !== 'parallelize') throw new Error(`RDD ${leaf.rddId} is not a parallelized collection`);
        return { kind: 'bytes', key: blockKeys.slice(leaf.rddId, leaf.split), bytes: encode(node.slices[leaf.split]) };
      }
      case 'cached': {
        const executor = cache.location(leaf.rddId, leaf.split)!;
        preferred.push(executor);
        return { kind: 'cached', key: blockKeys.cached(leaf.rddId, leaf.split), executor };
      }
      case 'shuffle': {
        const stage = shuffleStages.get(leaf.shuffleId);
        if (!stage) throw new Error(`no stage for shuffle ${leaf.shuffleId}`);
        const buckets = stage.outputs.map((status, mapPartition) => {
          if (!status) throw new Error(`map output ${mapPartition} of shuffle ${leaf.shuffleId} is missing`);
          return { shuffleId: leaf.shuffleId, mapPartition, reducePartition: leaf.split, executor: status.executor };
        });
        return { kind: 'shuffle', key: blockKeys.shuffleInput(leaf.shuffleId, leaf.split), buckets };
      }
    }
  });
  const stage = encoded.stage;
  return {
    request: {
      taskId: ids.taskId,
      jobId: ids.jobId,
      stageId: stage.id,
      stageAttempt: encoded.attempt,
      partition,
      attempt: ids.attempt,
      shuffleId: stage.kind === 'shuffleMap' ? stage.shuffleId : undefined,
      stage: encoded.bytes,
      inputs,
      broadcasts: encoded.broadcasts.map((id) => ({ id })),
    },
    preferred,
  };
}
