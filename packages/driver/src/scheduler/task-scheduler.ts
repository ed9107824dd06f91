/**
 * Places tasks on executor slots (one slot per task thread), with Spark's locality levels:
 *   PROCESS_LOCAL — the executor holds the task's cached input partition;
 *   NODE_LOCAL    — the executor's node stores the DFS block the task reads;
 *   ANY           — anywhere.
 * Delay scheduling: a task with preferences waits up to `localityWaitMs` for a slot where its data
 * is before it runs elsewhere. The wait adapts to the work: it is a few times the typical task
 * duration seen so far (short tasks, short wait), within [MIN, MAX]_LOCALITY_WAIT_MS.
 * Outcomes go back to the DAG scheduler's event loop; no job state is kept here.
 */
import { parseExecutorId, type ExecutorId, type TaskOutcome, type TaskRequest } from '@flint/worker';
import type { Preferences } from './task-builder.js';
import { SPECULATION_DEFAULTS, SpeculationTracker, type RunningAttempt, type SpeculationOptions } from './speculation.js';

export interface ExecutorBackend {
  readonly id: ExecutorId;
  readonly slots: number;
  runTask(request: TaskRequest): Promise<TaskOutcome>;
}

export interface PendingTask {
  readonly request: TaskRequest;
  readonly preferred: Preferences;
}

/** What ended a task: its outcome, or the loss of the executor it ran on. */
export type TaskEnd = TaskOutcome | { readonly kind: 'executorLost'; readonly executor: ExecutorId };

export type Locality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'ANY';

const MIN_LOCALITY_WAIT_MS = 20;
const MAX_LOCALITY_WAIT_MS = 3_000;

interface ExecutorState {
  readonly backend: ExecutorBackend;
  readonly node: string;
  readonly running: Set<number>;
  readonly broadcasts: Set<number>;
}

interface Queued {
  readonly task: PendingTask;
  readonly queuedAt: number;
}

export class TaskScheduler {
  private readonly executors = new Map<ExecutorId, ExecutorState>();
  private queue: Queued[] = [];
  private readonly running = new Map<number, ExecutorId>();
  private readonly runningRequests = new Map<number, RunningAttempt>();
  private recentDurationsMs: number[] = [];
  private wakeUp: NodeJS.Timeout | undefined;
  private readonly speculation: SpeculationTracker;
  private speculationTimer: NodeJS.Timeout | undefined;
  private replicaCursor = 0;

  constructor(
    private readonly onTaskEnd: (request: TaskRequest, executor: ExecutorId, end: TaskEnd, locality: Locality) => void,
    private readonly broadcastBytes: (id: number) => Uint8Array,
    speculation: SpeculationOptions = SPECULATION_DEFAULTS,
  ) {
    this.speculation = new SpeculationTracker(speculation);
    if (speculation.enabled) {
      this.speculationTimer = setInterval(() => this.speculate(), speculation.intervalMs);
      this.speculationTimer.unref();
    }
  }

  addExecutor(backend: ExecutorBackend): void {
    this.executors.set(backend.id, { backend, node: nodeOf(backend.id), running: new Set(), broadcasts: new Set() });
    this.dispatch();
  }

  /** Drops an executor; its running tasks end as lost. */
  removeExecutor(id: ExecutorId): void {
    const executor = this.executors.get(id);
    if (!executor) return;
    this.executors.delete(id);
    for (const taskId of executor.running) {
      const { request } = this.runningRequests.get(taskId)!;
      this.running.delete(taskId);
      this.runningRequests.delete(taskId);
      if (!this.speculation.isDone(request) && !this.speculation.hasCopy(request, this.runningRequests.values())) {
        this.onTaskEnd(request, id, { kind: 'executorLost', executor: id }, 'ANY');
      }
    }
    executor.running.clear();
    this.dispatch();
  }

  submit(tasks: readonly PendingTask[]): void {
    const now = performance.now();
    for (const { request } of tasks) this.speculation.submitted(request);
    this.queue.push(...tasks.map((task) => ({ task, queuedAt: now })));
    this.dispatch();
  }

  /** Forgets queued tasks of a job (running ones finish and are ignored by the DAG scheduler). */
  cancelJob(jobId: number): void {
    this.queue = this.queue.filter((q) => q.task.request.jobId !== jobId);
  }

  stop(): void {
    clearTimeout(this.wakeUp);
    clearInterval(this.speculationTimer);
    this.queue = [];
  }

