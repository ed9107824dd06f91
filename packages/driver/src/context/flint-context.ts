/**
 * FlintContext: the entry point of a Flint program. It starts the schedulers on a backend, creates
 * RDDs from data and files, and makes broadcasts (broadcasts.ts) and accumulators; the jobs that
 * actions start run through its JobRunner (job-runner.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Accumulator, Broadcast, RDD, SparkFiles, decode, refuseConverters, toFnRef, type AccumulatorParam, type HadoopConf, type ExecutionMode, type JobOptions, type PartitionOutput, type RddContext } from '@flint/rdd';
import { parseMaster } from './master-url.js';
import { WORKER_EXECUTOR_MEMORY } from '@flint/worker';
import type { DataFrame, DataFrameInput, DataFrameReader, DataType, SqlSession, StructType } from '@flint/sql';
import { sqlSession } from './sql-entry.js';
import { localTextSplits } from './text-input.js';
import { JobHistory, type JobSummary } from './job-history.js';
import { DagScheduler } from '../scheduler/dag-scheduler.js';
import { TaskScheduler, nodeOf } from '../scheduler/task-scheduler.js';
import type { ActiveJob } from '../scheduler/job.js';
import { EventBus } from '../scheduler/event-bus.js';
import type { SchedulerEventListener } from '../scheduler/events.js';
import { effectiveConf } from './effective-conf.js';
import { ConsoleProgress } from '../console/console-progress.js';
import { EventLogWriter } from '../event-log/event-log-writer.js';
import { openLogFile } from '../event-log/log-files.js';
import { SPECULATION_DEFAULTS, type SpeculationOptions } from '../scheduler/speculation.js';
import { localBackend } from '../backend/local-backend.js';
import { clusterBackend } from '../backend/cluster-backend.js';
import { LocalCluster } from '../backend/local-cluster.js';
import type { Backend } from '../backend/backend.js';
import { dfsTextSplits } from './dfs-text-input.js';
import { wholeFileSplits } from './whole-files.js';
import { FLINT_VERSION, sparkUser } from './application-info.js';
import { JOB_DESCRIPTION, LocalProperties } from './local-properties.js';
import { CANCEL_ALL, cancelGroup, cancelTag } from './job-cancellation.js';
import { StatusTracker } from './status-tracker.js';
import { BarrierCoordinator } from '../scheduler/barrier-coordinator.js';
import { Broadcasts } from './broadcasts.js';
import { JobRunner } from './job-runner.js';
import { setSystemProperty, withSubmittedOptions } from './submitted-options.js';
import { RddProfiles } from './rdd-profiles.js';
import { DEFAULT_WORKER_WAIT_MS, WorkerWait } from './worker-wait.js';
import { DriverLog } from './driver-log.js';
import { FlintConf } from './flint-conf.js';
import { fixedLengthSplits, hadoopInputSplits, inputPathFromConf, objectFileSplits, type SplitSizing } from './record-files.js';
import { ShippedFiles } from './shipped-files.js';
import { withOwnNamenode } from './dfs-paths.js';
import { DEFAULT_UI_PORT, startDriverUi, type DriverUi } from '../ui/driver-ui.js';

export interface FlintContextOptions {
  /** `local[*]` by default, or the FLINT_MASTER environment variable (all options: or `flint submit`'s). */
  readonly master?: string;
  readonly appName?: string;
  /** Attempts per task before its job fails; default 4 (or F from `local[N,F]`). */
  readonly maxFailures?: number;
  /** Bytes of cached partitions and shuffle buckets each executor keeps in memory; default 512 MiB. */
  readonly executorMemory?: number;
  /** Speculative execution of stragglers (Spark's rule); off by default. */
  readonly speculation?: boolean | Partial<SpeculationOptions>;
  /**
   * Ends a task attempt that runs longer than this (its thread is terminated; the attempt fails
   * and is retried per maxFailures). Off by default, as in Spark.
   */
  readonly taskTimeoutMs?: number;
  /** Spark's spark.driver.maxResultSize: the bytes of task results one action may bring back; default 1 GiB, 0 for no limit. */
  readonly maxResultSize?: number;
  /** Heap limit of each task thread, in bytes (local and local-cluster); default: executorMemory / threads, within 256-768 MiB. */
  readonly threadHeap?: number;
  /** How long jobs wait for a worker to register when no executor is left before they fail; default 30 s. */
  readonly workerWaitMs?: number;
  /**
   * `memory` (Spark, the default, or FLINT_MODE): shuffle data in memory, cache() keeps partitions.
   * `mapreduce` (Hadoop MapReduce): shuffles go through local disk, every job's output is written
   * to storage and read back by the next job, and cache()/persist() have no effect.
   */
  readonly mode?: ExecutionMode;
  /** The driver's web UI (jobs, stages, tasks, executors; Spark's :4040); on by default. `flint.ui.enabled=false` with flint submit. */
  readonly ui?: boolean;
  /** The UI's port: 4040 by default, else the next free one; 0 for any free port. */
  readonly uiPort?: number;
  /**
   * The console progress bar on stderr while stages run (only when stderr is a terminal); default
   * true. `flint submit --quiet` turns it off. Notices of lost executors, fetch failures and
   * resubmitted stages are written either way (as WARN lines: setLogLevel('ERROR') silences them).
   */
  readonly progress?: boolean;
  /**
   * A directory (local, or dfs://) to write the application's event log in, as Spark's
   * spark.eventLog.dir: every scheduler event as JSON lines, in `APP_ID.inprogress`, renamed to
   * `APP_ID` when the context stops (`flint history DIR` serves them). Off by default.
   */
  readonly eventLog?: string;
  /**
   * PySpark's spark.python.profile: a V8 CPU profile of every task, kept per RDD for
   * fc.showProfiles() and fc.dumpProfiles(dir). Off by default (profiling slows tasks).
   */
  readonly profile?: boolean;
  /** PySpark's spark.python.profile.dump: with `profile`, stop() writes the profiles into this directory instead of printing them. */
  readonly profileDump?: string;
  /**
   * Environment variables of the tasks (PySpark's SparkContext `environment`, Spark's
   * spark.executorEnv.NAME): set in `process.env` on every task thread, not in the driver's.
   */
  readonly executorEnv?: Readonly<Record<string, string>>;
}

