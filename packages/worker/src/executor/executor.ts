/**
 * An executor: a pool of task threads plus the block manager that holds what its tasks produced.
 * It gathers a task's inputs (from its own blocks, or from peers through `fetchRemote`), runs the
 * task on a thread, and keeps the task's outputs: shuffle buckets and cached partitions.
 * The same class serves local mode (in the driver's process) and the worker process.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { bundleIsFresh } from '@flint/rdd/bundle-freshness';
import { BlockManager, type BlockPolicy } from './block-manager.js';
import type { BarrierSync, CachedBlockReport, ExecutorId, TaskInput, TaskOutcome, TaskRequest } from '../protocol.js';
import { relayBarrier } from './barrier-relay.js';
import type { HeldBlockRequest, RuntimesRequest, ThreadData, ThreadInput, ThreadResult, ThreadTask } from '../thread/thread-messages.js';
import { blockKeys, parseCachedKey, parseInApp } from '../block-keys.js';
import { boundedInFlight } from './bounded-in-flight.js';
import { AddedFiles } from './added-files.js';
import { threadDeathError, threadHeapMb } from './thread-faults.js';
import { loadedNativeStringsBinary } from './native-strings.js';

export interface ExecutorOptions {
  readonly id: ExecutorId;
  readonly threads: number;
  /** Bytes of blocks kept in memory before spilling or dropping. */
  readonly memoryBudget: number;
  /** Where spilled blocks go; removed on stop. */
  readonly directory: string;
  /** Heap limit of each task thread in bytes; default from memoryBudget / threads (thread-faults.ts). */
  readonly threadHeap?: number;
  /** Where the executor reports what happens outside any task (a thread dying between tasks). */
  readonly log?: (line: string) => void;
}

/** Other executors: read a block one holds (undefined when it no longer has it), or store a replica there. */
export interface Peers {
  fetch(executor: ExecutorId, key: string): Promise<Uint8Array | undefined>;
  replicate(executor: ExecutorId, key: string, storageLevel: string, bytes: Uint8Array): Promise<boolean>;
}

class MissingInput extends Error {
  constructor(readonly outcome: TaskOutcome) {
    super('missing task input');
  }
}

/** Reducers fetch buckets in parallel, but hold at most this many bytes of fetches in flight. */
const MAX_BYTES_IN_FLIGHT = 48 * 1024 * 1024;

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const TASK_THREAD = join(DIST, 'thread', 'task-thread-entry.cjs');

/** What every task thread of an executor starts with: found once here rather than by each thread. */
function threadData(): ThreadData {
  return {
    nativeStringsBinary: loadedNativeStringsBinary(),
    entry: { bundleIsFresh: bundleIsFresh(DIST), cachedScript: createRequire(import.meta.url).resolve('@flint/sql/cached-script') },
  };
}

export class Executor {
  readonly blocks: BlockManager;
  private readonly pool: Piscina;
  readonly threadHeapMb: number;
  /** Broadcast bytes in shared memory: every thread reads the same copy. */
  private readonly broadcasts = new Map<string, Uint8Array>();
  /** Per application, the broadcasts dropped here in order: task threads drop their copies when they see the list. */
  private readonly droppedBroadcasts = new Map<string, number[]>();
  /** Files added with fc.addFile, under the block directory (removed with it on stop). */
  private readonly addedFiles: AddedFiles;

