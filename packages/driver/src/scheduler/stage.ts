/**
 * Stages: the units the DAG scheduler plans. A stage is a run of narrow transformations ending
 * either in a shuffle (a ShuffleMapStage, whose tasks write buckets for the next stage) or in the
 * action's result (a ResultStage).
 *
 * Its lifecycle is `stage.state`; `moveTo` makes the transitions and refuses any other:
 *
 *                 parents missing           parents available           all outputs
 *     created ───────────────────▶ waiting ───────────────────▶ running ───────────▶ finished
 *        │                          ▲   │ ▲                       │ │ ▲                 │
 *        │ parents available        │   │ └── attempt aborted ────┘ │ │                 │
 *        └──────────────────────────┼───┼──────────────────────────▶│ └ aborted, rerun  │
 *                                   │   │                           │   at once         │
 *                                   │   ▼       no job needs it     │                   │
 *                                   │ abandoned ◀───────────────────┘                   │
 *                                   │   │                                               │
 *                                   └───┴──── needed again (a later job; lost outputs) ─┘
 *
 * (`created`, `abandoned` and `finished` may also go straight to `running`, or to `finished`
 * when nothing is missing.) An attempt is aborted by a fetch failure or by outputs lost while it
 * ran; it is then resubmitted. Each run of tasks is a StageAttempt (stage.currentAttempt), which
 * exists exactly while the stage is running.
 *
 * A ShuffleMapStage outlives its job: its outputs stay registered, so a later job that needs the
 * same shuffle skips the stage while every map output is still available.
 */
import type { RDD, Partitioner, TaskPlan } from '@flint/rdd';
import type { ExecutorId } from '@flint/worker';

export type StageState = 'created' | 'waiting' | 'running' | 'finished' | 'abandoned';

const TRANSITIONS: { readonly [S in StageState]: readonly StageState[] } = {
  created: ['waiting', 'running', 'finished'],
  waiting: ['waiting', 'running', 'finished', 'abandoned'],
  running: ['waiting', 'running', 'finished', 'abandoned'],
  finished: ['waiting', 'running', 'finished'],
  abandoned: ['waiting', 'running', 'finished'],
};

export interface MapStatus {
  readonly executor: ExecutorId;
  readonly bucketSizes: readonly number[];
}

/** A stage as its attempt's tasks carry it: the plan encoded once (task-builder.ts), and the RDDs of that plan. */
export interface EncodedStage {
  readonly stage: Stage;
  /** 1 for the first attempt; tasks carry it, so ends of an earlier attempt are told apart. */
  readonly attempt: number;
  readonly plan: TaskPlan;
  readonly bytes: Uint8Array;
  readonly broadcasts: number[];
  readonly rdds: Map<number, RDD<unknown>>;
  /** A barrier stage: its tasks start together, wait for each other at barrier(), and fail together. */
  readonly barrier: boolean;
  /** Executor slots each task takes: the task cpus of the stage's ResourceProfile, else 1. */
  readonly taskCpus: number;
}

/** One run of a stage's missing tasks. */
export interface StageAttempt {
  readonly encoded: EncodedStage;
  /** The partitions of this attempt still without output. */
  readonly pending: Set<number>;
}

/** Per partition, across the attempts of the stage while jobs need it. */
export interface TaskCounts {
  /** Tasks launched so far; the next one's attempt number. */
  launched: number;
  failures: number;
}

interface StageBase {
  readonly id: number;
  /** Spark's stage name: the user's call that made it, `reduceByKey at job.ts:3:8` (a result stage: the job's action). */
  readonly name: string;
  readonly rdd: RDD<unknown>;
  readonly parents: ShuffleMapStage[];
  readonly numPartitions: number;
  state: StageState;
  /** Attempts made so far. */
  attempts: number;
  /** The running attempt; set exactly while state is `running`. */
  currentAttempt: StageAttempt | undefined;
  readonly taskCounts: Map<number, TaskCounts>;
  /** Consecutive attempts that ended in a fetch failure. */
  fetchFailures: number;
  /** Consecutive attempts of a barrier stage that a task's own failure ended. */
  barrierFailures: number;
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

/** The fields every new stage starts with. */
export function initialStageFields(): Pick<StageBase, 'state' | 'attempts' | 'currentAttempt' | 'taskCounts' | 'fetchFailures' | 'barrierFailures'> {
  return { state: 'created', attempts: 0, currentAttempt: undefined, taskCounts: new Map(), fetchFailures: 0, barrierFailures: 0 };
}

/** Moves a stage to `next`; a transition the lifecycle does not have is a scheduler bug. */
export function moveTo(stage: Stage, next: StageState): void {
  if (!TRANSITIONS[stage.state].includes(next)) throw new Error(`Stage ${stage.id} cannot go from ${stage.state} to ${next}`);
  stage.state = next;
}

export function isActive(stage: Stage): boolean {
  return stage.state === 'waiting' || stage.state === 'running';
}

export function isAvailable(stage: ShuffleMapStage): boolean {
  return stage.outputs.every((o) => o !== undefined);
}

export function missingMapPartitions(stage: ShuffleMapStage): number[] {
  const missing: number[] = [];
  stage.outputs.forEach((o, i) => o === undefined && missing.push(i));
  return missing;
}

/** The launch and failure counts of one partition of the stage, created at its first task. */
export function taskCountsOf(stage: Stage, partition: number): TaskCounts {
  let counts = stage.taskCounts.get(partition);
  if (!counts) stage.taskCounts.set(partition, (counts = { launched: 0, failures: 0 }));
  return counts;
}