const DEFAULT_MAX_FAILURES = 4;
const DEFAULT_EXECUTOR_MEMORY = 512 * 1024 * 1024;
const DEFAULT_MAX_RESULT_SIZE = 1024 * 1024 * 1024;

export class FlintContext implements RddContext {
  /** The contexts not stopped yet, oldest first (a process may run several, unlike Spark). */
  private static readonly running: FlintContext[] = [];
  readonly appName: string;
  readonly master: string;
  private nextRddId = 0;
  private nextShuffleId = 0;
  private nextAccumulatorId = 0;
  private stopped = false;
  readonly mode: ExecutionMode;
  /** Unique per context: workers keep this application's blocks and broadcasts apart from other drivers'. */
  readonly appId: string;
  /** When the context was created, in milliseconds since the epoch (PySpark's `sc.startTime`). */
  readonly startTime = Date.now();
  private readonly logged = new Set<string>();
  private readonly driverLog = new DriverLog();
  /** The options as given (in the program or by `flint submit`), for getConf(). */
  private readonly givenOptions: Readonly<Record<string, unknown>>;
  private readonly history = new JobHistory();
  /** The scheduler's events as plain data, delivered asynchronously (fc.addListener). */
  private readonly events = new EventBus((line) => this.driverLog.warn(line));
  private readonly console: ConsoleProgress;
  private eventLog: EventLogWriter | undefined;
  private readonly broadcasts: Broadcasts;
  private readonly files: ShippedFiles;
  private readonly accumulators = new Map<number, Accumulator<unknown>>();
  private readonly dag: DagScheduler;
  private readonly tasks: TaskScheduler;
  private readonly jobs: JobRunner;
  private readonly localProperties = new LocalProperties();
  private readonly status = new StatusTracker();
  private readonly barriers = new BarrierCoordinator();
  private readonly workerWait: WorkerWait;
  private driverUi: DriverUi | undefined;
  private readonly profiles: RddProfiles | undefined;

