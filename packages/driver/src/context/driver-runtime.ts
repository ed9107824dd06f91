/**
 * The services one driver runs, wired together: the backend and its executors, the task and DAG
 * schedulers, the job runner, the listener bus and what listens on it (console progress, job
 * history, status tracker, event log, web UI), broadcasts, accumulators and added files, and the wait for
 * workers. FlintContext, the user's API, is built on one; this file says how the pieces are
 * connected and in which order they start and stop.
 */
import { SparkFiles, type ExecutionMode } from '@flint/rdd';
import { DagScheduler } from '../scheduler/dag-scheduler.js';
import { TaskScheduler, nodeOf } from '../scheduler/task-scheduler.js';
import { EventBus } from '../scheduler/event-bus.js';
import type { EventBody } from '../scheduler/events.js';
import { BarrierCoordinator } from '../scheduler/barrier-coordinator.js';
import { ConsoleProgress } from '../console/console-progress.js';
import { EventLogWriter } from '../event-log/event-log-writer.js';
import { openLogFile } from '../event-log/log-files.js';
import type { Backend } from '../backend/backend.js';
import type { LocalCluster } from '../backend/local-cluster.js';
import { DEFAULT_UI_PORT, startDriverUi, type DriverUi } from '../ui/driver-ui.js';
import { SPARK_RETENTION } from '../ui/status/status-retention.js';
import { DEFAULT_MAX_RESULT_SIZE, speculationOptions, type FlintContextOptions } from './context-options.js';
import { JobHistory } from './job-history.js';
import { StatusTracker } from './status-tracker.js';
import { Broadcasts } from './broadcasts.js';
import { Accumulators } from './accumulators.js';
import { ShippedFiles } from './shipped-files.js';
import { JobRunner } from './job-runner.js';
import type { LocalProperties } from './local-properties.js';
import { RddProfiles } from './rdd-profiles.js';
import { DEFAULT_WORKER_WAIT_MS, WorkerWait } from './worker-wait.js';
import type { DriverLog } from './driver-log.js';
import { withOwnNamenode } from './dfs-paths.js';
import { whenSqlLoads } from '../sql/load-sql.js';

export interface DriverRuntimeSettings {
  readonly appId: string;
  readonly mode: ExecutionMode;
  readonly maxFailures: number;
  readonly options: FlintContextOptions;
  readonly backend: Backend;
  /** The processes of a `local-cluster` master, stopped with the driver. */
  readonly localCluster: LocalCluster | undefined;
  readonly driverLog: DriverLog;
  /** The context's local properties, which every job takes as it is submitted. */
  readonly localProperties: LocalProperties;
}

export class DriverRuntime {
  readonly backend: Backend;
  /** The scheduler's events as plain data, delivered asynchronously (fc.addListener). */
  readonly events: EventBus;
  readonly dag: DagScheduler;
  readonly tasks: TaskScheduler;
  readonly jobs: JobRunner;
  readonly history = new JobHistory();
  readonly status = new StatusTracker();
  readonly broadcasts: Broadcasts;
  readonly accumulators = new Accumulators();
  readonly files: ShippedFiles;
  /** Task CPU profiles per RDD, when the `profile` option is on. */
  readonly profiles: RddProfiles | undefined;
  private readonly console: ConsoleProgress;
  private readonly barriers = new BarrierCoordinator();
  private readonly workerWait: WorkerWait;
  private eventLog: EventLogWriter | undefined;
  private driverUi: DriverUi | undefined;
  private unwatchSql = () => {};

  constructor(private readonly settings: DriverRuntimeSettings) {
    const { appId, mode, maxFailures, options, backend, driverLog } = settings;
    this.backend = backend;
    this.events = new EventBus((line) => driverLog.warn(line));
    this.profiles = options.profile ? new RddProfiles() : undefined;
    this.broadcasts = new Broadcasts((id) => backend.forgetBroadcast(appId, id));
    this.files = new ShippedFiles(appId, backend.namenode, (line) => driverLog.warn(`[flint] ${line}`));
    SparkFiles.setRootDirectory(this.files.rootDirectory);
    this.tasks = new TaskScheduler(
      (request, executor, end, locality) => this.dag.post({ type: 'taskEnded', request, executor, end, locality }),
      this.broadcasts,
      speculationOptions(options.speculation),
      this.files,
      options.taskTimeoutMs,
      (event) => this.events.post(event),
      (original) => this.dag.speculativeCopy(original),
    );
    this.dag = new DagScheduler(this.tasks, {
      appId,
      maxFailures,
      maxResultSize: options.maxResultSize ?? DEFAULT_MAX_RESULT_SIZE,
      autoDrain: true,
      applyAccumulators: (updates, custom) => this.accumulators.apply(updates, custom),
      events: (event) => this.events.post(event),
      shuffleOnDisk: mode === 'mapreduce',
      executorSlots: () => this.tasks.executorSlots,
      taskProfiled: this.profiles && ((rddId, profile) => this.profiles!.add(rddId, profile)),
      executorEnv: options.executorEnv,
    });
    this.console = new ConsoleProgress((line) => driverLog.warn(line), options.progress !== false && process.stderr.isTTY ? stderrTerminal : undefined);
    this.events.add(this.console.onEvent);
    this.events.add(this.history.onEvent);
    this.events.add(this.status.onEvent);
    this.jobs = new JobRunner(this.dag, backend, appId, mode, settings.localProperties);
    this.workerWait = new WorkerWait({
      namenode: backend.namenode,
      waitMs: options.workerWaitMs ?? DEFAULT_WORKER_WAIT_MS,
      hasJobs: () => this.dag.state().jobs > 0,
      failJobs: (error) => this.dag.post({ type: 'jobsAborted', error }),
      log: (line) => driverLog.warn(line),
    });
    this.events.add((event) => event.type === 'jobStart' && this.workerWait.jobStarted());
  }