  constructor(
    readonly options: ExecutorOptions,
    private readonly peers?: Peers,
  ) {
    this.blocks = new BlockManager(options.directory, options.memoryBudget);
    this.addedFiles = new AddedFiles(join(options.directory, '.added-files'));
    this.threadHeapMb = threadHeapMb(options.threadHeap, options.memoryBudget, options.threads);
    this.pool = new Piscina({
      filename: TASK_THREAD,
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: this.threadHeapMb },
      workerData: threadData(),
    });
    // A thread that dies with no task on it (a late timer throwing): piscina replaces it and
    // emits 'error', which must not go unheard (an unheard 'error' ends the process).
    this.pool.on('error', (error: unknown) => {
      (options.log ?? logToStderr)(`a task thread died between tasks and was replaced: ${threadDeathError(error, this.threadHeapMb).message}`);
    });
  }

  private assignedId: ExecutorId | undefined;

  /** The id is known only once the executor's service listens (it names the address). */
  get id(): ExecutorId {
    return this.assignedId ?? this.options.id;
  }

  assignId(id: ExecutorId): void {
    this.assignedId = id;
  }

  /**
   * Runs one task; aborting the signal stops its thread (the driver left, or killed the task). A
   * barrier task's barrier() calls go to the driver through `barrierSync`.
   */
  async runTask(request: TaskRequest, signal?: AbortSignal, barrierSync?: BarrierSync): Promise<TaskOutcome> {
    this.running++;
    try {
      return await this.runCountedTask(request, signal, barrierSync);
    } finally {
      this.running--;
    }
  }

  /**
   * Has each task thread load these runtime namespaces (`sql`) now, while the driver still plans,
   * instead of after the first task that needs them arrives. A thread then busy takes its request
   * after its task. A load that fails is left for the first task needing it to report.
   */
  prepareRuntimes(namespaces: readonly string[]): void {
    const request: RuntimesRequest = { kind: 'loadRuntimes', namespaces };
    for (let i = 0; i < this.options.threads; i++) this.pool.run(request).catch(() => {});
  }

  /** Tasks in runTask now (fetching inputs, on a thread, or storing outputs). */
  get runningTasks(): number {
    return this.running;
  }

  private running = 0;

  private async runCountedTask(request: TaskRequest, signal?: AbortSignal, barrierSync?: BarrierSync): Promise<TaskOutcome> {
    const started = performance.now();
    // Before any await: a later task of the same broadcast or added file (sent without its bytes) may overtake this one.
    const app = request.appId;
    const broadcasts = request.broadcasts.map(({ id, bytes }) => ({ id, bytes: this.broadcastBytes(app, id, bytes) }));
    const filesWritten = this.addedFiles.install(app, request.files);
    const copies: CachedBlockReport[] = [];
    // A task with nothing to fetch or wait for goes to its thread now, before the listeners of the
    // events that launched it run (they are queued as microtasks): an await here let the driver's
    // UI and status updates for a job's start, and for every task end, run first.
    const atHand = request.inputs.map((input) => this.inputAtHand(app, input));
    let inputs = !filesWritten && atHand.every((input) => input !== undefined) ? (atHand as ThreadInput[]) : undefined;
    if (!inputs) {
      try {
        const gathered = request.inputs.map((input, i) => atHand[i] ?? this.gather(app, input, copies));
        [inputs] = await Promise.all([Promise.all(gathered), filesWritten]);
      } catch (error) {
        if (error instanceof MissingInput) return error.outcome;
        throw error;
      }
    }
    const fetchMs = performance.now() - started;
    const barrier = request.barrier && barrierSync ? relayBarrier(request, barrierSync) : undefined;
    const task: ThreadTask = {
      appId: app,
      taskId: request.taskId,
      stageId: request.stageId,
      stageAttempt: request.stageAttempt,
      partition: request.partition,
      attempt: request.attempt,
      barrierPort: barrier?.threadPort,
      stage: request.stage,
      inputs,
      // With one thread, every task over a partition the thread holds runs where its records are.
      holdPartitions: this.options.threads === 1,
      broadcasts,
      droppedBroadcasts: this.droppedBroadcasts.get(app) ?? [],
      filesRoot: this.addedFiles.rootFor(app),
      localProperties: request.localProperties,
      profile: request.profile,
      executorEnv: request.executorEnv,
      runtimes: request.runtimes,
      barrierAddresses: request.barrier?.addresses,
      cpus: request.cpus,
      memory: {
        // Each running task gets an equal share of the executor's memory (Spark gives 1/2N to 1/N),
        // at most half its thread's heap: the estimates are rough and the task needs room besides
        // what it measures (Spark's spark.memory.fraction keeps 40 % of the heap out of it too).
        budgetBytes: Math.floor(Math.min(this.options.memoryBudget / this.options.threads, (this.threadHeapMb * 1024 * 1024) / 2)),
        spillDirectory: join(this.options.directory, 'spill', `${app.replace(/[^\w.-]/g, '_')}-task-${request.taskId}`),
      },
    };
    let result: ThreadResult;
    try {
      result = (await this.pool.run(task, { signal, transferList: barrier ? [barrier.threadPort] : undefined })) as ThreadResult;
    } catch (error) {
      // A killed task is the caller's to report; any other rejection is the thread dying under the task.
      if (signal?.aborted) throw error;
      return { kind: 'failure', error: threadDeathError(error, this.threadHeapMb) };
    } finally {
      barrier?.close();
    }
    if (result.kind === 'failure') return result;
    result.buckets?.forEach((bucket, reduce) => {
      const key = blockKeys.inApp(app, blockKeys.shuffleBucket(shuffleIdOf(request), request.partition, reduce));
      this.blocks.put(key, bucket, request.shuffleOnDisk ? 'diskOnly' : 'memoryAndDisk');
    });
    for (const key of result.droppedHeld) this.blocks.drop(key);
    const cachedBlocks = await Promise.all(
      result.blocks.map(async (block) => {
        const key = blockKeys.inApp(app, blockKeys.cached(block.rddId, block.split));
        if (block.bytes === undefined) {
          this.blocks.putHeld(key, block.heldSize);
          return { rddId: block.rddId, split: block.split, bytes: block.heldSize };
        }
        // Shared memory: later tasks over the cached partition get it without a copy per task.
        this.blocks.put(key, shared(block.bytes), blockPolicy(block.storageLevel));
        const replica = block.storageLevel.endsWith('_2') ? await this.replicate(request.replicateTo, key, block.storageLevel, block.bytes) : undefined;
        return { rddId: block.rddId, split: block.split, bytes: block.bytes.length, replica };
      }),
    );
    return {
      kind: 'success',
      result: result.result,
      bucketSizes: result.buckets?.map((b) => b.length),
      cachedBlocks: [...cachedBlocks, ...copies],
      droppedBlocks: this.droppedCachedBlocks(app),
      accumulators: result.accumulators,
      ...(result.customAccumulators && { customAccumulators: result.customAccumulators }),
      recordsRead: result.recordsRead,
      recordsWritten: result.recordsWritten,
      bytesWritten: result.bytesWritten,
      durationMs: performance.now() - started,
      metrics: { ...result.metrics, fetchMs },
      ...(result.profile && { profile: result.profile }),
    };
  }

  /** The application's cached partitions that the block manager dropped since the last report. */
  private droppedCachedBlocks(app: string): { rddId: number; split: number }[] {
    return this.blocks.takeDropped(blockKeys.inApp(app, blockKeys.cachedPrefix())).map((key) => parseCachedKey(key)!);
  }

  /** Forgets blocks: every bucket of a shuffle, or every cached partition of an RDD. */
  removeShuffle(appId: string, shuffleId: number): void {
    this.blocks.removeWhere((key) => key.startsWith(blockKeys.inApp(appId, blockKeys.shufflePrefix(shuffleId))));
  }

  removeRdd(appId: string, rddId: number): void {
    this.blocks.removeWhere((key) => key.startsWith(blockKeys.inApp(appId, blockKeys.cachedPrefix(rddId))));
  }

  async stop(): Promise<void> {
    await this.pool.destroy();
    this.blocks.clear();
  }

  /**
   * One task input, when it is at hand: its bytes came with the task, or it is a cached partition
   * this executor has (a replica or copy here is as good as the first copy the driver named), or
   * a reduce partition whose buckets are all here. Undefined when something must be fetched or
   * asked of a thread, or is missing: gather() does that, and reports what is missing.
   */
  private inputAtHand(app: string, input: TaskInput): ThreadInput | undefined {
    switch (input.kind) {
      case 'bytes':
        return { key: input.key, chunks: [input.bytes] };
      case 'cached': {
        const key = blockKeys.inApp(app, input.key);
        if (this.blocks.isHeld(key)) return { key: input.key, chunks: [], held: true };
        const local = this.blocks.get(key);
        return local && { key: input.key, chunks: [local] };
      }
      case 'shuffle': {
        const chunks: Uint8Array[] = [];
        for (const ref of input.buckets) {
          const key = blockKeys.inApp(app, blockKeys.shuffleBucket(ref.shuffleId, ref.mapPartition, ref.reducePartition));
          const bytes = ref.executor === this.id && !this.blocks.isHeld(key) ? this.blocks.get(key) : undefined;
          if (!bytes) return undefined;
          chunks.push(bytes);
        }
        return { key: input.key, chunks };
      }
    }
  }

  /**
   * An input not at hand (inputAtHand): fetched from another executor or a thread, or reported
   * missing. A cached partition read from another executor is kept here too (reported in `copies`)
   * if it fits in memory without evicting anything: an iterative job then finds it local in its
   * next iteration instead of waiting for the one executor that holds it or fetching it again.
   */
  private async gather(app: string, input: TaskInput, copies: CachedBlockReport[]): Promise<ThreadInput> {
    switch (input.kind) {
      case 'bytes':
        throw new Error(`task input ${input.key} came with the task: it is always at hand, never gathered`);
      case 'cached': {
        const key = blockKeys.inApp(app, input.key);
        const { rddId, split } = parseCachedKey(input.key)!;
        const bytes = await this.readBlock(input.executor, key);
        if (!bytes) throw new MissingInput({ kind: 'missingCachedBlock', rddId, split, executor: input.executor });
        if (!this.blocks.fitsInMemory(bytes.length)) return { key: input.key, chunks: [bytes] };
        const copy = shared(bytes);
        this.blocks.put(key, copy, 'memoryOnly');
        copies.push({ rddId, split, bytes: copy.length, copy: true });
        return { key: input.key, chunks: [copy] };
      }
      case 'shuffle': {
        const chunks = await boundedInFlight(input.buckets, MAX_BYTES_IN_FLIGHT, async (ref) => {
          const key = blockKeys.shuffleBucket(ref.shuffleId, ref.mapPartition, ref.reducePartition);
          const bytes = await this.readBlock(ref.executor, blockKeys.inApp(app, key));
          if (!bytes) {
            const message = `shuffle block ${key} is missing on executor ${ref.executor}`;
            throw new MissingInput({ kind: 'fetchFailed', shuffleId: ref.shuffleId, mapPartition: ref.mapPartition, executor: ref.executor, message });
          }
          return bytes;
        });
        return { key: input.key, chunks };
      }
    }
  }

  private async readBlock(executor: ExecutorId, key: string): Promise<Uint8Array | undefined> {
    if (executor === this.id) return this.localBlock(key);
    if (!this.peers) return undefined;
    return this.peers.fetch(executor, key).catch(() => undefined);
  }

  /**
   * The bytes of a block here, for another executor: a partition the task thread holds as
   * objects is encoded there now (after the task it may be running); one it no longer has is lost.
   */
  async localBlock(key: string): Promise<Uint8Array | undefined> {
    if (!this.blocks.isHeld(key)) return this.blocks.get(key);
    const request: HeldBlockRequest = { kind: 'heldBlockBytes', ...parseInApp(key) };
    const bytes = (await this.pool.run(request)) as Uint8Array | undefined;
    if (!bytes && this.blocks.isHeld(key)) this.blocks.drop(key);
    return bytes;
  }

  /** Sends the second copy of a `_2` level partition; the executor that has it, if it took it. */
  private async replicate(to: ExecutorId | undefined, key: string, storageLevel: string, bytes: Uint8Array): Promise<ExecutorId | undefined> {
    if (!to || !this.peers) return undefined;
    const stored = await this.peers.replicate(to, key, storageLevel, bytes).catch(() => false);
    return stored ? to : undefined;
  }

  /** Stores a replica another executor sent. */
  storeReplica(key: string, bytes: Uint8Array, storageLevel: string): void {
    this.blocks.put(key, shared(bytes), blockPolicy(storageLevel));
  }

  private broadcastBytes(app: string, id: number, bytes: Uint8Array | undefined): Uint8Array {
    const key = `${app}:${id}`;
    let value = this.broadcasts.get(key);
    if (!value) {
      if (!bytes) throw new Error(`broadcast ${id} has not been sent to executor ${this.id}`);
      value = shared(bytes);
      this.broadcasts.set(key, value);
    }
    return value;
  }

  /** Drops a broadcast's bytes here, and (with their next task) the task threads' copies. */
  removeBroadcast(appId: string, broadcastId: number): void {
    this.broadcasts.delete(`${appId}:${broadcastId}`);
    this.droppedBroadcasts.set(appId, [...(this.droppedBroadcasts.get(appId) ?? []), broadcastId]);
  }

  /** How many broadcasts this executor keeps, for tests and status. */
  get broadcastCount(): number {
    return this.broadcasts.size;
  }
}

function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A copy of `bytes` in shared memory: posting it to a task thread then shares it instead of copying it. */
function shared(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

function blockPolicy(storageLevel: string): BlockPolicy {
  if (storageLevel.startsWith('DISK_ONLY')) return 'diskOnly';
  return storageLevel.startsWith('MEMORY_AND_DISK') ? 'memoryAndDisk' : 'memoryOnly';
}

/** The shuffle a map task writes, from its request. */
function shuffleIdOf(request: TaskRequest): number {
  if (request.shuffleId === undefined) throw new Error(`task ${request.taskId} returned buckets but is not a shuffle map task`);
  return request.shuffleId;
}
