/**
 * What user code can do to a task thread beyond throwing: fill its heap, throw from a timer or
 * callback (an uncaught error ends the thread), or call process.exit. Piscina then rejects the
 * task with the thread's error and starts a new thread; here that error becomes the task's failure,
 * worded so the driver's message names the cause.
 */
import type { TaskError } from '../protocol.js';

/** Heap limits per task thread, in MiB, when the worker does not set one. */
const MIN_THREAD_HEAP_MB = 256;
/**
 * Above about 900 MiB a growing array's next doubling exceeds V8's maximum array length, a fatal
 * error that ends the whole process; below this the thread's heap limit is reached first.
 */
const MAX_THREAD_HEAP_MB = 768;

const MiB = 1024 * 1024;

/**
 * A task thread's heap limit in MiB (V8's unit): the one given, else the thread's share of the
 * executor's memory within [256, 768] MiB.
 */
export function threadHeapMb(given: number | undefined, memoryBudget: number, threads: number): number {
  if (given !== undefined) return Math.max(1, Math.round(given / MiB));
  const share = Math.floor(memoryBudget / Math.max(1, threads) / MiB);
  return Math.min(MAX_THREAD_HEAP_MB, Math.max(MIN_THREAD_HEAP_MB, share));
}

/** The failure of a task whose thread died under it. */
export function threadDeathError(error: unknown, heapLimitMb: number): TaskError {
  const { code, message, name, stack } = (error ?? {}) as { code?: string; message?: string; name?: string; stack?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { name: 'TaskThreadOutOfMemory', message: `task thread ran out of memory (limit ${heapLimitMb} MB); its thread was replaced`, stack: '' };
  }
  const exit = /^worker exited with code: (-?\d+)/.exec(message ?? '');
  if (exit) return { name: 'TaskThreadExited', message: `task thread exited with code ${exit[1]} (process.exit in user code?); its thread was replaced`, stack: '' };
  const thrown = `${name ?? 'Error'}: ${message ?? String(error)}`;
  return { name: 'UncaughtTaskError', message: `uncaught error in a timer or callback: ${thrown}; its thread was replaced`, stack: stack ?? '' };
}
