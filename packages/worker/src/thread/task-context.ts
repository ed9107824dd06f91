/**
 * Gives shipped functions PySpark's TaskContext, BarrierTaskContext and SparkFiles: the classes become globals
 * of the task thread (the driver's free-variable check allows the names), and each task runs with
 * its own context. A barrier task's barrier() calls go over the port the executor passed.
 */
import type { MessagePort } from 'node:worker_threads';
import { BarrierTaskContext, SparkFiles, TaskContext, type BarrierChannel, type TaskMemory } from '@flint/rdd';
import type { ThreadTask } from './thread-messages.js';

Object.assign(globalThis, { TaskContext, BarrierTaskContext, SparkFiles });

export function runInTaskContext<R>(task: ThreadTask, memory: TaskMemory, run: () => Promise<R>): Promise<R> {
  SparkFiles.setRootDirectory(task.filesRoot);
  const info = { stageId: task.stageId, stageAttemptNumber: task.stageAttempt - 1, partitionId: task.partition, attemptNumber: task.attempt, taskAttemptId: task.taskId, localProperties: task.localProperties, barrierAddresses: task.barrierAddresses, cpus: task.cpus, memory };
  return TaskContext.runWithTaskContext(info, task.barrierPort ? barrierChannel(task.barrierPort) : undefined, run);
}

function barrierChannel(port: MessagePort): BarrierChannel {
  let epoch = 0;
  const waiting = new Map<number, { resolve(messages: string[]): void; reject(error: Error): void }>();
  port.on('message', (reply: { epoch: number; messages?: string[]; error?: string }) => {
    const call = waiting.get(reply.epoch);
    waiting.delete(reply.epoch);
    if (reply.error !== undefined) call?.reject(new Error(reply.error));
    else call?.resolve(reply.messages ?? []);
  });
  return {
    sync: (message) =>
      new Promise((resolve, reject) => {
        const current = epoch++;
        waiting.set(current, { resolve, reject });
        port.postMessage({ epoch: current, message });
      }),
  };
}
