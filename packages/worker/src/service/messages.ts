/**
 * The messages on a worker's executor service (one ws server per worker):
 *   driver → worker: run or kill a task, forget blocks, answer a barrier;
 *   worker → driver: a task ended, a barrier task reached barrier().
 *   worker → worker: fetch a block (shuffle bucket or cached partition) by key; store a replica
 *                    of a cached partition (`_2` storage levels).
 * Frames are msgpackr (Flint's codec); block bytes travel lz4-compressed when that pays. Every frame is checked
 * by `parseMessage` where it enters the process.
 */
import { decode, encode } from '@flint/rdd';
import type { BarrierRequest, TaskOutcome, TaskRequest } from '../protocol.js';
import type { WireBlock } from './block-transfer.js';

export type ServiceMessage =
  | { readonly type: 'runTask'; readonly request: TaskRequest }
  | { readonly type: 'killTask'; readonly taskId: number }
  | { readonly type: 'barrierSync'; readonly requestId: number; readonly request: BarrierRequest }
  | { readonly type: 'barrierReply'; readonly requestId: number; readonly messages?: readonly string[]; readonly error?: string }
  | { readonly type: 'forgetShuffle'; readonly appId: string; readonly shuffleId: number }
  | { readonly type: 'forgetRdd'; readonly appId: string; readonly rddId: number }
  | { readonly type: 'forgetBroadcast'; readonly appId: string; readonly broadcastId: number }
  | { readonly type: 'taskEnded'; readonly taskId: number; readonly outcome: TaskOutcome }
  | { readonly type: 'fetchBlock'; readonly requestId: number; readonly key: string }
  | { readonly type: 'block'; readonly requestId: number; readonly block: WireBlock | null }
  | { readonly type: 'putBlock'; readonly requestId: number; readonly key: string; readonly storageLevel: string; readonly block: WireBlock }
  | { readonly type: 'blockStored'; readonly requestId: number };

export class ProtocolViolation extends Error {
  override readonly name = 'ProtocolViolation';
}

type Check = (value: Record<string, unknown>) => boolean;

const isInt = (v: unknown): boolean => Number.isInteger(v);
const isBytes = (v: unknown): boolean => v instanceof Uint8Array;
const isWireBlock = (v: unknown): boolean => isRecord(v) && typeof v.lz4 === 'boolean' && isBytes(v.bytes);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TASK_INPUT_KINDS = new Set(['bytes', 'cached', 'shuffle']);
const OUTCOME_KINDS = new Set(['success', 'failure', 'fetchFailed', 'missingCachedBlock']);

function isTaskRequest(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const ints = ['taskId', 'jobId', 'stageId', 'stageAttempt', 'partition', 'attempt'];
  return (
    typeof v.appId === 'string' &&
    ints.every((k) => isInt(v[k])) &&
    isBytes(v.stage) &&
    Array.isArray(v.inputs) &&
    v.inputs.every((i) => isRecord(i) && TASK_INPUT_KINDS.has(i.kind as string) && typeof i.key === 'string') &&
    Array.isArray(v.broadcasts) &&
    v.broadcasts.every((b) => isRecord(b) && isInt(b.id))
  );
}

const CHECKS: Record<ServiceMessage['type'], Check> = {
  runTask: (m) => isTaskRequest(m.request),
  killTask: (m) => isInt(m.taskId),
  barrierSync: (m) =>
    isInt(m.requestId) &&
    isRecord(m.request) &&
    ['stageId', 'stageAttempt', 'numTasks', 'partition', 'epoch'].every((k) => isInt((m.request as Record<string, unknown>)[k])) &&
    typeof m.request.message === 'string',
  barrierReply: (m) => isInt(m.requestId) && (typeof m.error === 'string' || (Array.isArray(m.messages) && m.messages.every((x) => typeof x === 'string'))),
  forgetShuffle: (m) => typeof m.appId === 'string' && isInt(m.shuffleId),
  forgetRdd: (m) => typeof m.appId === 'string' && isInt(m.rddId),
  forgetBroadcast: (m) => typeof m.appId === 'string' && isInt(m.broadcastId),
  taskEnded: (m) => isInt(m.taskId) && isRecord(m.outcome) && OUTCOME_KINDS.has(m.outcome.kind as string),
  fetchBlock: (m) => isInt(m.requestId) && typeof m.key === 'string',
  block: (m) => isInt(m.requestId) && (m.block === null || isWireBlock(m.block)),
  putBlock: (m) => isInt(m.requestId) && typeof m.key === 'string' && typeof m.storageLevel === 'string' && isWireBlock(m.block),
  blockStored: (m) => isInt(m.requestId),
};

export function encodeMessage(message: ServiceMessage): Uint8Array {
  return encode(message);
}

export function parseMessage(bytes: Uint8Array): ServiceMessage {
  let value: unknown;
  try {
    value = decode(bytes);
  } catch (error) {
    throw new ProtocolViolation(`undecodable frame: ${(error as Error).message}`);
  }
  if (!isRecord(value) || typeof value.type !== 'string' || !(value.type in CHECKS)) {
    throw new ProtocolViolation(`unknown message type ${isRecord(value) ? String(value.type) : typeof value}`);
  }
  if (!CHECKS[value.type as ServiceMessage['type']](value)) throw new ProtocolViolation(`malformed ${value.type} message`);
  return value as unknown as ServiceMessage;
}