  private constructor(
    options: FlintContextOptions,
    /** The options as the program gave them, before `flint submit`'s and the environment's. */
    private readonly programOptions: FlintContextOptions,
    master: string,
    private readonly maxFailures: number,
    private readonly backend: Backend,
    /** The processes of a `local-cluster` master, for tests and demos that kill workers. */
    readonly localCluster: LocalCluster | undefined,
  ) {
    this.appName = options.appName ?? 'flint';
    this.master = master;
    this.mode = executionMode(options.mode ?? process.env.FLINT_MODE);
    this.appId = `${this.appName.replace(/[^A-Za-z0-9-]/g, '-')}-${randomBytes(6).toString('hex')}`;
    this.givenOptions = { ...options, master, appName: this.appName, mode: this.mode };
    this.profiles = options.profile ? new RddProfiles() : undefined;
    this.broadcasts = new Broadcasts((id) => backend.forgetBroadcast(this.appId, id));
    this.files = new ShippedFiles(this.appId, backend.namenode, (line) => this.driverLog.warn(`[flint] ${line}`));
    SparkFiles.setRootDirectory(this.files.rootDirectory);
    this.tasks = new TaskScheduler(
      (request, executor, end, locality) => this.dag.post({ type: 'taskEnded', request, executor, end, locality }),
      this.broadcasts,
      speculationOptions(options.speculation),
      this.files,
      options.taskTimeoutMs,
      (event) => this.events.post(event),
    );
    this.dag = new DagScheduler(this.tasks, {
      appId: this.appId,
      maxFailures,
      maxResultSize: options.maxResultSize ?? DEFAULT_MAX_RESULT_SIZE,
      autoDrain: true,
      applyAccumulators: (updates, custom) => this.applyAccumulators(updates, custom),
      events: (event) => this.events.post(event),
      shuffleOnDisk: this.mode === 'mapreduce',
      executorSlots: () => this.tasks.executorSlots,
      taskProfiled: this.profiles && ((rddId, profile) => this.profiles!.add(rddId, profile)),
      executorEnv: options.executorEnv,
    });
    this.console = new ConsoleProgress((line) => this.driverLog.warn(line), options.progress !== false && process.stderr.isTTY ? stderrTerminal : undefined);
    this.events.add(this.console.onEvent);
    this.events.add(this.history.onEvent);
    this.events.add(this.status.onEvent);
    this.jobs = new JobRunner(this.dag, backend, this.appId, this.mode, this.localProperties);
    this.workerWait = new WorkerWait({
      namenode: backend.namenode,
      waitMs: options.workerWaitMs ?? DEFAULT_WORKER_WAIT_MS,
      hasJobs: () => this.dag.state().jobs > 0,
      failJobs: (error) => this.dag.post({ type: 'jobsAborted', error }),
      log: (line) => this.driverLog.warn(line),
    });
    this.events.add((event) => event.type === 'jobStart' && this.workerWait.jobStarted());
  }

  /** Connects the scheduler to the backend's executors; done once, by create(). */
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

  static async create(programOptions: FlintContextOptions = {}): Promise<FlintContext> {
    const options = withSubmittedOptions(programOptions);
    const master = options.master ?? process.env.FLINT_MASTER ?? 'local[*]';
    const parsed = parseMaster(master);
    const maxFailures = options.maxFailures ?? (parsed.kind === 'local' ? parsed.maxFailures : undefined) ?? DEFAULT_MAX_FAILURES;
    switch (parsed.kind) {
      case 'local':
        return FlintContext.started(new FlintContext(options, programOptions, master, maxFailures, localBackend(parsed.threads, options.executorMemory ?? DEFAULT_EXECUTOR_MEMORY, options.threadHeap), undefined));
      case 'cluster':
        return FlintContext.started(new FlintContext(options, programOptions, master, maxFailures, await clusterBackend(`${parsed.host}:${parsed.port}`), undefined));
      case 'local-cluster': {
        const cluster = await LocalCluster.start(parsed.workers, parsed.threadsPerWorker, options.executorMemory, options.threadHeap);
        try {
          const backend = await clusterBackend(cluster.namenode, { minExecutors: parsed.workers });
          const context = await FlintContext.started(new FlintContext(options, programOptions, master, maxFailures, backend, cluster));
          context.driverLog.warn(`[flint] cluster UI (namenode) at ${cluster.uiUrl}`);
          return context;
        } catch (error) {
          await cluster.stop();
          throw error;
        }
      }
    }
  }

  private static async started(context: FlintContext): Promise<FlintContext> {
    try {
      await context.openEventLog();
    } catch (error) {
      await context.stop();
      throw error;
    }
    context.postApplicationStart();
    await context.startUi();
    try {
      await context.connectExecutors();
    } catch (error) {
      await context.driverUi?.close();
      throw error;
    }
    FlintContext.running.push(context);
    return context;
  }

  private async startUi(): Promise<void> {
    if (this.givenOptions.ui === false) return;
    const port = (this.givenOptions.uiPort as number | undefined) ?? DEFAULT_UI_PORT;
    this.driverUi = await startDriverUi(port, (listener) => this.events.add(listener), (line) => this.driverLog.warn(line));
    this.driverLog.warn(`Flint driver UI available at ${this.driverUi.url}`);
  }

