/**
 * The messages on a worker's executor service, declared with @flint/net's schema and checked
 * whole where they enter a process, before anything acts on them:
 *   driver → worker: run or kill a task, forget blocks, answer a barrier;
 *   worker → driver: a task ended, a barrier task reached barrier();
 *   worker → worker: fetch a block (shuffle bucket or cached partition) by key, store a replica
 *                    of a cached partition (`_2` storage levels), and their answers.
 * Block bytes travel lz4-compressed when that pays (block-transfer.ts). The task's stage stays
 * encoded bytes here: only the task thread decodes it. object() keeps only the fields its shape
 * names, so each shape for a protocol.ts interface is objectOf<T>() (or `satisfies FieldsOf` it,
 * for a variant): a field added there without a schema here fails to compile instead of vanishing
 * on the wire.
 */
import {
  array, boolean, bytes, count, integer, literal, message, nullable, number, objectOf, oneOfStrings, optional, record, shortString, string, tuple, union, variant, variants,
  ProtocolError, type FieldsOf, type Infer, type Schema,
} from '@flint/net';
import { isBlockKey } from '../block-keys.js';
import type { BarrierRequest, CachedBlockReport, TaskError, TaskInput, TaskMetrics, TaskOutcome, TaskRequest } from '../protocol.js';
import type { WireBlock } from './block-transfer.js';

const MAX_ID_LENGTH = 256;
const appId = shortString(MAX_ID_LENGTH);
const executorRef = shortString(MAX_ID_LENGTH);

/** A block's key: `<app>_rdd_3_0`, `<app>_shuffle_1_0_2`, ...; anything else (a path, `..`, NUL) is refused. */
const blockKey: Schema<string> = {
  parse(value, where) {
    const key = shortString(255).parse(value, where);
    if (!isBlockKey(key)) throw new ProtocolError(`${where}: not a block key`);
    return key;
  },
};

const storageLevel = shortString(64);

const wireBlock = objectOf<WireBlock>()({ lz4: boolean, bytes });

/** The fields of one kind of TaskInput besides its tag. */
type InputFields<K extends TaskInput['kind']> = FieldsOf<Omit<Extract<TaskInput, { kind: K }>, 'kind'>>;
type ShuffleBucket = Extract<TaskInput, { kind: 'shuffle' }>['buckets'][number];

const taskInput: Schema<TaskInput> = variants(
  variant('kind', 'bytes', { key: string, bytes } satisfies InputFields<'bytes'>),
  variant('kind', 'cached', { key: string, executor: executorRef } satisfies InputFields<'cached'>),
  variant('kind', 'shuffle', {
    key: string,
    buckets: array(objectOf<ShuffleBucket>()({ shuffleId: count, mapPartition: count, reducePartition: count, executor: executorRef, size: count })),
  } satisfies InputFields<'shuffle'>),
);

const taskRequest = objectOf<TaskRequest>()({
  appId,
  taskId: count,
  jobId: count,
  stageId: count,
  stageAttempt: count,
  partition: count,
  attempt: count,
  shuffleId: optional(count),
  shuffleOnDisk: optional(boolean),
  replicateTo: optional(executorRef),
  barrier: optional(objectOf<NonNullable<TaskRequest['barrier']>>()({ numTasks: count, addresses: optional(array(shortString(MAX_ID_LENGTH))) })),
  cpus: optional(count),
  stage: bytes,
  inputs: array(taskInput),
  broadcasts: array(objectOf<TaskRequest['broadcasts'][number]>()({ id: count, bytes: optional(bytes) })),
  /** Added files and archives; the executor refuses a name that leaves its files directory. */
  files: optional(array(objectOf<NonNullable<TaskRequest['files']>[number]>()({ name: shortString(4096), bytes, archive: optional(oneOfStrings('zip', 'tar')) }))),
  localProperties: optional(record(string)),
  profile: optional(boolean),
  executorEnv: optional(record(string)),
  runtimes: optional(array(shortString(MAX_ID_LENGTH))),
});

const taskError = objectOf<TaskError>()({ name: string, message: string, stack: string, deterministic: optional(literal(true)) });
const taskMetrics = objectOf<TaskMetrics>()({ fetchMs: number, readMs: number, parseMs: number, decodeMs: number, threadMs: number, memoryBytesSpilled: number, diskBytesSpilled: number });
const cachedBlockReport = objectOf<CachedBlockReport>()({
  rddId: count,
  split: count,
  bytes: count,
  replica: optional(executorRef),
  copy: optional(boolean),
});

/** The fields of one kind of TaskOutcome besides its tag. */
type OutcomeFields<K extends TaskOutcome['kind']> = FieldsOf<Omit<Extract<TaskOutcome, { kind: K }>, 'kind'>>;

const taskOutcome: Schema<TaskOutcome> = variants(
  variant('kind', 'success', {
    result: optional(bytes),
    bucketSizes: optional(array(count)),
    cachedBlocks: array(cachedBlockReport),
    droppedBlocks: optional(array(objectOf<NonNullable<Extract<TaskOutcome, { kind: 'success' }>['droppedBlocks']>[number]>()({ rddId: count, split: count }))),
    accumulators: array(tuple(integer, number)),
    customAccumulators: optional(bytes),
    recordsRead: count,
    recordsWritten: count,
    bytesWritten: count,
    durationMs: number,
    metrics: taskMetrics,
    profile: optional(bytes),
  } satisfies OutcomeFields<'success'>),
  variant('kind', 'failure', { error: taskError } satisfies OutcomeFields<'failure'>),
  variant('kind', 'fetchFailed', { shuffleId: count, mapPartition: count, executor: executorRef, message: string } satisfies OutcomeFields<'fetchFailed'>),
  variant('kind', 'missingCachedBlock', { rddId: count, split: count, executor: executorRef } satisfies OutcomeFields<'missingCachedBlock'>),
);

const barrierRequest = objectOf<BarrierRequest>()({
  stageId: count,
  stageAttempt: count,
  numTasks: count,
  partition: count,
  epoch: count,
  message: string,
});

const runTask = message('runTask', { request: taskRequest });
const killTask = message('killTask', { taskId: count });
const barrierReply = message('barrierReply', { requestId: count, messages: optional(array(string)), error: optional(string) });
const forgetShuffle = message('forgetShuffle', { appId, shuffleId: count });
const forgetRdd = message('forgetRdd', { appId, rddId: count });
const forgetBroadcast = message('forgetBroadcast', { appId, broadcastId: count });
const fetchBlock = message('fetchBlock', { requestId: count, key: blockKey });
const putBlock = message('putBlock', { requestId: count, key: blockKey, storageLevel, block: wireBlock });
const taskEnded = message('taskEnded', { taskId: count, outcome: taskOutcome });
const barrierSync = message('barrierSync', { requestId: count, request: barrierRequest });
const block = message('block', { requestId: count, block: nullable(wireBlock) });
const blockStored = message('blockStored', { requestId: count });

/** What an executor service accepts: from the driver and from peer executors. */
export const toExecutor = union(runTask, killTask, barrierReply, forgetShuffle, forgetRdd, forgetBroadcast, fetchBlock, putBlock);
export type ToExecutor = Infer<typeof toExecutor>;

/** What the driver accepts from an executor. */
export const toDriver = union(taskEnded, barrierSync);
export type ToDriver = Infer<typeof toDriver>;

/** What a peer accepts in answer to its fetchBlock and putBlock. */
export const toPeer = union(block, blockStored);
export type ToPeer = Infer<typeof toPeer>;
