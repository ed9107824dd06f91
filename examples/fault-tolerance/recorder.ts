import type { Locality, SchedulerEvent, StageInfo as StageEventInfo, TaskStatus } from '@flint/driver';

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
      readonly outcome: TaskStatus;
      readonly locality: Locality;
    }
  | { readonly kind: 'executorLost'; readonly atMs: number; readonly executor: string; readonly lostMapOutputs: readonly [number, number][] }
  | { readonly kind: 'jobEnded'; readonly atMs: number; readonly error: string | undefined };

/** Records every scheduler event of the jobs it listens to, with times from `now`. */
export class Recorder {
  readonly events: Recorded[] = [];
  readonly stages = new Map<number, StageInfo>();
  private readonly planned = new Map<number, StageEventInfo>();
  private readonly placed = new Map<number, Locality>();

  constructor(private readonly now: () => number) {}

  /** The listener to pass to fc.addListener. */
  readonly onEvent = (event: SchedulerEvent): void => {
    const atMs = this.now();
    switch (event.type) {
      case 'jobStart':
        for (const stage of event.stages) this.planned.set(stage.stageId, stage);
        return;
      case 'stageSubmitted': {
        const info = this.stageInfo(event.stageId);
        this.stages.set(info.id, info);
        this.events.push({ kind: 'stageSubmitted', atMs, stage: info, attempt: event.attempt, numTasks: event.numTasks });
        return;
      }
      case 'stageResubmitted':
        this.events.push({ kind: 'stageResubmitted', atMs, stageId: event.stageId, reason: event.reason });
        return;
      case 'taskStart':
        this.placed.set(event.taskId, event.locality);
        return;
      case 'taskEnd': {
        const { stageId, stageAttempt, partition, attempt, executorId: executor, status: outcome } = event;
        this.events.push({ kind: 'taskEnded', atMs, stageId, stageAttempt, partition, attempt, executor, outcome, locality: this.placed.get(event.taskId) ?? 'ANY' });
        return;
      }
      case 'executorLost':
        this.events.push({ kind: 'executorLost', atMs, executor: event.executorId, lostMapOutputs: event.lostMapOutputs.map(([shuffle, map]) => [shuffle, map]) });
        return;
      case 'jobEnd':
        this.events.push({ kind: 'jobEnded', atMs, error: event.error });
        return;
    }
  };

  private stageInfo(stageId: number): StageInfo {
    const stage = this.planned.get(stageId);
    return {
      id: stageId,
      writesShuffle: stage?.shuffleId,
      readsShuffles: (stage?.parentStageIds ?? []).flatMap((parent) => this.planned.get(parent)?.shuffleId ?? []),
    };
  }
}