  /** The context created last and not stopped yet, else a new one with `options` (PySpark's SparkContext.getOrCreate). */
  static async getOrCreate(options: FlintContextOptions = {}): Promise<FlintContext> {
    return FlintContext.running.at(-1) ?? FlintContext.create(options);
  }

  /** The namenode of the cluster this context runs on (undefined in local mode). */
  get namenode(): string | undefined {
    return this.backend.namenode;
  }

  /** Task slots when the context started: the default number of partitions of parallelize and range. */
  get defaultParallelism(): number {
    return this.backend.defaultParallelism;
  }

  /** The default minimum number of partitions of file inputs: min(defaultParallelism, 2). */
  get defaultMinPartitions(): number {
    return Math.min(this.defaultParallelism, 2);
  }

  /** PySpark's `sc.applicationId`: unique per context. */
  get applicationId(): string {
    return this.appId;
  }

  /** The version of Flint running this context. */
  get version(): string {
    return FLINT_VERSION;
  }

  /** The URL of the driver's web UI, or null when it is off (`ui: false`), as PySpark's. */
  get uiWebUrl(): string | null {
    return this.driverUi?.url ?? null;
  }

  /** Resources (GPUs, ...) assigned to the driver, by name (PySpark's `sc.resources`): Flint assigns none. */
  get resources(): Map<string, never> {
    return new Map<string, never>();
  }

  /** The user running this program (SPARK_USER if set, as in Spark). */
  sparkUser(): string {
    return sparkUser();
  }

  get checkpointDir(): string | undefined {
    return this.jobs.checkpointDir;
  }

  /** Where checkpoint() writes, or null before setCheckpointDir (PySpark's getCheckpointDir). */
  getCheckpointDir(): string | null {
    return this.jobs.checkpointDir ?? null;
  }

  /** Every job run so far, with its stages (run or skipped), task counts and timings. */
  get jobHistory(): readonly JobSummary[] {
    return this.history.jobs;
  }

  /**
   * Subscribes to the scheduler's events (events.ts: application, jobs, stages, tasks, executors,
   * blocks, fetch failures) as plain data, delivered asynchronously; returns an unsubscribe
   * function. A listener joining late first gets the application's start and its live executors.
   */
  addListener(listener: SchedulerEventListener): () => void {
    return this.events.add(listener);
  }

  /** Subscribes the event log writer, if asked for, before the first event. */
  private async openEventLog(): Promise<void> {
    const dir = this.givenOptions.eventLog;
    if (typeof dir !== 'string') return;
    const file = await openLogFile(dir.startsWith('dfs://') ? withOwnNamenode(dir, this.namenode) : dir, this.appId);
    this.eventLog = new EventLogWriter(file, (line) => this.driverLog.warn(line));
    this.events.add(this.eventLog.onEvent);
  }

  /**
   * The executors' memory budget as the Environment page shows it: the option, else the default of
   * whoever starts the executors (local-cluster's workers have their own); none for flint://, where
   * each worker was started with its own --executor-memory (the Executors page shows it).
   */
  private executorMemoryInEffect(): unknown {
    if (this.givenOptions.executorMemory !== undefined) return this.givenOptions.executorMemory;
    const kind = parseMaster(this.master).kind;
    return kind === 'local' ? DEFAULT_EXECUTOR_MEMORY : kind === 'local-cluster' ? WORKER_EXECUTOR_MEMORY : undefined;
  }

  private postApplicationStart(): void {
    const { master, appName, mode, appId, startTime } = this;
    const conf = effectiveConf({ ...this.givenOptions, maxFailures: this.maxFailures, executorMemory: this.executorMemoryInEffect() }, this.programOptions);
    this.events.post({ type: 'applicationStart', appId, appName, master, mode, user: sparkUser(), startTime, flintVersion: FLINT_VERSION, conf });
  }

  newRddId(): number {
    return this.nextRddId++;
  }

  newShuffleId(): number {
    return this.nextShuffleId++;
  }

  // ---- creating RDDs ------------------------------------------------------------------------

