/**
 * Places tasks on executor slots (one slot per task thread; a task of a stage whose ResourceProfile
 * asks `cpus` takes that many of one executor's slots), with Spark's locality levels:
 *   PROCESS_LOCAL — the executor holds the task's cached input partition;
 *   NODE_LOCAL    — the executor's node stores the DFS block the task reads;
 *   ANY           — anywhere.
 * Delay scheduling: a task with preferences waits for a slot where its data is before it runs
 * elsewhere. A task over a DFS block waits `localityWaitMs`, which adapts to the work: a few times
 * the typical task duration seen so far (short tasks, short wait), within
 * [MIN, MAX]_LOCALITY_WAIT_MS. A task over a cached partition waits Spark's whole locality wait
 * (MAX_LOCALITY_WAIT_MS, spark.locality.wait's 3 s) for a busy holder: run elsewhere, it fetches
 * the whole partition and decodes it there, where its holder's task thread keeps it decoded, which
 * costs several of its tasks (with two tasks per slot an iteration's second task waits about one
 * task duration, so a wait of two durations let any late holder lose its partition; under load
 * that fetch and decode cost 2.7 s against 0.2 s tasks, and then the thread held more partitions
 * than fit).
 * Outcomes go back to the DAG scheduler's event loop; no job state is kept here.
 */
import { parseExecutorId, type ExecutorId, type TaskOutcome, type TaskRequest } from '@flint/worker';
import type { Preferences } from './task-builder.js';
import { SPECULATION_DEFAULTS, SpeculationTracker, type RunningAttempt, type SpeculationOptions } from './speculation.js';
import type { EventSink } from './event-bus.js';
import { taskEndData } from './event-data.js';
import type { ExecutorLossCause, Locality, TaskEnd } from './task-end.js';

export interface ExecutorBackend {
  readonly id: ExecutorId;
  readonly slots: number;
  /** The executor's memory budget for cached blocks and shuffle buffers (Spark's "Storage Memory" total), when known. */
  readonly memoryBytes?: number;
  runTask(request: TaskRequest): Promise<TaskOutcome>;
  /** Stops a running task: its thread is terminated and the task ends as a failure (TaskKilled). */
  killTask?(taskId: number): void;
}

export interface PendingTask {
  readonly request: TaskRequest;
  readonly preferred: Preferences;
  /** A copy of a straggler (Spark's TaskInfo.speculative). */
  readonly speculative?: boolean;
}

/** A straggler's copy as the DAG scheduler makes it (a fresh task id, the partition's next attempt); none if its stage attempt no longer runs. */
export type CopyMaker = (original: TaskRequest) => TaskRequest | undefined;

export type { ExecutorLossCause, Locality, TaskEnd } from './task-end.js';

/** Gives each launched task the broadcast bytes its executor lacks (context/broadcasts.ts). */
export interface BroadcastShipper {
  forExecutor(executor: ExecutorId, used: TaskRequest['broadcasts']): TaskRequest['broadcasts'];
  executorRemoved(executor: ExecutorId): void;
}

/** Gives each launched task the files added with fc.addFile that its executor lacks (context/shipped-files.ts). */
export interface FileShipper {
  forExecutor(executor: ExecutorId): TaskRequest['files'];
  executorRemoved(executor: ExecutorId): void;
}

const MIN_LOCALITY_WAIT_MS = 20;
const MAX_LOCALITY_WAIT_MS = 3_000;

/** How long a task waits for its data's slot: a cached partition the whole of Spark's wait, a DFS block the adaptive `wait`. */
function localityWaitOf(task: PendingTask, wait: number): number {
  return task.preferred.executors.length > 0 ? MAX_LOCALITY_WAIT_MS : wait;
}

interface ExecutorState {
  readonly backend: ExecutorBackend;
  readonly node: string;
  readonly running: Set<number>;
  /** Slots the running tasks take (each its request's cpus). */
  busySlots: number;
}

/** The executor slots a task takes. */
const cpusOf = (request: TaskRequest): number => request.cpus ?? 1;

