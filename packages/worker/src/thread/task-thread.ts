/**
 * The task thread's entry point (a piscina worker): it only turns a ThreadTask into a
 * ThreadResult. Everything arrives and leaves as bytes, exactly as over the network.
 */
import { decode, installDecodeHooks, loadRuntimes, provideRuntime } from '@flint/rdd';
import type { StageSpec } from '../stage-spec.js';
import type { HeldBlockRequest, RuntimesRequest, ThreadResult, ThreadTask } from './thread-messages.js';
import { compileFunction } from './compile-function.js';
import { accumulatorRef, applyBroadcastDrops, beginTaskAccumulators, broadcastRef, registerBroadcast } from './shared-variables.js';
import { useApplication } from './application.js';
import { PartitionComputer } from './partition-computer.js';
import { TaskInputs } from './task-inputs.js';
import { writeOutput } from './task-outputs.js';
import { describeError } from './describe-error.js';
import { runInTaskContext } from './task-context.js';
import { TaskSpillStore } from './spill-store.js';
import { profiled } from './task-profiler.js';
import { takeDroppedHeld } from './decoded-blocks.js';
import { heldBlockBytes } from './held-blocks.js';
import { importSqlRuntime } from './sql-runtime.js';

installDecodeHooks({ fn: compileFunction, broadcast: broadcastRef, accumulator: accumulatorRef });
provideRuntime('sql', importSqlRuntime);

export default async function runOnThread(message: ThreadTask | HeldBlockRequest | RuntimesRequest): Promise<ThreadResult | Uint8Array | undefined> {
  if (!('kind' in message)) return runTask(message);
  if (message.kind === 'loadRuntimes') {
    await loadRuntimes(message.namespaces);
    return undefined;
  }
  return heldBlockBytes(message.appId, message.block);
}

async function runTask(task: ThreadTask): Promise<ThreadResult> {
  const started = performance.now();
  const spill = new TaskSpillStore(task.memory.spillDirectory);
  let restoreEnv = () => {};
  try {
    useApplication(task.appId);
    restoreEnv = withTaskEnv(task.executorEnv);
    applyBroadcastDrops(task.droppedBroadcasts);
    for (const { id, bytes } of task.broadcasts) registerBroadcast(id, bytes);
    const accumulatorTotals = beginTaskAccumulators();
    if (task.runtimes) await loadRuntimes(task.runtimes);
    const stage = decode<StageSpec>(task.stage);
    const inputs = new TaskInputs(task.inputs, task.appId);
    const computer = new PartitionComputer(stage.plan, inputs, task.appId, task.holdPartitions);
    const { value: written, profile } = await profiled(task.profile === true, () =>
      runInTaskContext(task, { budgetBytes: task.memory.budgetBytes, spill }, async () => {
        const records = await computer.computeRoot(task.partition);
        return writeOutput(stage.output, records, task.partition, task.attempt);
      }),
    );
    await timersAlreadyDue();
    return {
      kind: 'success',
      ...written,
      blocks: computer.producedBlocks,
      droppedHeld: takeDroppedHeld(),
      ...accumulatorTotals(),
      recordsRead: inputs.recordsRead,
      ...(profile && { profile }),
      metrics: { ...inputs.timings, threadMs: performance.now() - started, memoryBytesSpilled: spill.metrics.memoryBytesSpilled, diskBytesSpilled: spill.metrics.diskBytesSpilled },
    };
  } catch (error) {
    return { kind: 'failure', error: describeError(error) };
  } finally {
    restoreEnv();
    spill.removeAll();
  }
}

/**
 * Sets the task's environment variables (the context's executorEnv) and returns how to undo it: a
 * thread's process.env is its own copy (worker_threads), so the driver's is untouched, and the
 * next task on the thread, maybe another application's, sees the thread's own again.
 */
function withTaskEnv(env: Readonly<Record<string, string>> | undefined): () => void {
  if (!env) return () => {};
  const before = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/**
 * Lets the timers the task set for "now" (setTimeout(f) or setTimeout(f, 0), setImmediate) run
 * before its result is sent: one that throws then ends the thread while the task is still on it,
 * so that task fails with the error (thread-faults.ts) instead of succeeding and leaving the error
 * to no one. Most tasks set none, and then the result goes at once: the wait is a millisecond or
 * more (a timer's least delay, then the thread's turn to run), twice per iteration of a job of two
 * waves. A timer unref()ed by the task is not seen here and may fire after the result.
 */
function timersAlreadyDue(): Promise<void> | undefined {
  const pending = process.getActiveResourcesInfo();
  if (!pending.includes('Timeout') && !pending.includes('Immediate')) return undefined;
  return new Promise((resolve) => setTimeout(resolve, 0));
}