  /** Slices data as Spark does: slice i holds elements [floor(i*n/k), floor((i+1)*n/k)). */
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    requireSlices(numSlices, 'parallelize');
    const items = Array.from(data);
    const n = items.length;
    const slices = Array.from({ length: numSlices }, (_, i) => items.slice(Math.floor((i * n) / numSlices), Math.floor(((i + 1) * n) / numSlices)));
    return new RDD<T>(this, { kind: 'parallelize', slices });
  }

  /** Numbers from start (inclusive) to end (exclusive) by step; `range(n)` is 0..n-1. */
  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    const [from, to] = end === undefined ? [0, start] : [start, end];
    if (step === 0) throw new RangeError('range: step cannot be 0');
    requireSlices(numSlices, 'range');
    return new RDD<number>(this, { kind: 'range', start: from, end: to, step, numSlices });
  }

  /** Lines of a local text file, a directory of files, or a glob; split by size with Hadoop's line rule. */
  textFile(path: string, minPartitions: number = this.defaultMinPartitions): RDD<string> {
    const splits = path.startsWith('dfs://') ? dfsTextSplits(path, this.backend.namenode, minPartitions) : localTextSplits(path, minPartitions, this.defaultParallelism);
    return new RDD<string>(this, { kind: 'textFile', splits });
  }

  /** `[path, content]` per file of a directory, file or glob; the path as Hadoop names it (`file:/...`, `dfs://...`). */
  wholeTextFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, string]> {
    return this.wholeFiles<[string, string]>(path, minPartitions, 'wholeText', 'wholeTextFiles');
  }

  /** `[path, bytes]` per file, as wholeTextFiles but with the content as a Uint8Array. */
  binaryFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, Uint8Array]> {
    return this.wholeFiles<[string, Uint8Array]>(path, minPartitions, 'wholeBinary', 'binaryFiles');
  }

  private wholeFiles<T>(path: string, minPartitions: number, format: 'wholeText' | 'wholeBinary', operation: string): RDD<T> {
    requireSlices(minPartitions, operation);
    const splits = wholeFileSplits(path, this.backend.namenode, format);
    const files = new RDD<T>(this, { kind: 'textFile', splits });
    return splits.length > minPartitions ? files.coalesce(minPartitions) : files;
  }

  /** Records of `recordLength` bytes each, as Uint8Arrays (PySpark's binaryRecords); every file must hold whole records. */
  binaryRecords(path: string, recordLength: number): RDD<Uint8Array> {
    const splits = fixedLengthSplits(path, recordLength, this.splitSizing(this.defaultMinPartitions));
    return new RDD<Uint8Array>(this, { kind: 'textFile', splits });
  }

  /** The records `rdd.saveAsPickleFile` saved: Flint's object files (msgpack batches, not Python pickle). */
  pickleFile<T = unknown>(path: string, minPartitions: number = this.defaultMinPartitions): RDD<T> {
    requireSlices(minPartitions, 'pickleFile');
    return new RDD<T>(this, { kind: 'textFile', splits: objectFileSplits(path, this.splitSizing(minPartitions)) });
  }

  /** [key, value] pairs of Hadoop SequenceFiles (Writables as JS values: Text a string, IntWritable a number, BytesWritable bytes, ...). */
  sequenceFile<K = unknown, V = unknown>(path: string, keyClass?: string, valueClass?: string, keyConverter?: string, valueConverter?: string, minSplits: number = this.defaultMinPartitions): RDD<[K, V]> {
    return this.hadoopInput('sequenceFile', path, 'org.apache.hadoop.mapred.SequenceFileInputFormat', [keyConverter, valueConverter], minSplits);
  }

  /** [key, value] pairs through a Hadoop input format: SequenceFileInputFormat, or TextInputFormat ([byte offset, line]). */
  hadoopFile<K = unknown, V = unknown>(path: string, inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('hadoopFile', path, inputFormatClass, [keyConverter, valueConverter]);
  }

  newAPIHadoopFile<K = unknown, V = unknown>(path: string, inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('newAPIHadoopFile', path, inputFormatClass, [keyConverter, valueConverter]);
  }

  /** As hadoopFile, with the input directory from a Hadoop job conf (mapreduce.input.fileinputformat.inputdir). */
  hadoopRDD<K = unknown, V = unknown>(inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('hadoopRDD', inputPathFromConf(conf, 'hadoopRDD'), inputFormatClass, [keyConverter, valueConverter]);
  }

  newAPIHadoopRDD<K = unknown, V = unknown>(inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('newAPIHadoopRDD', inputPathFromConf(conf, 'newAPIHadoopRDD'), inputFormatClass, [keyConverter, valueConverter]);
  }

  private hadoopInput<T>(operation: string, path: string, inputFormatClass: string, converters: unknown[], minSplits = this.defaultMinPartitions): RDD<T> {
    refuseConverters(operation, ...converters);
    requireSlices(minSplits, operation);
    return new RDD<T>(this, { kind: 'textFile', splits: hadoopInputSplits(path, inputFormatClass, this.splitSizing(minSplits), operation) });
  }

  private splitSizing(minPartitions: number): SplitSizing {
    return { namenode: this.backend.namenode, minPartitions, taskSlots: this.defaultParallelism };
  }

  union<T>(rdds: RDD<T>[]): RDD<T> {
    if (rdds.length === 0) return this.emptyRDD<T>();
    return rdds.length === 1 ? rdds[0] : rdds[0].union(rdds[1]).union(this.union(rdds.slice(2)));
  }

  emptyRDD<T>(): RDD<T> {
    return new RDD<T>(this, { kind: 'empty' });
  }

  // ---- shared variables ----------------------------------------------------------------------

  /** A read-only value sent to each worker once; use `.value` inside tasks (pass it with capture). */
  // ---- DataFrames and SQL (the session lives in sql-entry.ts) --------------------------------

  get read(): DataFrameReader {
    return sqlSession(this).read;
  }
  sql(text: string): DataFrame {
    return sqlSession(this).sql(text);
  }
  createDataFrame(data: DataFrameInput, schema?: StructType | DataType | string | readonly string[]): DataFrame {
    return sqlSession(this).createDataFrame(data, schema);
  }
  table(name: string): DataFrame {
    return sqlSession(this).table(name);
  }
  get catalog(): SqlSession['catalog'] {
    return sqlSession(this).catalog;
  }
  /** SQL configuration (`spark.sql.shuffle.partitions`, `flint.sql.session.timeZone`, ...). */
  get conf(): SqlSession['conf'] {
    return sqlSession(this).conf;
  }

  broadcast<T>(value: T): Broadcast<T> {
    return this.broadcasts.create(value);
  }

  /**
   * Sends a file (or, with `recursive`, a directory), local or `dfs://`, to every executor, once
   * each: tasks find it at `SparkFiles.get(name)` (the name is the path's last part), the driver too.
   */
  addFile(path: string, recursive = false): void {
    this.files.addFile(path, recursive);
  }

  /** The paths added with addFile, as `file:` (or `dfs://`) URIs. */
  get listFiles(): string[] {
    return this.files.list('file');
  }

  /**
   * Sends an archive (`.zip`, `.jar`, `.tar`, `.tar.gz`, `.tgz`; local or `dfs://`) to every
   * executor, once each, unpacked into the directory `SparkFiles.get(name)`: the archive's file
   * name, or the fragment of `path#name`. The driver unpacks its own copy too.
   */
  addArchive(path: string): void {
    this.files.addArchive(path);
  }

  /** The paths added with addArchive, as URIs. */
  get listArchives(): string[] {
    return this.files.list('archive');
  }

  /**
   * A value tasks add to with `.add(v)`; only the driver reads `.value`. Numbers are summed; any
   * other value needs an AccumulatorParam (`{ zero(value), addInPlace(value1, value2) }`), as in PySpark.
   */
  accumulator(initialValue?: number): Accumulator;
  accumulator<T>(initialValue: T, param: AccumulatorParam<T>): Accumulator<T>;
  accumulator<T>(initialValue: T | number = 0, param?: AccumulatorParam<T>): Accumulator<T> | Accumulator {
    const id = this.nextAccumulatorId++;
    let accumulator: Accumulator<unknown>;
    if (param === undefined) {
      if (typeof initialValue !== 'number') throw new TypeError(`No default accumulator param for type ${initialValue === null ? 'null' : Array.isArray(initialValue) ? 'array' : typeof initialValue}: pass an AccumulatorParam ({ zero(value), addInPlace(value1, value2) })`);
      accumulator = new Accumulator<unknown>(id, initialValue, true);
    } else {
      const addInPlace = toFnRef(param.addInPlace, 'accumulator (AccumulatorParam.addInPlace)');
      if (typeof param.zero !== 'function') throw new TypeError('accumulator: the AccumulatorParam has no zero(value) method');
      const merge = (a: unknown, b: unknown) => param.addInPlace(a as T, b as T);
      accumulator = new Accumulator<unknown>(id, initialValue, true, merge, { param: param as AccumulatorParam<unknown>, addInPlace });
    }
    this.accumulators.set(id, accumulator);
    return accumulator as Accumulator<T>;
  }


  /** A local directory, or a `dfs://` one on a cluster (`dfs:///path` is the context's own namenode). */
  setCheckpointDir(dir: string): void {
    if (dir.startsWith('dfs://')) {
      this.jobs.checkpointDir = withOwnNamenode(dir, this.backend.namenode);
      return;
    }
    this.jobs.checkpointDir = resolve(dir);
    mkdirSync(this.jobs.checkpointDir, { recursive: true });
  }

  /** Says something to the user once (e.g. that cache() does nothing in mapreduce mode). */
  log(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.driverLog.warn(`[flint] ${message}`);
  }

  /** Which driver log lines reach stderr: ALL, TRACE, DEBUG, INFO, WARN (the default), ERROR, FATAL or OFF. */
  setLogLevel(logLevel: string): void {
    this.driverLog.setLevel(logLevel);
  }

  /** A copy of the context's options (PySpark's `sc.getConf()`), including those `flint submit` gave. */
  getConf(): FlintConf {
    return new FlintConf(this.givenOptions);
  }

  /** What is cached now: for each persisted RDD, its partitions, their bytes and which executors hold them. */
  getPersistentRDDs(): PersistedRddInfo[] {
    return this.dag.cache.report().map((entry) => ({ ...entry, rdd: this.jobs.persistedRdd(entry.rddId) }));
  }

  // ---- jobs ----------------------------------------------------------------------------------

  /** @internal Runs one job for an action; resolves with each partition's records. */
  submitJob<R>(rdd: RDD<unknown>, options: JobOptions = {}): Promise<R[][]> {
    return this.jobs.runJob<R>(rdd, options);
  }

  /**
   * PySpark's runJob: runs `partitionFunc` over the given partitions of `rdd` (all by default) and
   * returns its results concatenated in partition order. `allowLocal` is accepted and ignored, as in Spark.
   */
  async runJob<T, U>(rdd: RDD<T>, partitionFunc: (records: Iterable<T>) => PartitionOutput<U>, partitions?: number[], allowLocal = false): Promise<U[]> {
    const total = rdd.getNumPartitions();
    const missing = partitions?.find((p) => !Number.isInteger(p) || p < 0 || p >= total);
    if (missing !== undefined) throw new RangeError(`Attempting to access a non-existent partition: ${missing}. Total number of partitions: ${total}`);
    const results = await this.submitJob<U>(rdd.mapPartitions(partitionFunc), { partitions, description: 'runJob', source: rdd });
    return results.flat();
  }

  mapOutputSizes(shuffleId: number): number[][] | undefined {
    const outputs = this.dag.planner.shuffleStages.get(shuffleId)?.outputs;
    if (!outputs || outputs.some((output) => output === undefined)) return undefined;
    return outputs.map((output) => [...output!.bucketSizes]);
  }

  // ---- job groups, tags, local properties and cancellation (Spark's, for this driver's one thread) ----

  /** Jobs submitted from now on carry this property; `null` removes it. */
  setLocalProperty(key: string, value: string | null): void {
    this.localProperties.set(key, value);
  }

  getLocalProperty(key: string): string | null {
    return this.localProperties.get(key);
  }

  /** Puts the jobs submitted from now on in a group that cancelJobGroup can cancel. */
  setJobGroup(groupId: string, description: string, interruptOnCancel = false): void {
    this.localProperties.setJobGroup(groupId, description, interruptOnCancel);
  }

  clearJobGroup(): void {
    this.localProperties.clearJobGroup();
  }

  /** The description of the jobs submitted from now on (shown in jobHistory); null clears it. */
  setJobDescription(value: string | null): void {
    this.localProperties.set(JOB_DESCRIPTION, value);
  }

  /** Flint always stops a cancelled job's running tasks (it ends their threads), so this only records the flag. */
  setInterruptOnCancel(interruptOnCancel: boolean): void {
    this.localProperties.set('spark.job.interruptOnCancel', String(interruptOnCancel));
  }

  addJobTag(tag: string): void {
    this.localProperties.addJobTag(tag);
  }

  removeJobTag(tag: string): void {
    this.localProperties.removeJobTag(tag);
  }

  getJobTags(): Set<string> {
    return new Set(this.localProperties.jobTags());
  }

  clearJobTags(): void {
    this.localProperties.clearJobTags();
  }

  /** Cancels the running jobs of a group: their actions reject and their running tasks are stopped. */
  cancelJobGroup(groupId: string): void {
    this.dag.post({ type: 'jobsCancelled', cancellation: cancelGroup(groupId) });
  }

  cancelJobsWithTag(tag: string): void {
    this.dag.post({ type: 'jobsCancelled', cancellation: cancelTag(tag) });
  }

  cancelAllJobs(): void {
    this.dag.post({ type: 'jobsCancelled', cancellation: CANCEL_ALL });
  }

  /** Which jobs and stages are active, and snapshots of them (PySpark's StatusTracker). */
  statusTracker(): StatusTracker {
    return this.status;
  }

  /** Prints the task profile of each RDD not shown yet to stdout (PySpark's show_profiles); needs the `profile` option. */
  showProfiles(): void {
    process.stdout.write(this.profilesOn('showProfiles').report());
  }

  /** Writes each RDD's task profile as `rdd_<id>.cpuprofile` into `path` and forgets them (PySpark's dump_profiles); needs the `profile` option. */
  dumpProfiles(path: string): void {
    this.profilesOn('dumpProfiles').dump(path);
  }

  private profilesOn(method: string): RddProfiles {
    if (!this.profiles) throw new Error(`${method}: profiling is off; create the context with profile: true (flint submit --conf spark.python.profile=true)`);
    return this.profiles;
  }

  /**
   * PySpark's SparkContext.setSystemProperty: sets a context option (`executorMemory`, `spark.ui.enabled`, ...)
   * for the contexts this process creates afterwards, below the options a program passes to create().
   */
  static setSystemProperty(key: string, value: string): void {
    setSystemProperty(key, value);
  }

  unpersist(rdd: RDD<unknown>): void {
    const rddId = rdd.id();
    for (const [partition, executorId] of this.dag.cache.forgetRdd(rddId)) {
      this.events.post({ type: 'blockUpdated', rddId, partition, executorId, storageLevel: String(rdd.storageLevel), memBytes: 0, diskBytes: 0 });
    }
    this.backend.forgetRdd(this.appId, rdd.id());
  }

  cleanShuffle(shuffleId: number): void {
    this.dag.forgetMapOutputs(shuffleId);
    this.backend.forgetShuffle(this.appId, shuffleId);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const index = FlintContext.running.indexOf(this);
    if (index >= 0) FlintContext.running.splice(index, 1);
    this.jobs.refuseJobs();
    this.finishProfiles();
    await this.driverUi?.close();
    this.workerWait.stop();
    this.tasks.stop();
    // The application ends before its executors go: their loss is no news, and a log on the
    // local cluster's own DFS must be finished while the DFS runs.
    this.events.post({ type: 'applicationEnd', appId: this.appId });
    this.events.close();
    this.console.stop();
    await this.eventLog?.finish();
    await this.backend.stop();
    await this.localCluster?.stop();
    this.jobs.deleteStoredOutputs();
    this.files.removeDirectory();
  }

  /** As PySpark at exit: the profiles go to the profileDump directory, else the ones not shown yet to stdout. */
  private finishProfiles(): void {
    const dumpDir = this.givenOptions.profileDump as string | undefined;
    if (dumpDir !== undefined) this.profiles?.dump(dumpDir);
    else if (this.profiles) process.stdout.write(this.profiles.report());
  }

  /** `await using fc = await FlintContext.create()` stops the context at the end of the block (PySpark's `with SparkContext() as sc`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private applyAccumulators(updates: readonly (readonly [number, number])[], custom: Uint8Array | undefined): void {
    for (const [id, amount] of updates) {
      const accumulator = this.accumulators.get(id);
      if (accumulator) accumulator.value = (accumulator.value as number) + amount;
    }
    for (const [id, value] of custom ? decode<[number, unknown][]>(custom) : []) this.accumulators.get(id)?.add(value);
  }

}

function executionMode(mode: string | undefined): ExecutionMode {
  if (mode === undefined || mode === 'memory' || mode === 'mapreduce') return mode ?? 'memory';
  throw new Error(`Unknown execution mode '${mode}': expected 'memory' or 'mapreduce'`);
}

/** A persisted RDD as getPersistentRDDs() reports it. */
export interface PersistedRddInfo {
  readonly rddId: number;
  readonly rdd: RDD<unknown> | undefined;
  readonly partitionsCached: number;
  readonly bytes: number;
  /** Cached partitions per executor. */
  readonly executors: Record<string, number>;
  /** Each cached partition (by split): its encoded size and the executors holding it. */
  readonly partitions: readonly { readonly split: number; readonly bytes: number; readonly executors: readonly string[] }[];
}

function speculationOptions(setting: FlintContextOptions['speculation']): SpeculationOptions {
  if (setting === undefined || setting === false) return SPECULATION_DEFAULTS;
  return { ...SPECULATION_DEFAULTS, enabled: true, ...(setting === true ? {} : setting) };
}

function requireSlices(n: number, operation: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${operation}: numSlices must be a positive integer, got ${n}`);
}

const stderrTerminal = {
  write: (text: string) => process.stderr.write(text),
  columns: () => process.stderr.columns || Number(process.env.COLUMNS) || 80,
};
