/**
 * Why the driver lost its connection to an executor, which decides whether the tasks running on
 * it count as failed (Spark's ExecutorLostFailure with exitCausedByApp). When an executor process
 * dies and its worker lives on, the worker's supervisor publishes the cause through the namenode
 * at once (lost-executor.ts): a task killed its executor, which counts toward that task's
 * maxFailures, so a task that kills every executor it runs on fails its job instead of looping.
 * When the worker itself is gone (its datanode port refuses, or the namenode dropped the node),
 * nothing of the task is to blame: its tasks are rerun without counting.
 */
import { dialFrames } from '@flint/net';
import { liveNodes, type LiveNode } from '@flint/dfs/client';
import { lostExecutorReason, parseExecutorId } from '@flint/worker';

/** The worker publishes the cause with a heartbeat sent at once; this bounds the wait on a slow machine. */
const EXPLANATION_WAIT_MS = 3_000;
const POLL_MS = 100;
const PROBE_TIMEOUT_MS = 1_000;

export interface ExecutorLoss {
  readonly reason: string;
  /** The executor process died while its worker lived: one of its running tasks is to blame. */
  readonly exitCausedByApp: boolean;
}

export async function explainExecutorLoss(namenode: string, executor: string, connectionReason: string): Promise<ExecutorLoss> {
  const unexplained = { reason: connectionReason, exitCausedByApp: false };
  const { nodeId } = parseExecutorId(executor);
  const deadline = Date.now() + EXPLANATION_WAIT_MS;
  let probed = false;
  while (Date.now() < deadline) {
    const nodes = await liveNodes(namenode, { rpcTimeoutMs: PROBE_TIMEOUT_MS }).catch(() => undefined);
    const node = nodes?.find((n) => n.nodeId === nodeId);
    if (nodes && !node) return unexplained;
    if (node) {
      const reason = lostExecutorReason(node.services, executor);
      if (reason) return { reason, exitCausedByApp: true };
      if (!probed) {
        probed = true;
        if (!(await workerAnswers(node))) return unexplained;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return unexplained;
}

/** Whether the executor's worker process is still there: its datanode accepts an authenticated connection. */
async function workerAnswers(node: LiveNode): Promise<boolean> {
  try {
    (await dialFrames({ host: node.host, port: node.dataPort }, `datanode ${node.nodeId}`, PROBE_TIMEOUT_MS)).destroy();
    return true;
  } catch {
    return false;
  }
}