const freeSlots = (executor: ExecutorState): number => executor.backend.slots - executor.busySlots;

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
    private readonly broadcasts: BroadcastShipper,
    speculation: SpeculationOptions = SPECULATION_DEFAULTS,
    private readonly files?: FileShipper,
    /** Attempts running longer are killed and fail (the `taskTimeoutMs` option); undefined: no limit. */
    private readonly taskTimeoutMs?: number,
    /** Where taskStart and taskEnd events go: every attempt's, also those whose end the DAG scheduler never sees. */
    private readonly events: EventSink = () => undefined,
    /** Makes the copies speculation launches; without it none is launched. */
    private readonly copyOf: CopyMaker = () => undefined,
  ) {
    this.speculation = new SpeculationTracker(speculation);
    if (speculation.enabled) {
      this.speculationTimer = setInterval(() => this.speculate(), speculation.intervalMs);
      this.speculationTimer.unref();
    }
  }

  addExecutor(backend: ExecutorBackend): void {
    this.executors.set(backend.id, { backend, node: nodeOf(backend.id), running: new Set(), busySlots: 0 });
    this.dispatch();
  }

  /** Drops an executor; its running tasks end as lost. */
  removeExecutor(id: ExecutorId, cause?: ExecutorLossCause): void {
    const executor = this.executors.get(id);
    if (!executor) return;
    this.executors.delete(id);
    this.broadcasts.executorRemoved(id);
    this.files?.executorRemoved(id);
    for (const taskId of executor.running) {
      const { request, startedAt } = this.runningRequests.get(taskId)!;
      this.running.delete(taskId);
      this.runningRequests.delete(taskId);
      const end: TaskEnd = { kind: 'executorLost', executor: id, ...cause };
      this.postTaskEnd(request, id, end, performance.now() - startedAt);
      if (!this.speculation.isDone(request) && !this.speculation.hasCopy(request, this.runningRequests.values())) {
        this.onTaskEnd(request, id, end, 'ANY');
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

  /** Forgets the queued tasks of one partition of a stage (its result has arrived from another attempt). */
  dropQueued(stageId: number, partition: number): void {
    this.queue = this.queue.filter(({ task }) => task.request.stageId !== stageId || task.request.partition !== partition);
  }

  /** Drops the queued tasks of these stages and kills their running ones (and speculative copies). */
  killTasks(stageIds: readonly number[]): void {
    const stages = new Set(stageIds);
    this.queue = this.queue.filter(({ task }) => !stages.has(task.request.stageId));
    for (const [taskId, executorId] of this.running) {
      if (stages.has(this.runningRequests.get(taskId)!.request.stageId)) this.executors.get(executorId)?.backend.killTask?.(taskId);
    }
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
   * Offers every free slot the best queued task for it, as Spark's resource offers do: a task
   * whose cached input the executor holds, else one whose block is on its node, else (FIFO) one
   * that may run anywhere. Offering per executor keeps a free executor from taking a task that
   * is about to run locally elsewhere while its own local task waits behind it in the queue.
   */
  private dispatch(): void {
    clearTimeout(this.wakeUp);
    const now = performance.now();
    const wait = this.localityWaitMs;
    this.launchBarrierStages();
    for (const executor of this.executors.values()) {
      while (freeSlots(executor) > 0) {
        const offer = this.bestTaskFor(executor, now, wait);
        if (!offer) break;
        this.queue.splice(offer.index, 1);
        this.launch(offer.task, executor, offer.locality);
      }
    }
    const waiting = this.queue.filter(({ task, queuedAt }) => !this.mayRunAnywhere(task, now - queuedAt, wait));
    if (waiting.length > 0) {
      const earliestExpiry = Math.min(...waiting.map(({ task, queuedAt }) => queuedAt + localityWaitOf(task, wait)));
      this.wakeUp = setTimeout(() => this.dispatch(), Math.max(1, earliestExpiry - now));
      this.wakeUp.unref();
    }
  }

  /** The queued task that `executor` should run next, and at which locality level; none if all should wait. */
  private bestTaskFor(executor: ExecutorState, now: number, wait: number): { index: number; task: PendingTask; locality: Locality } | undefined {
    let nodeLocal = -1;
    let anywhere = -1;
    const free = freeSlots(executor);
    for (let index = 0; index < this.queue.length; index++) {
      const { task, queuedAt } = this.queue[index];
      if (task.request.barrier || cpusOf(task.request) > free) continue;
      if (task.preferred.executors.includes(executor.backend.id)) return { index, task, locality: 'PROCESS_LOCAL' };
      if (nodeLocal < 0 && task.preferred.nodes.includes(executor.node)) nodeLocal = index;
      else if (anywhere < 0 && this.mayRunAnywhere(task, now - queuedAt, wait)) anywhere = index;
    }
    if (nodeLocal >= 0) return { index: nodeLocal, task: this.queue[nodeLocal].task, locality: 'NODE_LOCAL' };
    if (anywhere >= 0) return { index: anywhere, task: this.queue[anywhere].task, locality: 'ANY' };
    return undefined;
  }

  /** The task slots of each executor. */
  get executorSlots(): number[] {
    return [...this.executors.values()].map((executor) => executor.backend.slots);
  }

  /**
   * Launches the queued tasks of a barrier stage attempt all at once, when there are free slots
   * for all of them (Spark launches a barrier stage's tasks together or not at all); until then
   * they wait, and other tasks may use the free slots.
   */
  private launchBarrierStages(): void {
    const groups = new Map<string, Queued[]>();
    for (const queued of this.queue) {
      const { request } = queued.task;
      if (!request.barrier) continue;
      const key = `${request.stageId}:${request.stageAttempt}`;
      groups.set(key, [...(groups.get(key) ?? []), queued]);
    }
    for (const group of groups.values()) {
      const cpus = cpusOf(group[0].task.request);
      const free = [...this.executors.values()].flatMap((e) => Array.from({ length: Math.max(0, Math.floor(freeSlots(e) / cpus)) }, () => e));
      if (group.length < group[0].task.request.barrier!.numTasks || free.length < group.length) continue;
      this.queue = this.queue.filter((queued) => !group.includes(queued));
      group.sort((a, b) => a.task.request.partition - b.task.request.partition);
      const addresses = group.map((_, i) => executorAddress(free[i].backend.id));
      group.forEach(({ task }, i) => this.launch({ ...task, request: { ...task.request, barrier: { ...task.request.barrier!, addresses } } }, free[i], 'ANY'));
    }
  }

  /** Whether a task may run away from its data: it has none, its data's executors and nodes are gone, or it waited long enough. */
  private mayRunAnywhere(task: PendingTask, waitedMs: number, wait: number): boolean {
    const { executors, nodes } = task.preferred;
    if (executors.length === 0 && nodes.length === 0) return true;
    const preferredAlive = [...this.executors.values()].some((e) => executors.includes(e.backend.id) || nodes.includes(e.node));
    return !preferredAlive || waitedMs >= localityWaitOf(task, wait);
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

  /** As Spark: once one attempt of a partition succeeds, the others still running are killed. */
  private killOtherCopies(request: TaskRequest): void {
    for (const { request: other } of this.runningRequests.values()) {
      if (other.taskId === request.taskId || other.stageId !== request.stageId || other.stageAttempt !== request.stageAttempt || other.partition !== request.partition) continue;
      const executorId = this.running.get(other.taskId);
      if (executorId !== undefined) this.executors.get(executorId)?.backend.killTask?.(other.taskId);
    }
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
      // A barrier task must not run twice: its copy would meet the others at barrier() too.
      if (straggler.barrier) continue;
      const original = this.running.get(straggler.taskId);
      const free = [...this.executors.values()].find((e) => e.backend.id !== original && freeSlots(e) >= cpusOf(straggler));
      if (!free) continue;
      const copy = this.copyOf(straggler);
      if (copy) this.launch({ request: copy, preferred: { executors: [], nodes: [] }, speculative: true }, free, 'ANY');
    }
  }

  private launch(task: PendingTask, executor: ExecutorState, locality: Locality): void {
    const { request } = task;
    const broadcasts = this.broadcasts.forExecutor(executor.backend.id, request.broadcasts);
    const files = this.files?.forExecutor(executor.backend.id);
    const started = performance.now();
    executor.running.add(request.taskId);
    executor.busySlots += cpusOf(request);
    this.running.set(request.taskId, executor.backend.id);
    this.runningRequests.set(request.taskId, { request, startedAt: started });
    const timeout = this.startTimeout(request, executor.backend);
    const { taskId, jobId, stageId, stageAttempt, partition, attempt } = request;
    this.events({ type: 'taskStart', taskId, jobId, stageId, stageAttempt, partition, attempt, executorId: executor.backend.id, host: executor.node, locality, speculative: task.speculative === true });
    const finish = (reported: TaskEnd): void => {
      clearTimeout(timeout?.timer);
      if (this.running.get(request.taskId) !== executor.backend.id) return;
      const end = timeout?.fired && reported.kind === 'failure' ? timedOutEnd(request, this.taskTimeoutMs!) : reported;
      this.running.delete(request.taskId);
      this.runningRequests.delete(request.taskId);
      executor.running.delete(request.taskId);
      executor.busySlots -= cpusOf(request);
      const durationMs = performance.now() - started;
      const reportable = this.reportable(request, end, durationMs);
      // An attempt whose partition another attempt already finished ended only because it lost the race.
      this.postTaskEnd(request, executor.backend.id, !reportable && end.kind !== 'success' && this.speculation.isDone(request) ? lostRace(request) : end, durationMs);
      if (reportable) this.onTaskEnd(request, executor.backend.id, end, locality);
      if (reportable && end.kind === 'success') this.killOtherCopies(request);
      this.dispatch();
    };
    executor.backend.runTask({ ...request, broadcasts, files, replicateTo: this.replicaTarget(executor.backend.id) }).then(finish, (error: unknown) =>
      finish({ kind: 'failure', error: { name: 'ExecutorError', message: error instanceof Error ? error.message : String(error), stack: '' } }),
    );
  }

  private postTaskEnd(request: TaskRequest, executorId: ExecutorId, end: TaskEnd, durationMs: number): void {
    const { taskId, jobId, stageId, stageAttempt, partition, attempt } = request;
    this.events({ type: 'taskEnd', taskId, jobId, stageId, stageAttempt, partition, attempt, executorId, durationMs: Math.round(durationMs), ...taskEndData(request, end) });
  }

  /** Kills the attempt when it outlives taskTimeoutMs; `fired` tells its end apart from other kills. */
  private startTimeout(request: TaskRequest, backend: ExecutorBackend): { timer: NodeJS.Timeout; fired: boolean } | undefined {
    if (this.taskTimeoutMs === undefined) return undefined;
    const timeout = {
      fired: false,
      timer: setTimeout(() => {
        timeout.fired = true;
        backend.killTask?.(request.taskId);
      }, this.taskTimeoutMs),
    };
    timeout.timer.unref();
    return timeout;
  }
}

function timedOutEnd(request: TaskRequest, timeoutMs: number): TaskEnd {
  const message = `task ${request.taskId} (partition ${request.partition} of stage ${request.stageId}, attempt ${request.attempt}) ran longer than taskTimeoutMs (${timeoutMs} ms); its thread was terminated`;
  return { kind: 'failure', error: { name: 'TaskTimedOut', message, stack: '' } };
}

function lostRace(request: TaskRequest): TaskEnd {
  return { kind: 'failure', error: { name: 'TaskKilled', message: `another attempt of partition ${request.partition} of stage ${request.stageId} succeeded first`, stack: '' } };
}

/** The node an executor runs on (its datanode id); the local executor is its own node. */
export function nodeOf(id: ExecutorId): string {
  try {
    return parseExecutorId(id).nodeId;
  } catch {
    return id;
  }
}

/** Where an executor listens, `host:port` (BarrierTaskInfo.address); the local executor is `localhost`. */
function executorAddress(id: ExecutorId): string {
  try {
    const { host, port } = parseExecutorId(id);
    return `${host}:${port}`;
  } catch {
    return 'localhost';
  }
}
