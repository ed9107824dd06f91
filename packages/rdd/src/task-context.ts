/**
 * TaskContext and BarrierTaskContext, as PySpark's: inside a task, `TaskContext.get()` says which
 * partition, stage and attempt is running; in a barrier stage, `BarrierTaskContext.get().barrier()`
 * waits until every task of the stage has reached the same barrier (it returns a Promise: use it
 * in an async partition function). Outside a task, `get()` is null.
 *
 * Shipped functions may use both names without capture: the worker puts them in scope, and the
 * free-variable check knows them. The worker installs the context of each task it runs through
 * `runWithTaskContext`; the barrier's messages go through the channel it gives.
 */
import type { TaskMemory } from './memory/task-memory.js';

export interface TaskContextInfo {
  readonly stageId: number;
  readonly stageAttemptNumber: number;
  readonly partitionId: number;
  readonly attemptNumber: number;
  readonly taskAttemptId: number;
  /** In a barrier stage: the address of each task's executor, by partition. */
  readonly barrierAddresses?: readonly string[];
  /** The executor slots the task takes, from its stage's ResourceProfile; 1 when absent. */
  readonly cpus?: number;
  /** The local properties of the job the task belongs to (fc.setLocalProperty, job group, tags). */
  readonly localProperties?: Readonly<Record<string, string>>;
  /** The task's memory budget and spill store (absent outside a worker's task). */
  readonly memory?: TaskMemory;
}

/** How a barrier task reaches the driver's barrier coordinator: every task sends, all are answered with everyone's messages. */
export interface BarrierChannel {
  sync(message: string): Promise<string[]>;
}

export class TaskContext {
  private static current: TaskContext | null = null;

  protected constructor(private readonly info: TaskContextInfo) {}

  /** The running task's context, or null on the driver. */
  static get(): TaskContext | null {
    return TaskContext.current;
  }

  partitionId(): number {
    return this.info.partitionId;
  }
  stageId(): number {
    return this.info.stageId;
  }
  stageAttemptNumber(): number {
    return this.info.stageAttemptNumber;
  }
  /** How many times this partition was tried before (0 for the first attempt). */
  attemptNumber(): number {
    return this.info.attemptNumber;
  }
  /** Unique among the application's task attempts. */
  taskAttemptId(): number {
    return this.info.taskAttemptId;
  }
  /** A local property of the job this task belongs to, as the driver had it when the job was submitted; null if unset. */
  getLocalProperty(key: string): string | null {
    return this.info.localProperties?.[key] ?? null;
  }
  /** CPUs given to this task: its stage's ResourceProfile task cpus (executor slots it takes), else 1. */
  cpus(): number {
    return this.info.cpus ?? 1;
  }
  /** Resources (GPUs, ...) given to this task, by name: Flint assigns none. */
  resources(): Map<string, never> {
    return new Map<string, never>();
  }
  /** Flint's: the memory this task may use before it spills, and where spills go (for operators, not PySpark's API). */
  taskMemory(): TaskMemory | undefined {
    return this.info.memory;
  }

  /** @internal Runs `task` with `context` as the current one (one task per thread at a time). */
  static async runWithTaskContext<R>(info: TaskContextInfo, barrier: BarrierChannel | undefined, task: () => Promise<R>): Promise<R> {
    TaskContext.current = barrier ? new BarrierTaskContext(info, barrier) : new TaskContext(info);
    try {
      return await task();
    } finally {
      TaskContext.current = null;
    }
  }
}

/** PySpark's BarrierTaskInfo: where one task of a barrier stage runs (its executor's host:port). */
export interface BarrierTaskInfo {
  readonly address: string;
}

export class BarrierTaskContext extends TaskContext {
  /** @internal */
  constructor(
    private readonly barrierInfo: TaskContextInfo,
    private readonly channel: BarrierChannel,
  ) {
    super(barrierInfo);
  }

  /** Where every task of this barrier stage runs, ordered by partition id. */
  getTaskInfos(): BarrierTaskInfo[] {
    return (this.barrierInfo.barrierAddresses ?? []).map((address) => ({ address }));
  }

  /** The running barrier task's context; an error in a task outside a barrier stage, null on the driver. */
  static override get(): BarrierTaskContext | null {
    const current = TaskContext.get();
    if (current === null) return null;
    if (!(current instanceof BarrierTaskContext)) throw new Error('It is not in a barrier stage.');
    return current;
  }

  /** Waits until all tasks of this barrier stage have called barrier() (Spark's global sync). */
  async barrier(): Promise<void> {
    await this.channel.sync('');
  }

  /** Like barrier(), and returns every task's message, ordered by partition id. */
  allGather(message = ''): Promise<string[]> {
    if (typeof message !== 'string') throw new TypeError('allGather: the message must be a string');
    return this.channel.sync(message);
  }
}
