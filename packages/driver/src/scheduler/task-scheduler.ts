/**
 * Places tasks on executor slots. Each executor offers as many slots as it has threads; a task
 * goes to a free slot, on an executor that holds its input when one is free. Outcomes are handed
 * back to the DAG scheduler's event loop; the task scheduler keeps no job state of its own.
 */
import type { ExecutorId, TaskOutcome, TaskRequest } from '@flint/worker';

export interface ExecutorBackend {
  readonly id: ExecutorId;
  readonly slots: number;
  runTask(request: TaskRequest): Promise<TaskOutcome>;
}

export interface PendingTask {
  readonly request: TaskRequest;
  readonly preferred: readonly ExecutorId[];
}

/** What ended a task: its outcome, or the loss of the executor it ran on. */
export type TaskEnd = TaskOutcome | { readonly kind: 'executorLost'; readonly executor: ExecutorId };

export type Locality = 'PROCESS_LOCAL' | 'ANY';

export class TaskScheduler {
  private readonly executors = new Map<ExecutorId, { backend: ExecutorBackend; running: Set<number>; broadcasts: Set<number> }>();
  private queue: PendingTask[] = [];
  private readonly running = new Map<number, { task: PendingTask; executor: ExecutorId }>();

  constructor(
    private readonly onTaskEnd: (request: TaskRequest, executor: ExecutorId, end: TaskEnd, locality: Locality) => void,
    private readonly broadcastBytes: (id: number) => Uint8Array,
  ) {}

  addExecutor(backend: ExecutorBackend): void {
    this.executors.set(backend.id, { backend, running: new Set(), broadcasts: new Set() });
    this.dispatch();
  }

  /** Drops an executor; its running tasks end as lost. */
  removeExecutor(id: ExecutorId): void {
    const executor = this.executors.get(id);
    if (!executor) return;
    this.executors.delete(id);
    for (const taskId of executor.running) {
      const entry = this.running.get(taskId)!;
      this.running.delete(taskId);
      this.onTaskEnd(entry.task.request, id, { kind: 'executorLost', executor: id }, 'ANY');
    }
  }

  executorIds(): ExecutorId[] {
    return [...this.executors.keys()];
  }

  submit(tasks: readonly PendingTask[]): void {
    this.queue.push(...tasks);
    this.dispatch();
  }

  /** Forgets queued tasks of a job (running ones finish and are ignored by the DAG scheduler). */
  cancelJob(jobId: number): void {
    this.queue = this.queue.filter((t) => t.request.jobId !== jobId);
  }

  get queuedTasks(): number {
    return this.queue.length;
  }

  get runningTasks(): number {
    return this.running.size;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const free = [...this.executors.values()].filter((e) => e.running.size < e.backend.slots);
      if (free.length === 0) return;
      const index = this.queue.findIndex((t) => t.preferred.some((id) => free.some((e) => e.backend.id === id)));
      const task = this.queue.splice(index >= 0 ? index : 0, 1)[0];
      const local = free.find((e) => task.preferred.includes(e.backend.id));
      const executor = local ?? free.reduce((a, b) => (a.running.size <= b.running.size ? a : b));
      this.launch(task, executor, local ? 'PROCESS_LOCAL' : 'ANY');
    }
  }

  private launch(task: PendingTask, executor: { backend: ExecutorBackend; running: Set<number>; broadcasts: Set<number> }, locality: Locality): void {
    const { request } = task;
    const broadcasts = request.broadcasts.map(({ id }) => {
      if (executor.broadcasts.has(id)) return { id };
      executor.broadcasts.add(id);
      return { id, bytes: this.broadcastBytes(id) };
    });
    executor.running.add(request.taskId);
    this.running.set(request.taskId, { task, executor: executor.backend.id });
    const finish = (end: TaskEnd): void => {
      if (!this.running.has(request.taskId)) return;
      this.running.delete(request.taskId);
      executor.running.delete(request.taskId);
      this.onTaskEnd(request, executor.backend.id, end, locality);
      this.dispatch();
    };
    executor.backend.runTask({ ...request, broadcasts }).then(finish, (error: unknown) =>
      finish({ kind: 'failure', error: { name: 'ExecutorError', message: error instanceof Error ? error.message : String(error), stack: '' } }),
    );
  }
}
