/**
 * `flint://host:port`: executors are found through the namenode, which every worker registers
 * and heartbeats with. The backend polls the live-node list: a new (or restarted) worker's
 * executor is connected and offered to the scheduler; an executor whose connection drops, or whose
 * node the namenode declares dead, is reported lost, with why (executor-loss.ts): it takes no new
 * tasks at once, and its running tasks end once the cause is known.
 */
import { DfsClient, liveNodes, type LiveNode } from '@flint/dfs/client';
import { parseExecutorId } from '@flint/worker';
import type { Backend, BackendListener } from './backend.js';
import type { BarrierSync } from '@flint/worker';
import { RemoteExecutor } from './remote-executor.js';
import { explainExecutorLoss, type ExecutorLoss } from './executor-loss.js';

const MEMBERSHIP_POLL_MS = 500;

export async function clusterBackend(namenode: string, options: { minExecutors?: number; waitMs?: number } = {}): Promise<Backend> {
  const initial = await waitForExecutors(namenode, options.minExecutors ?? 1, options.waitMs ?? 30_000);
  // One connection for every poll (re-opened if it drops): a new one each time cost the driver and
  // the namenode a TCP connection and a handshake twice a second, during every job.
  const membership = await DfsClient.connect(namenode, { rpcTimeoutMs: 5_000 });
  const connected = new Map<string, RemoteExecutor>();
  const connecting = new Set<string>();
  /** Executors whose loss is being explained: a replacement with the same id (a fixed port) waits for it. */
  const losing = new Set<string>();
  let listener: BackendListener | undefined;
  let stopped = false;
  let poll: NodeJS.Timeout | undefined;

  const lose = (id: string, reason: string, connectionDropped: boolean): void => {
    const executor = connected.get(id);
    if (!executor) return;
    connected.delete(id);
    executor.close();
    const report = (loss: ExecutorLoss): void => {
      if (!stopped) listener?.executorLost(id, loss.reason, loss.exitCausedByApp);
      executor.endRunningTasks();
    };
    if (!connectionDropped) return report({ reason, exitCausedByApp: false });
    losing.add(id);
    void explainExecutorLoss(namenode, id, reason).then((loss) => {
      losing.delete(id);
      report(loss);
    });
  };

  const connect = async (node: LiveNode): Promise<void> => {
    const id = node.services.executor;
    if (!id || connected.has(id) || connecting.has(id) || losing.has(id) || stopped) return;
    connecting.add(id);
    try {
      const { host, port } = parseExecutorId(id);
      const slots = Number(node.services.executorThreads ?? 1);
      const memoryBytes = node.services.executorMemory === undefined ? undefined : Number(node.services.executorMemory);
      const barrierSync: BarrierSync = (request) => listener?.barrierSync(request) ?? Promise.reject(new Error('the driver is not running'));
      const executor = await RemoteExecutor.connect(id, { slots, memoryBytes }, `${host}:${port}`, (reason) => lose(id, reason, true), barrierSync);
      if (stopped) return executor.close();
      connected.set(id, executor);
      listener?.executorAdded(executor);
    } catch {
      // Not reachable (yet, or any more): the next poll tries again while the namenode lists it.
    } finally {
      connecting.delete(id);
    }
  };

  const refresh = async (): Promise<void> => {
    const nodes = await membership.liveNodes().catch(() => undefined);
    if (!nodes || stopped) return;
    const live = new Set(nodes.map((n) => n.services.executor).filter((id): id is string => id !== undefined));
    for (const id of [...connected.keys()]) if (!live.has(id)) lose(id, 'its node stopped heartbeating', false);
    await Promise.all(nodes.map(connect));
  };

  const schedulePoll = (): void => {
    poll = setTimeout(() => void refresh().finally(() => !stopped && schedulePoll()), MEMBERSHIP_POLL_MS);
    poll.unref();
  };

  return {
    defaultParallelism: initial.reduce((sum, n) => sum + Number(n.services.executorThreads ?? 1), 0),
    namenode,
    async start(next) {
      listener = next;
      await Promise.all(initial.map(connect));
      schedulePoll();
    },
    forgetShuffle: (appId, id) => connected.forEach((e) => e.forgetShuffle(appId, id)),
    forgetRdd: (appId, id) => connected.forEach((e) => e.forgetRdd(appId, id)),
    forgetBroadcast: (appId, id) => connected.forEach((e) => e.forgetBroadcast(appId, id)),
    async stop() {
      stopped = true;
      clearTimeout(poll);
      membership.close();
      for (const executor of connected.values()) {
        executor.close();
        executor.endRunningTasks();
      }
      connected.clear();
    },
  };
}

/** Waits for `count` workers; a namenode that cannot be reached at all fails at once. */
async function waitForExecutors(namenode: string, count: number, waitMs: number): Promise<LiveNode[]> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    let nodes: LiveNode[];
    try {
      nodes = (await liveNodes(namenode, { rpcTimeoutMs: 5_000 })).filter((n) => n.services.executor !== undefined);
    } catch (error) {
      if (attempt === 0) throw new Error(`Cannot reach the Flint namenode at ${namenode}: ${(error as Error).message}`);
      nodes = [];
    }
    if (nodes.length >= count) return nodes;
    if (Date.now() > deadline) throw new Error(`Only ${nodes.length} of ${count} Flint workers registered with the namenode at ${namenode} after ${waitMs} ms`);
    if (attempt === 0) {
      process.stderr.write(`flint: waiting up to ${Math.round(waitMs / 1000)} s for ${count - nodes.length} more worker(s) to register with the namenode at ${namenode} (${nodes.length} registered)\n`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
