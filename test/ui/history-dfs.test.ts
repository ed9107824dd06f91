/**
 * `flint history dfs://...`: a driver writes its event log into flint DFS (a real namenode and
 * datanode), and the history server reads it back from there and shows the same jobs as the
 * driver UI did while the application ran.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DfsTestCluster } from '../dfs/cluster-harness.js';
import { startHistoryProcess, type HistoryProcess } from './history-process.js';

let cluster: DfsTestCluster;
let history: HistoryProcess | undefined;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 1 });
}, 60_000);

afterAll(async () => {
  await history?.stop();
  await cluster?.stop();
});

it('serves the applications whose event logs are in a DFS directory', async () => {
  const dir = `dfs://${cluster.namenodeAddress}/history`;
  const fc = await FlintContext.create({ master: 'local[2]', appName: 'logged-to-dfs', eventLog: dir, uiPort: 0 });
  let liveJobs: unknown;
  try {
    expect(await fc.parallelize([1, 2, 3, 4], 2).map((x) => [x % 2, x] as [number, number]).reduceByKey((a, b) => a + b).count()).toBe(2);
    liveJobs = await (await fetch(`${fc.uiWebUrl}/api/v1/applications/${fc.applicationId}/jobs`)).json();
  } finally {
    await fc.stop();
  }
  history = await startHistoryProcess(dir);
  const apps = (await (await fetch(`${history.url}/api/v1/applications`)).json()) as { id: string; name: string; attempts: { completed: boolean }[] }[];
  expect(apps).toMatchObject([{ id: fc.applicationId, name: 'logged-to-dfs', attempts: [{ completed: true }] }]);
  expect(await (await fetch(`${history.url}/api/v1/applications/${fc.applicationId}/jobs`)).json()).toEqual(liveJobs);
}, 60_000);
