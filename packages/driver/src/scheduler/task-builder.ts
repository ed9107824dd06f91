/**
 * Turns (stage, partition) into a TaskRequest: the stage's plan encoded once per stage attempt,
 * and the partition's inputs — parallelized slices sent inline, cached partitions and shuffle
 * buckets named with the executor that holds them — plus the executors the task would rather run on.
 */
import { encode, encodeWithBroadcasts, isBarrier, lineage, narrowDependencies, stagePlan, stageResourceProfile, taskLeaves, type RDD } from '@flint/rdd';
import { blockKeys, type ExecutorId, type StageOutput, type TaskInput, type TaskRequest } from '@flint/worker';
import type { CacheTracker } from './block-locations.js';
import type { EncodedStage, ShuffleMapStage, Stage } from './stage.js';

export function encodeStage(stage: Stage, output: StageOutput): EncodedStage {
  const plan = stagePlan(stage.rdd);
  const { bytes, broadcasts } = encodeWithBroadcasts({ plan, output });
  const taskCpus = stageResourceProfile(stage.rdd)?.taskCpus ?? 1;
  return { stage, attempt: stage.attempts, plan, bytes, broadcasts, rdds: narrowLineage(stage.rdd), barrier: isBarrier(stage.rdd), taskCpus };
}

function narrowLineage(root: RDD<unknown>): Map<number, RDD<unknown>> {
  return new Map(lineage(root, narrowDependencies).map((rdd) => [rdd.id(), rdd]));
}

export interface BuiltTask {
  readonly request: TaskRequest;
  readonly preferred: Preferences;
}

/** Where a task would rather run: executors holding its cached input, nodes holding its DFS block. */
export interface Preferences {
  readonly executors: ExecutorId[];
  readonly nodes: string[];
}

export function buildTask(
  encoded: EncodedStage,
  ids: { appId: string; taskId: number; jobId: number; attempt: number },
  partition: number,
  cache: CacheTracker,
  shuffleStages: ReadonlyMap<number, ShuffleMapStage>,
): BuiltTask {
  const preferred: Preferences = { executors: [], nodes: [] };
  const inputs: TaskInput[] = [];
  for (const leaf of taskLeaves(encoded.plan, partition, (rddId, split) => cache.location(rddId, split) !== undefined)) {
    switch (leaf.kind) {
      case 'block':
        preferred.nodes.push(...leaf.nodeIds);
        break;
      case 'slice': {
        const node = encoded.rdds.get(leaf.rddId)?.node;
        if (node?.kind !== 'parallelize') throw new Error(`RDD ${leaf.rddId} is not a parallelized collection`);
        inputs.push({ kind: 'bytes', key: blockKeys.slice(leaf.rddId, leaf.split), bytes: encode(node.slices[leaf.split]) });
        break;
      }
      case 'cached': {
        const executor = cache.location(leaf.rddId, leaf.split)!;
        preferred.executors.push(...cache.locations(leaf.rddId, leaf.split));
        inputs.push({ kind: 'cached', key: blockKeys.cached(leaf.rddId, leaf.split), executor });
        break;
      }
      case 'shuffle':
        inputs.push(shuffleInput(leaf.shuffleId, leaf.split, shuffleStages));
    }
  }
  const stage = encoded.stage;
  return {
    request: {
      appId: ids.appId,
      taskId: ids.taskId,
      jobId: ids.jobId,
      stageId: stage.id,
      stageAttempt: encoded.attempt,
      partition,
      attempt: ids.attempt,
      shuffleId: stage.kind === 'shuffleMap' ? stage.shuffleId : undefined,
      barrier: encoded.barrier ? { numTasks: stage.numPartitions } : undefined,
      ...(encoded.taskCpus > 1 && { cpus: encoded.taskCpus }),
      stage: encoded.bytes,
      inputs,
      broadcasts: encoded.broadcasts.map((id) => ({ id })),
    },
    preferred,
  };
}

/** A reduce partition's buckets, one per map partition in map order, with where each one is. */
function shuffleInput(shuffleId: number, split: number, shuffleStages: ReadonlyMap<number, ShuffleMapStage>): TaskInput {
  const stage = shuffleStages.get(shuffleId);
  if (!stage) throw new Error(`no stage for shuffle ${shuffleId}`);
  const buckets = stage.outputs.map((status, mapPartition) => {
    if (!status) throw new Error(`map output ${mapPartition} of shuffle ${shuffleId} is missing`);
    return { shuffleId, mapPartition, reducePartition: split, executor: status.executor, size: status.bucketSizes[split] ?? 0 };
  });
  return { kind: 'shuffle', key: blockKeys.shuffleInput(shuffleId, split), buckets };
}
