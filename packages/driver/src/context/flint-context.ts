/**
 * FlintContext: the entry point of a Flint program. Creating one starts the driver's services on a
 * backend (driver-runtime.ts). Its API is written in layers of one concept each, which it extends:
 * creating RDDs from data and files (rdd-inputs.ts), then controlling jobs (job-control.ts: local
 * properties, job groups, tags, cancellation); this file adds the context's lifecycle and
 * properties, broadcasts, accumulators and added files, and the jobs that actions start.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { RDD, type Accumulator, type AccumulatorParam, type Broadcast, type ExecutionMode, type JobOptions, type PartitionOutput, type PlanNode, type RddContext } from '@flint/rdd';
import type { DataFrame, DataFrameInput, DataFrameReader, DataType, SqlSession, StructType } from '@flint/sql';
import { parseMaster } from './master-url.js';
import { sqlSession } from './sql-entry.js';
import type { JobSummary } from './job-history.js';
import type { SchedulerEventListener } from '../scheduler/events.js';
import { effectiveConf } from './effective-conf.js';
import { localBackend } from '../backend/local-backend.js';
import { clusterBackend } from '../backend/cluster-backend.js';
import { LocalCluster } from '../backend/local-cluster.js';
import type { Backend } from '../backend/backend.js';
import { FLINT_VERSION, sparkUser } from './application-info.js';
import type { StatusTracker } from './status-tracker.js';
import { setSystemProperty, withSubmittedOptions } from './submitted-options.js';
import type { RddProfiles } from './rdd-profiles.js';
import { DriverLog } from './driver-log.js';
import { FlintConf } from './flint-conf.js';
import { withOwnNamenode } from './dfs-paths.js';
import { DEFAULT_EXECUTOR_MEMORY, DEFAULT_MAX_FAILURES, executionMode, executorMemoryInEffect, type FlintContextOptions } from './context-options.js';
import { DriverRuntime } from './driver-runtime.js';
import { JobControl } from './job-control.js';
import type { JobCancellation } from '../scheduler/dag-scheduler.js';

export type { FlintContextOptions } from './context-options.js';

export class FlintContext extends JobControl implements RddContext {
  /** The contexts not stopped yet, oldest first (a process may run several, unlike Spark). */
  private static readonly running: FlintContext[] = [];
  readonly appName: string;
  readonly master: string;
  private nextRddId = 0;
  private nextShuffleId = 0;
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
  private readonly runtime: DriverRuntime;

  private constructor(
    options: FlintContextOptions,
    /** The options as the program gave them, before `flint submit`'s and the environment's. */
    private readonly programOptions: FlintContextOptions,
    master: string,
    private readonly maxFailures: number,
    backend: Backend,
    /** The processes of a `local-cluster` master, for tests and demos that kill workers. */
    readonly localCluster: LocalCluster | undefined,
  ) {
    super();
    this.appName = options.appName ?? 'flint';
    this.master = master;
    this.mode = executionMode(options.mode ?? process.env.FLINT_MODE);
    this.appId = `${this.appName.replace(/[^A-Za-z0-9-]/g, '-')}-${randomBytes(6).toString('hex')}`;
    this.givenOptions = { ...options, master, appName: this.appName, mode: this.mode };
    this.runtime = new DriverRuntime({
      appId: this.appId,
      mode: this.mode,
      maxFailures,
      options,
      backend,
      localCluster,
      driverLog: this.driverLog,
      localProperties: this.localProperties,
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
    const { master, appName, mode, appId, startTime } = context;
    const effective = { ...context.givenOptions, maxFailures: context.maxFailures, executorMemory: executorMemoryInEffect(context.givenOptions.executorMemory as number | undefined, master) };
    const conf = effectiveConf(effective, context.programOptions);
    await context.runtime.start({ type: 'applicationStart', appId, appName, master, mode, user: sparkUser(), startTime, flintVersion: FLINT_VERSION, conf });
    FlintContext.running.push(context);
    return context;
  }

  /** The context created last and not stopped yet, else a new one with `options` (PySpark's SparkContext.getOrCreate). */
  static async getOrCreate(options: FlintContextOptions = {}): Promise<FlintContext> {
    return FlintContext.running.at(-1) ?? FlintContext.create(options);
  }

  /** The namenode of the cluster this context runs on (undefined in local mode). */
  get namenode(): string | undefined {
    return this.runtime.backend.namenode;
  }

  /** Task slots when the context started: the default number of partitions of parallelize and range. */
  get defaultParallelism(): number {
    return this.runtime.backend.defaultParallelism;
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
    return this.runtime.uiUrl ?? null;
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
    return this.runtime.jobs.checkpointDir;
  }

  /** Where checkpoint() writes, or null before setCheckpointDir (PySpark's getCheckpointDir). */
  getCheckpointDir(): string | null {
    return this.runtime.jobs.checkpointDir ?? null;
  }

  /** Every job run so far, with its stages (run or skipped), task counts and timings. */
  get jobHistory(): readonly JobSummary[] {
    return this.runtime.history.jobs;
  }

  /**
   * Subscribes to the scheduler's events (events.ts: application, jobs, stages, tasks, executors,
   * blocks, fetch failures) as plain data, delivered asynchronously; returns an unsubscribe
   * function. A listener joining late first gets the application's start and its live executors.
   */
  addListener(listener: SchedulerEventListener): () => void {
    return this.runtime.events.add(listener);
  }

  newRddId(): number {
    return this.nextRddId++;
  }

  newShuffleId(): number {
    return this.nextShuffleId++;
  }

  protected newRdd<T>(node: PlanNode): RDD<T> {
    return new RDD<T>(this, node);
  }

  protected cancelJobs(cancellation: JobCancellation): void {
    this.runtime.dag.post({ type: 'jobsCancelled', cancellation });
  }

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
  /** PySpark's `spark.udf`: `fc.udf.register('add_one', (x) => x + 1, 'int')` makes `add_one` callable from SQL. */
  get udf(): SqlSession['udf'] {
    return sqlSession(this).udf;
  }
  /** SQL configuration (`spark.sql.shuffle.partitions`, `flint.sql.session.timeZone`, ...). */
  get conf(): SqlSession['conf'] {
    return sqlSession(this).conf;
  }

  // ---- shared variables and added files ------------------------------------------------------

  /** A read-only value sent to each worker once; use `.value` inside tasks (pass it with capture). */
  broadcast<T>(value: T): Broadcast<T> {
    return this.runtime.broadcasts.create(value);
  }

  /**
   * Sends a file (or, with `recursive`, a directory), local or `dfs://`, to every executor, once
   * each: tasks find it at `SparkFiles.get(name)` (the name is the path's last part), the driver too.
   */
  addFile(path: string, recursive = false): void {
    this.runtime.files.addFile(path, recursive);
  }

  /** The paths added with addFile, as `file:` (or `dfs://`) URIs. */
  get listFiles(): string[] {
    return this.runtime.files.list('file');
  }

  /**
   * Sends an archive (`.zip`, `.jar`, `.tar`, `.tar.gz`, `.tgz`; local or `dfs://`) to every
   * executor, once each, unpacked into the directory `SparkFiles.get(name)`: the archive's file
   * name, or the fragment of `path#name`. The driver unpacks its own copy too.
   */
  addArchive(path: string): void {
    this.runtime.files.addArchive(path);
  }

  /** The paths added with addArchive, as URIs. */
  get listArchives(): string[] {
    return this.runtime.files.list('archive');
  }

  /**
   * A value tasks add to with `.add(v)`; only the driver reads `.value`. Numbers are summed; any
   * other value needs an AccumulatorParam (`{ zero(value), addInPlace(value1, value2) }`), as in PySpark.
   */
  accumulator(initialValue?: number): Accumulator;
  accumulator<T>(initialValue: T, param: AccumulatorParam<T>): Accumulator<T>;
  accumulator<T>(initialValue: T | number = 0, param?: AccumulatorParam<T>): Accumulator<T> | Accumulator {
    return this.runtime.accumulators.create(initialValue, param);
  }

  /** A local directory, or a `dfs://` one on a cluster (`dfs:///path` is the context's own namenode). */
  setCheckpointDir(dir: string): void {
    if (dir.startsWith('dfs://')) {
      this.runtime.jobs.checkpointDir = withOwnNamenode(dir, this.runtime.backend.namenode);
      return;
    }
    this.runtime.jobs.checkpointDir = resolve(dir);
    mkdirSync(this.runtime.jobs.checkpointDir, { recursive: true });
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
    return this.runtime.dag.blocks.tracker.report().map((entry) => ({ ...entry, rdd: this.runtime.jobs.persistedRdd(entry.rddId) }));
  }

  // ---- jobs ----------------------------------------------------------------------------------

  /** @internal Runs one job for an action; resolves with each partition's records. */
  submitJob<R>(rdd: RDD<unknown>, options: JobOptions = {}): Promise<R[][]> {
    return this.runtime.jobs.runJob<R>(rdd, options);
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
    const outputs = this.runtime.dag.planner.shuffleStages.get(shuffleId)?.outputs;
    if (!outputs || outputs.some((output) => output === undefined)) return undefined;
    return outputs.map((output) => [...output!.bucketSizes]);
  }

  /** Which jobs and stages are active, and snapshots of them (PySpark's StatusTracker). */
  statusTracker(): StatusTracker {
    return this.runtime.status;
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
    if (!this.runtime.profiles) throw new Error(`${method}: profiling is off; create the context with profile: true (flint submit --conf spark.python.profile=true)`);
    return this.runtime.profiles;
  }

  /**
   * PySpark's SparkContext.setSystemProperty: sets a context option (`executorMemory`, `spark.ui.enabled`, ...)
   * for the contexts this process creates afterwards, below the options a program passes to create().
   */
  static setSystemProperty(key: string, value: string): void {
    setSystemProperty(key, value);
  }

  unpersist(rdd: RDD<unknown>): void {
    this.runtime.dag.blocks.forgetRdd(rdd.id(), String(rdd.storageLevel));
    this.runtime.backend.forgetRdd(this.appId, rdd.id());
  }

  cleanShuffle(shuffleId: number): void {
    this.runtime.dag.forgetMapOutputs(shuffleId);
    this.runtime.backend.forgetShuffle(this.appId, shuffleId);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const index = FlintContext.running.indexOf(this);
    if (index >= 0) FlintContext.running.splice(index, 1);
    this.finishProfiles();
    this.cancelJobsAtStop();
    await this.runtime.stop();
  }

  /** As PySpark at exit: the profiles go to the profileDump directory, else the ones not shown yet to stdout. */
  private finishProfiles(): void {
    const dumpDir = this.givenOptions.profileDump as string | undefined;
    if (dumpDir !== undefined) this.runtime.profiles?.dump(dumpDir);
    else if (this.runtime.profiles) process.stdout.write(this.runtime.profiles.report());
  }

  /** `await using fc = await FlintContext.create()` stops the context at the end of the block (PySpark's `with SparkContext() as sc`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
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
