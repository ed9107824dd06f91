/**
 * The history server over real event logs: replaying a run's log gives the same JSON API answers
 * as the live driver UI gave (jobs, stages with their tasks, storage, environment); `flint history
 * DIR` lists finished and in-progress applications and skips, with one line, a file that is not
 * an event log; a missing DIR is one line and exit code 1.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, FlintContext, StorageLevel } from '@flint/driver';
import { answerApi } from '../../packages/driver/src/ui/api/status-api.js';
import { replayEventLog } from '../../packages/driver/src/ui/history/replay.js';
import { runFlint } from '../cli/run-flint.js';
import { startHistoryProcess, type HistoryProcess } from './history-process.js';

const ENDPOINTS = ['/jobs', '/stages', '/storage/rdd', '/environment', '/allexecutors'];

let dir: string;
let appId: string;
const live = new Map<string, unknown>();
let running: FlintContext | undefined;
let history: HistoryProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flint-history-'));
  const fc = await FlintContext.create({ master: 'local[2]', appName: 'history-run', eventLog: dir, uiPort: 0, maxFailures: 1 });
  try {
    appId = fc.applicationId;
    const pairs = fc.parallelize(Array.from({ length: 60 }, (_, i) => i), 3).map((x) => [x % 4, x] as [number, number]);
    const sums = pairs.reduceByKey((a, b) => a + b, 2).persist(StorageLevel.MEMORY_ONLY);
    await sums.collect();
    await sums.count();
    const failing = fc.parallelize([1, 2, 3], 3).map(capture({ bad: 2 }, (x: number, { bad }) => (x === bad ? JSON.parse('{') : x)));
    await expect(failing.collect()).rejects.toThrow();
    const stages = (await (await fetch(`${fc.uiWebUrl}/api/v1/applications/${appId}/stages`)).json()) as { stageId: number }[];
    for (const path of [...ENDPOINTS, ...new Set(stages.map((s) => `/stages/${s.stageId}`))]) {
      live.set(path, await (await fetch(`${fc.uiWebUrl}/api/v1/applications/${appId}${path}`)).json());
    }
  } finally {
    await fc.stop();
  }
}, 60_000);

afterAll(async () => {
  await history?.stop();
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function logText(): string {
  const files = readdirSync(dir).filter((name) => readFileSync(join(dir, name), 'utf8').includes(appId));
  expect(files).toHaveLength(1);
  return readFileSync(join(dir, files[0]), 'utf8');
}

describe('history server', () => {
  it('replays the event log into the same answers the live UI gave', () => {
    const store = replayEventLog(logText(), appId);
    expect(store.application?.endTime).toBeGreaterThan(0);
    expect(live.size).toBeGreaterThan(ENDPOINTS.length);
    for (const [path, answer] of live) {
      const [pathname, query = ''] = path.split('?');
      const replayed = answerApi(`/api/v1/applications/${appId}${pathname}`, new URLSearchParams(query), () => new Map([[appId, store]]));
      expect(replayed.status, path).toBe(200);
      expect(JSON.parse(JSON.stringify(replayed.body)), path).toEqual(answer);
    }
    expect(live.get('/storage/rdd')).toMatchObject([{ numCachedPartitions: 2, storageLevel: expect.stringContaining('Memory') }]);
    const jobs = live.get('/jobs') as { status: string }[];
    expect(jobs.map((job) => job.status)).toEqual(['FAILED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  it('flint history lists finished and running applications and serves their jobs', async () => {
    running = await FlintContext.create({ master: 'local[1]', appName: 'still-running', eventLog: dir, ui: false });
    await running.parallelize([1, 2, 3]).count();
    writeFileSync(join(dir, 'notes.txt'), 'not an event\n');
    history = await startHistoryProcess(dir, ['--refresh-ms', '200']);
    const get = async (path: string) => (await fetch(`${history!.url}/api/v1${path}`)).json();
    const apps = (await get('/applications')) as { id: string; name: string; attempts: { completed: boolean }[] }[];
    expect(apps.map((app) => [app.name, app.attempts[0].completed]).sort()).toEqual([
      ['history-run', true],
      ['still-running', false],
    ]);
    expect(await get(`/applications/${appId}/jobs`)).toEqual(live.get('/jobs'));
    expect(history.stderr()).toContain('history: skipping notes.txt:1: not an event log line (not JSON): not an event\n');
    const index = await (await fetch(`${history.url}/`)).text();
    expect(index).toContain('/app.js');
    expect(await get('/ui')).toEqual({ mode: 'history' });

    await running.stop();
    running = undefined;
    await expect
      .poll(async () => ((await get('/applications')) as { name: string; attempts: { completed: boolean }[] }[]).every((app) => app.attempts[0].completed), { timeout: 20_000 })
      .toBe(true);
  });

  it('says in one line that DIR does not exist', async () => {
    const missing = join(dir, 'no-such-dir');
    const result = await runFlint(['history', missing, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`flint history: event log directory not found: ${missing}\n`);
  });

  it('has its help in the flint command', async () => {
    const result = await runFlint(['help', 'history']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: flint history DIR \[options\]\n/);
    const usage = await runFlint(['history']);
    expect([usage.code, usage.stderr]).toEqual([2, "flint history: expected 1 argument, got 0 (see 'flint history --help')\n"]);
  });
});
