/**
 * The cluster UI in headless chromium against a real namenode and three workers: the page
 * browses to a file's blocks, then a worker is SIGKILLed and the same page (never reloaded)
 * shows it dead and the file's blocks re-replicated onto the other workers. Every request stays
 * on the namenode (no CDN), and at a phone's 390 px nothing scrolls sideways.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DfsTestCluster, fullyReplicated, pseudoRandomBytes, waitFor } from '../dfs/cluster-harness.js';
import { launchBrowser, type TestBrowser } from './browser.js';

const BLOCK = 64 * 1024;
const UPDATE_TIMEOUT_MS = 30_000;

let cluster: DfsTestCluster;
let browser: TestBrowser;
let ui: string;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 3 });
  browser = await launchBrowser();
  ui = await cluster.clusterUiUrl();
  const client = await cluster.client();
  await client.writeFile('/logs/events.bin', pseudoRandomBytes(4 * BLOCK, 11), { blockSize: BLOCK, replication: 2 });
  await waitFor('the file to be fully replicated', async () => fullyReplicated(await cluster.fsck('/logs'), 2));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await cluster?.stop();
});

it('shows a killed worker go dead and its blocks re-replicated, live, without a reload', async () => {
  const page = await browser.newPage({ width: 1280, height: 900 });
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(ui)) foreignRequests.push(request.url());
  });
  await page.goto(ui);
  for (const node of cluster.datanodes) {
    await page.locator(`tr[data-node="${node.nodeId}"][data-state="live"]`).waitFor({ timeout: UPDATE_TIMEOUT_MS });
  }
  await expect.poll(() => page.locator('#live-count b').textContent()).toBe('3');
  await expect.poll(() => page.locator('#safe-mode').textContent()).toBe('serving');

  // Browse to the file by clicking through the listing.
  await page.locator('#files a', { hasText: 'logs/' }).click();
  await page.locator('#files a', { hasText: 'events.bin' }).click();
  const blockRows = page.locator('#files tr[data-block]');
  await expect.poll(() => blockRows.count()).toBe(4);
  const fsckBlocks = (await cluster.fsck('/logs/events.bin')).files[0].blocks;
  const firstBlock = fsckBlocks[0];
  const chipsOfFirstBlock = page.locator(`#files tr[data-block="${firstBlock.blockId}"] .chip`);
  await expect.poll(async () => (await chipsOfFirstBlock.allTextContents()).sort()).toEqual(firstBlock.live.map((l) => l.nodeId).sort());
  await browser.screenshot(page, 'cluster-ui-before-kill');

  // A marker that a reload would wipe out.
  await page.evaluate('window.notReloaded = true');
  const victim = cluster.datanodes.find((node) => node.nodeId === firstBlock.live[0].nodeId)!;
  await cluster.killAndWait(victim);

  await page.locator(`tr[data-node="${victim.nodeId}"][data-state="dead"]`).waitFor({ timeout: UPDATE_TIMEOUT_MS });
  await expect.poll(() => page.locator('#dead-count b').textContent(), { timeout: UPDATE_TIMEOUT_MS }).toBe('1');
  await expect
    .poll(async () => (await blockRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))).join(','), { timeout: UPDATE_TIMEOUT_MS })
    .toBe('healthy,healthy,healthy,healthy');
  const replicaNodes = await page.locator('#files tr[data-block] .chip').allTextContents();
  expect(replicaNodes).toHaveLength(8);
  expect(replicaNodes).not.toContain(victim.nodeId);
  await expect.poll(() => page.locator('#blocks-healthy').count(), { timeout: UPDATE_TIMEOUT_MS }).toBe(1);
  expect(await page.evaluate('window.notReloaded')).toBe(true);
  await browser.screenshot(page, 'cluster-ui');
  expect(foreignRequests).toEqual([]);
});

it('fits a phone-sized screen without sideways scrolling', async () => {
  const page = await browser.newPage({ width: 390, height: 844 });
  await page.goto(`${ui}#/logs/events.bin`);
  await page.locator('tr[data-node]').first().waitFor({ timeout: UPDATE_TIMEOUT_MS });
  await expect.poll(() => page.locator('#files tr[data-block]').count()).toBe(4);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await browser.screenshot(page, 'cluster-ui-phone');
});
