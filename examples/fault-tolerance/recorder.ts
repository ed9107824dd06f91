import type { ActiveJob, Locality, SchedulerListener, Stage, TaskEnd } from '@flint/driver';
import type { TaskRequest } from '@flint/worker';

/** What the narrative needs to know about a stage, copied when it is submitted. */
export interface StageInfo {
  readonly id: number;
  /** The shuffle a map stage writes; undefined for the result stage. */
  readonly writesShuffle: number | undefined;
  /** The shuffles whose output the stage reads. */
  readonly readsShuffles: readonly number[];
}

/** A scheduler event as the demo recorded it; `atMs` counts from the start of the job. */
export type Recorded =
  | { readonly kind: 'stageSubmitted'; readonly atMs: number; readonly stage: StageInfo; readonly attempt: number; readonly numTasks: number }
  | { readonly kind: 'stageResubmitted'; readonly atMs: number; readonly stageId: number; readonly reason: string }
  | {
      readonly kind: 'taskEnded';
      readonly atMs: number;
      readonly stageId: number;
      readonly stageAttempt: number;
      readonly partition: number;
      /** The task's attempt: 0 the first time this partition of the stage ran. */
      readonly attempt: number;
      readonly executor: string;
      readonly outcome: TaskEnd['kind'];
      readonly locality: Locality;
    }
  | { readonly kind: 'executorLost'; readonly atMs: number; readonly executor: string; readonly lostMapOutputs: readonly [number, number][] }
  | { readonly kind: 'jobEnded'; readonly atMs: number; readonly error: string | undefined };

/** Records every scheduler event of the jobs it listens to, with times from `now`. */
export class Recorder implements SchedulerListener {
  readonly events: Recorded[] = [];
  readonly stages = new Map<number, StageInfo>();

  constructor(private readonly now: () => number) {}

  stageSubmitted(stage: Stage, numTasks: number): void {
    const info: StageInfo = {
      id: stage.id,
      writesShuffle: stage.kind === 'shuffleMap' ? stage.shuffleId : undefined,
      readsShuffles: stage.parents.map((parent) => parent.shuffleId),
    };
    this.stages.set(stage.id, info);
    this.events.push({ kind: 'stageSubmitted', atMs: this.now(), stage: info, attempt: stage.attempts, numTasks });
  }

  stageResubmitted(stage: Stage, reason: string): void {
    this.events.push({ kind: 'stageResubmitted', atMs: this.now(), stageId: stage.id, reason });
  }

  taskEnded(request: TaskRequest, executor: string, end: TaskEnd, locality: Locality): void {
    const { stageId, stageAttempt, partition, attempt } = request;
    this.events.push({ kind: 'taskEnded', atMs: this.now(), stageId, stageAttempt, partition, attempt, executor, outcome: end.kind, locality });
  }

  executorLost(executor: string, lostMapOutputs: [number, number][]): void {
    this.events.push({ kind: 'executorLost', atMs: this.now(), executor, lostMapOutputs: [...lostMapOutputs] });
  }

  jobEnded(_job: ActiveJob, error: Error | undefined): void {
    this.events.push({ kind: 'jobEnded', atMs: this.now(), error: error?.message });
  }
}
