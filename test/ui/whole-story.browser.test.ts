/**
 * The whole story of issue 13 in headless chromium: a multi-stage job on local-cluster[3,1] with
 * both UIs open; stages and tasks progress on the driver UI without a reload; a worker is
 * SIGKILLed mid-job; the driver UI marks its executor lost and shows its task failed and the lost
 * map outputs recomputed; the cluster UI shows the worker dead and its blocks re-replicated; the
 * result equals a sequential count. Then `flint history` over the run's event log shows the same
 * jobs. Screenshots go to test-artifacts/.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capture, FlintContext } from '@flint/driver';
import { DfsClient } from '@flint/dfs';
import { parseExecutorId } from '@flint/worker';
import { launchBrowser, type TestBrowser } from './browser.js';
import { startHistoryProcess, type HistoryProcess } from './history-process.js';

const UPDATE_TIMEOUT_MS = 40_000;
const BLOCK = 16 * 1024;
const WORDS = ['spark', 'flint', 'stage', 'task', 'shuffle', 'block', 'worker', 'driver', 'lineage', 'replica'];

let fc: FlintContext | undefined;
let browser: TestBrowser | undefined;
let history: HistoryProcess | undefined;
let logDir: string;

/** About 6 blocks of deterministic text. */
function storyText(): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 6 * BLOCK - 200 && i < 100_000; i++) lines.push(Array.from({ length: 8 }, (_, j) => WORDS[(i * 7 + j * 3 + (i % 5)) % WORDS.length]).join(' '));
  return `${lines.join('\n')}\n`;
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

beforeAll(() => {
  logDir = mkdtempSync(join(tmpdir(), 'flint-story-events-'));
});

afterAll(async () => {
  await history?.stop();
  await browser?.close();
  await fc?.stop();
  rmSync(logDir, { recursive: true, force: true });
});

