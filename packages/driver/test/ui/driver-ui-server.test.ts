/**
 * The driver UI's server: the next port when the asked one is taken, off with `ui: false` or
 * `flint.ui.enabled=false` from flint submit, spark.ui.retainedJobs, the pages' assets served locally, closed by
 * fc.stop(), and the stream that tells open pages which application changed.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { AppStatusStore } from '../../src/ui/status/app-status-store.js';
import { startUiServer } from '../../src/ui/server/ui-server.js';

const contexts: FlintContext[] = [];
let blocker: Server | undefined;

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((fc) => fc.stop()));
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
  delete process.env.FLINT_CONF;
});

async function create(options: Parameters<typeof FlintContext.create>[0]): Promise<FlintContext> {
  const fc = await FlintContext.create({ master: 'local[1]', ...options });
  contexts.push(fc);
  return fc;
}

function portOf(url: string | null): number {
  return Number(new URL(url ?? 'http://none').port);
}

describe('driver UI server', () => {
  it('takes the next free port when the asked one is in use', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', () => resolve()));
    const taken = (blocker.address() as { port: number }).port;
    const fc = await create({ uiPort: taken });
    expect(portOf(fc.uiWebUrl)).toBeGreaterThan(taken);
    expect(portOf(fc.uiWebUrl)).toBeLessThanOrEqual(taken + 15);
    expect((await fetch(`${fc.uiWebUrl}/api/v1/applications`)).status).toBe(200);
  });

  it('is off with ui: false and with flint.ui.enabled=false given by flint submit', async () => {
    expect((await create({ ui: false })).uiWebUrl).toBeNull();
    process.env.FLINT_CONF = JSON.stringify({ 'flint.ui.enabled': 'false' });
    const submitted = await create({});
    expect(submitted.uiWebUrl).toBeNull();
    expect(submitted.getConf().get('ui')).toBe('false');
  });

  it('keeps as many finished jobs as spark.ui.retainedJobs given by flint submit says', async () => {
    process.env.FLINT_CONF = JSON.stringify({ 'spark.ui.retainedJobs': '2' });
    const fc = await create({ uiPort: 0 });
    expect(fc.getConf().get('uiRetainedJobs')).toBe('2');
    for (let i = 0; i < 4; i++) await fc.parallelize([1, 2, 3]).count();
    const jobsUrl = `${fc.uiWebUrl}/api/v1/applications/${fc.applicationId}/jobs`;
    const jobs = async () => ((await (await fetch(jobsUrl)).json()) as { jobId: number; status: string }[]).map((j) => [j.jobId, j.status]);
    await expect.poll(jobs, { interval: 20, timeout: 20_000 }).toEqual([[3, 'SUCCEEDED'], [2, 'SUCCEEDED']]);
    await expect(create({ uiRetainedTasks: -1 })).rejects.toThrow("FlintContext option uiRetainedTasks must be a non-negative integer, got '-1'");
  });

  it('serves its pages and scripts itself and closes with fc.stop()', async () => {
    const fc = await create({ uiPort: 0 });
    const url = fc.uiWebUrl!;
    const index = await (await fetch(`${url}/`)).text();
    expect(index).toContain('<script type="module" src="/app.js">');
    for (const name of ['app.js', 'pages.js', 'stage-page.js', 'sql-plan.js', 'dag.js', 'timeline.js', 'style.css']) {
      const response = await fetch(`${url}/${name}`);
      expect(response.status, name).toBe(200);
      expect(await response.text(), name).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
    }
    expect((await fetch(`${url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${url}/api/v1/applications`, { method: 'POST' })).status).toBe(405);
    expect(await (await fetch(`${url}/api/v1/nothing`)).json()).toEqual({ message: 'no API endpoint /api/v1/nothing' });
    await fc.stop();
    await expect(fetch(`${url}/api/v1/applications`)).rejects.toThrow();
  });

  it('streams which application changed to open pages', async () => {
    const store = new AppStatusStore();
    store.apply({ type: 'applicationStart', time: 1, appId: 'app-7', appName: 'a', master: 'local', mode: 'memory', user: 'u', startTime: 1, flintVersion: '0', conf: [] });
    const server = await startUiServer({ mode: 'driver', host: '127.0.0.1', port: 0, portRetries: 0, stores: () => new Map([['app-7', store]]), unref: true });
    try {
      server.watch(store);
      const stream = await fetch(`${server.url}/api/v1/stream`);
      expect(stream.headers.get('content-type')).toBe('text/event-stream');
      const reader = stream.body!.getReader();
      store.apply({ type: 'executorAdded', time: 2, executorId: 'e1', host: 'h', slots: 1 });
      let received = '';
      while (!/event: change\ndata: .*\n\n/.test(received)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
      expect(received).toContain('event: change\ndata: ["app-7"]\n\n');
      await reader.cancel();
    } finally {
      await server.close();
    }
  });
});
