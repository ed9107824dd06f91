/**
 * Stages: the units the DAG scheduler plans. A stage is a run of narrow transformations ending
 * either in a shuffle (a ShuffleMapStage, whose tasks write buckets for the next stage) or in the
 * action's result (a ResultStage). Its lifecycle:
 *
 *   created ──▶ waiting (parents missing) ──▶ running (tasks launched) ──▶ finished
 *                  ▲                              │
 *                  └──────── failed (a fetch failed: parent output lost; resubmitted) ◀─┘
 *
 * A ShuffleMapStage outlives its job: its outputs stay registered, so a later job that needs the
 * same shuffle skips the stage while every map output is still available.
 */
import type { RDD, Partitioner } from '@flint/rdd';
import type { ExecutorId } from '@flint/worker';

export interface MapStatus {
  readonly executor: ExecutorId;
  readonly bucketSizes: readonly number[];
}

interface StageBase {
  readonly id: number;
  readonly rdd: RDD<unknown>;
  readonly parents: ShuffleMapStage[];
  readonly numPartitions: number;
  /** Incremented every time the stage is (re)submitted. */
  attempt: number;
  /** Jobs that need this stage. */
  readonly jobIds: Set<number>;
}

export interface ShuffleMapStage extends StageBase {
  readonly kind: 'shuffleMap';
  readonly shuffleId: number;
  readonly partitioner: Partitioner;
  /** Where each map partition's buckets are, once written. */
  readonly outputs: (MapStatus | undefined)[];
}

export interface ResultStage extends StageBase {
  readonly kind: 'result';
  readonly jobId: number;
}

export type Stage = ShuffleMapStage | ResultStage;

export function isAvailable(stage: ShuffleMapStage): boolean {
  return stage.outputs.every((o) => o !== undefined);
}

export function missingMapPartitions(stage: ShuffleMapStage): number[] {
  const missing: number[] = [];
  stage.outputs.forEach((o, i) => o === undefined && missing.push(i));
  return missing;
}