it('shows a job surviving a killed worker, live in both UIs, then in the history server', async () => {
  browser = await launchBrowser();
  fc = await FlintContext.create({ master: 'local-cluster[3,1]', appName: 'whole-story', uiPort: 0, eventLog: logDir });
  const cluster = fc.localCluster!;
  const text = storyText();
  const client = await DfsClient.connect(cluster.namenode);
  try {
    await client.writeFile('/story/text.txt', Buffer.from(text), { replication: 2, blockSize: BLOCK });
  } finally {
    client.close();
  }

  const driverPage = await browser.newPage({ width: 1280, height: 900 });
  const clusterPage = await browser.newPage({ width: 1280, height: 900 });
  // Every script, style and API call comes from the driver itself: no CDN, no internet needed.
  const foreignRequests: string[] = [];
  const driverUi = `${fc.uiWebUrl}/`;
  driverPage.on('request', (request) => {
    if (!request.url().startsWith(driverUi)) foreignRequests.push(request.url());
  });
  await driverPage.goto(fc.uiWebUrl!);
  await clusterPage.goto(`${cluster.uiUrl.replace(/\/$/, '')}/#/story/text.txt`);
  await driverPage.evaluate('window.notReloaded = true');
  await clusterPage.evaluate('window.notReloaded = true');

  // Two stages: a slow map over the DFS blocks, a slower reduce; every task sleeps, so a kill lands mid-stage.
  const sleepy = (ms: number) =>
    capture({ ms }, function* (records: Iterable<unknown>, { ms }: { ms: number }) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      yield* records;
    });
  const counted = fc
    .textFile('dfs:///story/text.txt')
    .flatMap((line) => line.split(' '))
    .mapPartitions(sleepy(300))
    .map((word) => [word, 1] as [string, number])
    .reduceByKey((a, b) => a + b, 6)
    .mapPartitions(sleepy(2500))
    .collect();
  const result = counted.then(
    (rows) => ({ rows }),
    (error: unknown) => ({ error }),
  );

  const api = async (path: string): Promise<any> => (await fetch(`${fc!.uiWebUrl}/api/v1/applications/${fc!.applicationId}${path}`)).json();
  await expect.poll(async () => (await api('/jobs?status=running')).length, { timeout: UPDATE_TIMEOUT_MS }).toBe(1);
  const [job] = (await api('/jobs?status=running')) as { jobId: number; stageIds: number[] }[];
  const stages = (await Promise.all(job.stageIds.map((id) => api(`/stages/${id}`)))).flat() as { stageId: number; kind: string }[];
  const resultStageId = stages.find((stage) => stage.kind === 'result')!.stageId;

  // Live progress on the jobs page: the running job's task count changes without a reload.
  const jobRow = driverPage.locator(`tr[data-job-id="${job.jobId}"]`);
  await jobRow.locator('.progress').waitFor({ timeout: UPDATE_TIMEOUT_MS });
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        seen.add((await jobRow.locator('.progress span').textContent()) ?? '');
        return seen.size;
      },
      { timeout: UPDATE_TIMEOUT_MS, interval: 100 },
    )
    .toBeGreaterThanOrEqual(3);
  await browser.screenshot(driverPage, 'driver-ui-jobs-running');

  // Wait until the reduce stage has finished a task on the UI, then kill a worker.
  await driverPage.goto(`${fc.uiWebUrl}/#/app/${fc.applicationId}/stages`);
  const reduceRunning = driverPage.locator(`tr[data-stage-id="${resultStageId}"][data-status="ACTIVE"] .progress span`);
  await expect.poll(async () => Number(/^(\d+)\//.exec((await reduceRunning.textContent({ timeout: UPDATE_TIMEOUT_MS })) ?? '')?.[1] ?? 0), { timeout: UPDATE_TIMEOUT_MS }).toBeGreaterThanOrEqual(1);
  const victim = cluster.workers[1];
  const victimExecutor = victim.executorId;
  cluster.killWorker(1);

  await driverPage.goto(`${fc.uiWebUrl}/#/app/${fc.applicationId}/executors`);
  await driverPage.locator(`tr[data-executor-id="${victimExecutor}"][data-state="lost"]`).waitFor({ timeout: UPDATE_TIMEOUT_MS });
  // Each worker's executor has the workers' default memory budget, 1 GiB, and caches nothing here.
  expect(await driverPage.locator('tr[data-executor-id] [data-storage-memory]').allTextContents()).toEqual(['0 B / 1.0 GiB', '0 B / 1.0 GiB', '0 B / 1.0 GiB']);
  const environment = await api('/environment');
  expect(environment.flintProperties.find((entry: { key: string }) => entry.key === 'executorMemory')).toEqual({ key: 'executorMemory', value: String(1024 ** 3), source: 'default' });
  await browser.screenshot(driverPage, 'driver-ui-executor-lost');

  const outcome = await result;
  expect('error' in outcome ? String(outcome.error) : '').toBe('');
  expect(new Map((outcome as { rows: [string, number][] }).rows)).toEqual(countWords(text));

  await driverPage.goto(`${fc.uiWebUrl}/#/app/${fc.applicationId}/jobs/${job.jobId}`);
  await driverPage.locator('h1 .status.SUCCEEDED').waitFor({ timeout: UPDATE_TIMEOUT_MS });
  await driverPage.locator('svg.timeline rect[data-category="failed"]').first().waitFor({ timeout: UPDATE_TIMEOUT_MS });
  await driverPage.locator('svg.timeline rect[data-category="recomputed"]').first().waitFor({ timeout: UPDATE_TIMEOUT_MS });
  expect(await driverPage.locator(`text[data-executor-row="${victimExecutor}"]`).textContent()).toContain('(lost)');
  await browser.screenshot(driverPage, 'driver-ui-job');
  await driverPage.goto(`${fc.uiWebUrl}/#/app/${fc.applicationId}/stages/${resultStageId}/1`);
  await driverPage.locator('svg.dag g[data-rdd-id]').first().waitFor({ timeout: UPDATE_TIMEOUT_MS });
  await browser.screenshot(driverPage, 'driver-ui-stage');
  expect(await driverPage.evaluate('window.notReloaded')).toBe(true);
  expect(foreignRequests).toEqual([]);

  // The cluster UI: the worker dead, and every block of the file back to two live replicas elsewhere.
  const victimNode = parseExecutorId(victimExecutor).nodeId;
  await clusterPage.locator(`tr[data-node="${victimNode}"][data-state="dead"]`).waitFor({ timeout: UPDATE_TIMEOUT_MS });
  const blockRows = clusterPage.locator('#files tr[data-block]');
  await expect
    .poll(async () => (await blockRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))).every((status) => status === 'healthy'), { timeout: UPDATE_TIMEOUT_MS })
    .toBe(true);
  expect(await clusterPage.locator('#files tr[data-block] .chip').allTextContents()).not.toContain(victimNode);
  expect(await clusterPage.evaluate('window.notReloaded')).toBe(true);
  await browser.screenshot(clusterPage, 'cluster-ui-after-kill');

  // A SQL job's page: the plan with each counted operator's rows, here a filter's, counted independently.
  const values = Array.from({ length: 300 }, (_, i) => ({ word: WORDS[i % WORDS.length], n: i }));
  fc.createDataFrame(values).createOrReplaceTempView('story_values');
  await fc.sql('SELECT word, count(*) AS c FROM story_values WHERE n % 4 = 1 GROUP BY word').collect();
  const [sqlJob] = (await api('/jobs')) as { jobId: number }[];
  await driverPage.goto(`${fc.uiWebUrl}/#/app/${fc.applicationId}/jobs/${sqlJob.jobId}`);
  const filterRows = driverPage.locator('ul.sql-plan li[data-operator="Filter"] > .rows');
  await filterRows.waitFor({ timeout: UPDATE_TIMEOUT_MS });
  expect(Number(await filterRows.getAttribute('data-rows'))).toBe(values.filter((v) => v.n % 4 === 1).length);
  await browser.screenshot(driverPage, 'driver-ui-sql-plan');

  const liveJobs = (await (await fetch(`${fc.uiWebUrl}/api/v1/applications/${fc.applicationId}/jobs`)).json()) as { jobId: number; status: string; numTasks: number }[];
  const appId = fc.applicationId;
  await fc.stop();
  fc = undefined;

  // The history server over the run's event log shows the same jobs.
  expect(readdirSync(logDir).length).toBeGreaterThan(0);
  history = await startHistoryProcess(logDir);
  const historyPage = await browser.newPage({ width: 390, height: 844 });
  await historyPage.goto(history.url);
  await historyPage.locator(`tr[data-app-id="${appId}"] a`).click();
  await historyPage.locator('tr[data-job-id]').first().waitFor({ timeout: UPDATE_TIMEOUT_MS });
  const shown = await historyPage.locator('tr[data-job-id]').evaluateAll((rows) => rows.map((row) => [Number(row.getAttribute('data-job-id')), row.getAttribute('data-status')]));
  expect(shown.sort()).toEqual(liveJobs.map((job) => [job.jobId, job.status]).sort());
  expect(await historyPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await browser.screenshot(historyPage, 'history-server-phone');
}, 180_000);