  /** The URL of the driver's web UI, once started (not with `ui: false`). */
  get uiUrl(): string | undefined {
    return this.driverUi?.url;
  }

  /**
   * Starts the driver's side in order: the event log (subscribed before the first event), the
   * application's start event, the web UI, then the executors. If the event log cannot be opened,
   * the runtime is stopped; if the executors cannot be reached, the UI is closed.
   */
  async start(applicationStart: EventBody<'applicationStart'>): Promise<void> {
    try {
      await this.openEventLog();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.events.post(applicationStart);
    await this.startUi();
    try {
      await this.connectExecutors();
    } catch (error) {
      await this.driverUi?.close();
      throw error;
    }
    // The SQL layer's task functions and its generated code's globals (the `sql` runtime namespace).
    this.unwatchSql = whenSqlLoads(() => this.backend.prepareRuntimes?.(['sql']));
  }

  /** Stops every service, the application's end event going out before its executors go. */
  async stop(): Promise<void> {
    this.unwatchSql();
    this.jobs.refuseJobs();
    await this.driverUi?.close();
    this.workerWait.stop();
    this.tasks.stop();
    // The application ends before its executors go: their loss is no news, and a log on the
    // local cluster's own DFS must be finished while the DFS runs.
    this.events.post({ type: 'applicationEnd', appId: this.settings.appId });
    this.events.close();
    this.console.stop();
    await this.eventLog?.finish();
    await this.backend.stop();
    await this.settings.localCluster?.stop();
    this.jobs.deleteStoredOutputs();
    this.files.removeDirectory();
  }

  /** Subscribes the event log writer, if asked for, before the first event. */
  private async openEventLog(): Promise<void> {
    const dir = this.settings.options.eventLog;
    if (typeof dir !== 'string') return;
    const file = await openLogFile(dir.startsWith('dfs://') ? withOwnNamenode(dir, this.backend.namenode) : dir, this.settings.appId);
    this.eventLog = new EventLogWriter(file, (line) => this.settings.driverLog.warn(line));
    this.events.add(this.eventLog.onEvent);
  }

  private async startUi(): Promise<void> {
    const { options, driverLog } = this.settings;
    if (options.ui === false) return;
    const retention = { jobs: options.uiRetainedJobs ?? SPARK_RETENTION.jobs, stages: options.uiRetainedStages ?? SPARK_RETENTION.stages, tasks: options.uiRetainedTasks ?? SPARK_RETENTION.tasks };
    this.driverUi = await startDriverUi(options.uiPort ?? DEFAULT_UI_PORT, (listener) => this.events.add(listener), (line) => driverLog.warn(line), retention);
    driverLog.warn(`Flint driver UI available at ${this.driverUi.url}`);
  }

  /** Connects the scheduler to the backend's executors. */
  private async connectExecutors(): Promise<void> {
    await this.backend.start({
      executorAdded: (executor) => {
        this.events.post({ type: 'executorAdded', executorId: executor.id, host: nodeOf(executor.id), slots: executor.slots, memoryBytes: executor.memoryBytes });
        this.tasks.addExecutor(executor);
        this.workerWait.executorAdded(executor.id);
      },
      executorLost: (id, reason, exitCausedByApp) => {
        // The DAG scheduler forgets the executor's outputs before its tasks' ends are handled.
        this.dag.post({ type: 'executorLost', executor: id, reason });
        this.tasks.removeExecutor(id, { reason, exitCausedByApp });
        this.workerWait.executorLost(id);
      },
      barrierSync: (request) => this.barriers.sync(request),
    });
  }
}

const stderrTerminal = {
  write: (text: string) => process.stderr.write(text),
  columns: () => process.stderr.columns || Number(process.env.COLUMNS) || 80,
};