  /** Delay scheduling's wait: a few typical task durations, bounded. */
  get localityWaitMs(): number {
    if (this.recentDurationsMs.length === 0) return MIN_LOCALITY_WAIT_MS * 5;
    const sorted = [...this.recentDurationsMs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    return Math.min(MAX_LOCALITY_WAIT_MS, Math.max(MIN_LOCALITY_WAIT_MS, 2 * median));
  }

  /**
   * The wait of a task whose cached input is on busy executors: half the usual. Running it
   * elsewhere reads the partition remotely once and leaves a copy there, so the next job over the
   * same RDD finds its partitions spread over both executors instead of queued on one (logistic
   * regression's later iterations here: median 104-118 ms with the usual wait, 90-93 ms with this).
   */
  private waitFor(task: PendingTask, wait: number): number {
    return task.preferred.executors.length > 0 ? Math.max(MIN_LOCALITY_WAIT_MS, wait / 2) : wait;
  }

  private dispatch(): void {
    clearTimeout(this.wakeUp);
    const now = performance.now();
    const wait = this.localityWaitMs;
    let earliestExpiry = Infinity;
    for (let i = 0; i < this.queue.length; ) {
      const free = [...this.executors.values()].filter((e) => e.running.size < e.backend.slots);
      if (free.length === 0) break;
      const { task, queuedAt } = this.queue[i];
      const placement = this.place(task.preferred, free, now - queuedAt >= this.waitFor(task, wait));
      if (placement) {
        this.queue.splice(i, 1);
        this.launch(task, placement.executor, placement.locality);
      } else {
        earliestExpiry = Math.min(earliestExpiry, queuedAt + this.waitFor(task, wait));
        i++;
      }
    }
    if (earliestExpiry < Infinity && this.queue.length > 0) {
      this.wakeUp = setTimeout(() => this.dispatch(), Math.max(1, earliestExpiry - now));
      this.wakeUp.unref();
    }
  }

  /**
   * Whether a task's end goes to the DAG scheduler. With speculation a partition may run twice: the
   * first success counts; the other copy's end, and a failure while a copy still runs, are dropped.
   */
  private reportable(request: TaskRequest, end: TaskEnd, durationMs: number): boolean {
    if (end.kind === 'success') {
      this.recentDurationsMs = [...this.recentDurationsMs.slice(-49), durationMs];
      return this.speculation.succeeded(request, durationMs);
    }
    return !this.speculation.isDone(request) && !this.speculation.hasCopy(request, this.runningRequests.values());
  }

  /** Another executor, for the second copy of `_2` cached partitions (round-robin over the others). */
  private replicaTarget(executor: ExecutorId): ExecutorId | undefined {
    const others = [...this.executors.keys()].filter((id) => id !== executor);
    if (others.length === 0) return undefined;
    this.replicaCursor = (this.replicaCursor + 1) % others.length;
    return others[this.replicaCursor];
  }

  /** Launches a copy of each straggler on another executor with a free slot. */
  private speculate(): void {
    for (const straggler of this.speculation.stragglers(this.runningRequests.values(), performance.now())) {
      const original = this.running.get(straggler.taskId);
      const free = [...this.executors.values()].find((e) => e.backend.id !== original && e.running.size < e.backend.slots);
      if (!free) continue;
      // Copies get negative task ids, which the DAG scheduler never hands out.
      this.launch({ request: { ...straggler, taskId: -straggler.taskId - 1 }, preferred: { executors: [], nodes: [] } }, free, 'ANY');
    }
  }

  /** The best free executor for a task, or none if it should keep waiting for its data's executor. */
  private place(preferred: Preferences, free: ExecutorState[], waitedEnough: boolean): { executor: ExecutorState; locality: Locality } | undefined {
    const processLocal = free.find((e) => preferred.executors.includes(e.backend.id));
    if (processLocal) return { executor: processLocal, locality: 'PROCESS_LOCAL' };
    const nodeLocal = free.filter((e) => preferred.nodes.includes(e.node)).sort((a, b) => a.running.size - b.running.size)[0];
    if (nodeLocal) return { executor: nodeLocal, locality: 'NODE_LOCAL' };
    const hasPreference = preferred.executors.length > 0 || preferred.nodes.length > 0;
    const preferredAlive = [...this.executors.values()].some((e) => preferred.executors.includes(e.backend.id) || preferred.nodes.includes(e.node));
    if (hasPreference && preferredAlive && !waitedEnough) return undefined;
    const leastLoaded = free.reduce((a, b) => (a.running.size / a.backend.slots <= b.running.size / b.backend.slots ? a : b));
    return { executor: leastLoaded, locality: 'ANY' };
  }

  private launch(task: PendingTask, executor: ExecutorState, locality: Locality): void {
    const { request } = task;
    const broadcasts = request.broadcasts.map(({ id }) => {
      if (executor.broadcasts.has(id)) return { id };
      executor.broadcasts.add(id);
      return { id, bytes: this.broadcastBytes(id) };
    });
    const started = performance.now();
    executor.running.add(request.taskId);
    this.running.set(request.taskId, executor.backend.id);
    this.runningRequests.set(request.taskId, { request, startedAt: started });
    const finish = (end: TaskEnd): void => {
      if (this.running.get(request.taskId) !== executor.backend.id) return;
      this.running.delete(request.taskId);
      this.runningRequests.delete(request.taskId);
      executor.running.delete(request.taskId);
      if (this.reportable(request, end, performance.now() - started)) this.onTaskEnd(request, executor.backend.id, end, locality);
      this.dispatch();
    };
    executor.backend.runTask({ ...request, broadcasts, replicateTo: this.replicaTarget(executor.backend.id) }).then(finish, (error: unknown) =>
      finish({ kind: 'failure', error: { name: 'ExecutorError', message: error instanceof Error ? error.message : String(error), stack: '' } }),
    );
  }
}

/** The node an executor runs on (its datanode id); the local executor is its own node. */
function nodeOf(id: ExecutorId): string {
  try {
    return parseExecutorId(id).nodeId;
  } catch {
    return id;
  }
}
