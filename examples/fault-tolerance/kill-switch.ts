import type { LocalCluster, SchedulerListener, Stage, TaskEnd } from '@flint/driver';

/** When to kill: in which stage, and after how many of its tasks have succeeded. */
export interface KillPlan {
  /** The first submitted stage this accepts is the one to kill a worker in. */
  readonly inStage: (stage: Stage) => boolean;
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
export class KillSwitch implements SchedulerListener {
  kill: Kill | undefined;
  private target: { readonly stageId: number; readonly numTasks: number; readonly killAfter: number } | undefined;
  private succeeded = 0;

  constructor(
    private readonly cluster: LocalCluster,
    private readonly now: () => number,
    private readonly plan: KillPlan,
  ) {}

  stageSubmitted(stage: Stage, numTasks: number): void {
    if (this.target === undefined && this.plan.inStage(stage)) {
      this.target = { stageId: stage.id, numTasks, killAfter: this.plan.afterTasks(numTasks) };
    }
  }

  taskEnded(request: { stageId: number }, executor: string, end: TaskEnd): void {
    const target = this.target;
    if (this.kill || request.stageId !== target?.stageId || end.kind !== 'success') return;
    if (++this.succeeded < target.killAfter) return;
    // Listeners run inside the scheduler's event loop, so this must not throw: an unknown
    // executor just means no kill, which the caller reports.
    const worker = this.cluster.workers.find((each) => each.executorId === executor);
    if (!worker) return;
    this.cluster.killWorker(worker.index);
    this.kill = {
      atMs: this.now(), workerIndex: worker.index, executor, pid: worker.process.pid,
      stageId: target.stageId, tasksDone: this.succeeded, numTasks: target.numTasks,
    };
  }
}
