/**
 * local-cluster starts the namenode's cluster UI on a free port (fc.localCluster.uiUrl), and each
 * worker's heartbeat reports the tasks its executor runs: while two tasks are held running (they
 * wait for a file the test creates) /api/workers shows them, and none once the job is done.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FlintContext, capture } from '@flint/driver';
import { waitFor } from '../dfs/cluster-harness.js';

let fc: FlintContext | undefined;
let dir: string | undefined;

afterEach(async () => {
  await fc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runningTasksByWorker(uiUrl: string): Promise<number[]> {
  const workers = (await (await fetch(new URL('/api/workers', uiUrl))).json()) as { state: string; runningTasks: number | null }[];
  return workers.filter((w) => w.state === 'live').map((w) => w.runningTasks ?? -1);
}

it('shows the tasks each worker is running in /api/workers', async () => {
  dir = await mkdtemp(join(tmpdir(), 'flint-cluster-ui-tasks-'));
  const release = join(dir, 'release');
  fc = await FlintContext.create({ master: 'local-cluster[2,1]' });
  const uiUrl = fc.localCluster!.uiUrl;
  expect(uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(await runningTasksByWorker(uiUrl)).toEqual([0, 0]);

  const job = fc
    .parallelize([1, 2], 2)
    .map(
      capture({ release }, (x, { release }) => {
        const fs = process.getBuiltinModule('node:fs');
        const nap = new Int32Array(new SharedArrayBuffer(4));
        while (!fs.existsSync(release)) Atomics.wait(nap, 0, 0, 50);
        return x * 10;
      }),
    )
    .collect();
  await waitFor('both workers to report a running task', async () => (await runningTasksByWorker(uiUrl)).join(',') === '1,1');
  await writeFile(release, '');
  expect(await job).toEqual([10, 20]);
  await waitFor('the workers to report no running task', async () => (await runningTasksByWorker(uiUrl)).join(',') === '0,0');
});
