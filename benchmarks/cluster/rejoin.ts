import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalCluster } from '@flint/driver';
import { liveNodes } from '@flint/dfs';

/** How often the driver polls the namenode for workers (MEMBERSHIP_POLL_MS in the cluster backend). */
const DRIVER_POLL_MS = 500;
const POLL_MS = 200;

/**
 * Restarts a killed worker on its data directory and waits until the namenode lists its new
 * executor, then two driver polls more, by which time the driver has connected it: the next
 * job runs on the whole cluster again.
 */
export async function restartAndRejoin(cluster: LocalCluster, index: number, timeoutMs = 30_000): Promise<void> {
  const executor = await cluster.restartWorker(index);
  const deadline = performance.now() + timeoutMs;
  while (!(await liveNodes(cluster.namenode)).some((node) => node.services.executor === executor)) {
    if (performance.now() > deadline) throw new Error(`restarted worker ${index} (${executor}) did not rejoin in ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
  await sleep(2 * DRIVER_POLL_MS);
}
