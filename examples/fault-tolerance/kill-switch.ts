import type { LocalCluster, SchedulerEvent, StageInfo } from '@flint/driver';

/** When to kill: in which stage, and after how many of its tasks have succeeded. */
export interface KillPlan {
  /** The first submitted stage this accepts is the one to kill a worker in. */
  readonly inStage: (stage: StageInfo) => boolean;
  /** How many of that stage's tasks succeed before the kill, given its number of tasks. */
  readonly afterTasks: (numTasks: number) => number;
}

/** The worker that was killed, and when (ms from the start of the job). */
export interface Kill {
  readonly atMs: number;
  readonly workerIndex: number;
  readonly executor: string;
  readonly pid: number | undefined;
  /** The stage that was running. */
  readonly stageId: number;
  /** Its tasks that had succeeded, and how many it has. */
  readonly tasksDone: number;
  readonly numTasks: number;
}

/**
 * SIGKILLs one worker of a local cluster in the middle of a stage: once the planned number of
 * its tasks have succeeded, the worker that ran the last of them dies. That worker has just been
 * given another task of the stage, and it holds map outputs.
 */
export class KillSwitch {
  kill: Kill | undefined;
  private target: { readonly stageId: number; readonly numTasks: number; readonly killAfter: number } | undefined;
  private succeeded = 0;
  private readonly stages = new Map<number, StageInfo>();

  constructor(
    private readonly cluster: LocalCluster,
    private readonly now: () => number,
    private readonly plan: KillPlan,
  ) {}

  /** The listener to pass to fc.addListener. */
  readonly onEvent = (event: SchedulerEvent): void => {
    if (event.type === 'jobStart') for (const stage of event.stages) this.stages.set(stage.stageId, stage);
    if (event.type === 'stageSubmitted') this.stageSubmitted(event.stageId, event.numTasks);
    if (event.type === 'taskEnd' && event.status === 'success') this.taskSucceeded(event.stageId, event.executorId);
  };

  private stageSubmitted(stageId: number, numTasks: number): void {
    const stage = this.stages.get(stageId);
    if (this.target === undefined && stage && this.plan.inStage(stage)) {
      this.target = { stageId, numTasks, killAfter: this.plan.afterTasks(numTasks) };
    }
  }

  private taskSucceeded(stageId: number, executor: string): void {
    const target = this.target;
    if (this.kill || stageId !== target?.stageId) return;
    if (++this.succeeded < target.killAfter) return;
    // An unknown executor just means no kill, which the caller reports.
    const worker = this.cluster.workers.find((each) => each.executorId === executor);
    if (!worker) return;
    this.cluster.killWorker(worker.index);
    this.kill = {
      atMs: this.now(), workerIndex: worker.index, executor, pid: worker.process.pid,
      stageId: target.stageId, tasksDone: this.succeeded, numTasks: target.numTasks,
    };
  }
}
