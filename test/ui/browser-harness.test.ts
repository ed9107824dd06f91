/**
 * The browser harness itself: a page served by @flint/net updates from a server-sent event
 * without a reload, its screenshot is a real PNG on disk, and no chromium process outlives close().
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenHttp, type HttpServer } from '@flint/net';
import { isProcessAlive, launchBrowser, runningProcessesInGroup, withBrowser } from './browser.js';

const PAGE = `<!doctype html><title>harness</title><p id="status">waiting</p>
<script>new EventSource('/events').onmessage = (e) => { document.getElementById('status').textContent = e.data; };</script>`;

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function servePageWithEvents(): Promise<{ url: string; send(data: string): void }> {
  const streams = new Set<ServerResponse>();
  server = await listenHttp({
    name: 'harness test page',
    host: '127.0.0.1',
    port: 0,
    handle(request, response) {
      if (request.url === '/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        response.write(': open\n\n');
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(PAGE);
    },
  });
  const url = `http://127.0.0.1:${server.address.port}/`;
  return { url, send: (data) => streams.forEach((stream) => stream.write(`data: ${data}\n\n`)) };
}

describe('browser harness', () => {
  it('sees a server-sent event change the page, saves a PNG and leaves no chromium behind', async () => {
    const { url, send } = await servePageWithEvents();
    let pid = 0;
    await withBrowser(async (browser) => {
      pid = browser.pid;
      const page = await browser.newPage({ width: 390, height: 844 });
      await page.goto(url);
      await expect.poll(() => page.locator('#status').textContent()).toBe('waiting');
      await expect
        .poll(async () => {
          send('worker-1 dead');
          return page.locator('#status').textContent();
        })
        .toBe('worker-1 dead');
      const png = await readFile(await browser.screenshot(page, 'browser-harness'));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(isProcessAlive(pid)).toBe(true);
    });
    expect(pid).toBeGreaterThan(0);
    expect(isProcessAlive(pid)).toBe(false);
    expect(runningProcessesInGroup(pid)).toEqual([]);
  });

  it('closes the browser when the test body throws', async () => {
    let pid = 0;
    await expect(
      withBrowser(async (browser) => {
        pid = browser.pid;
        throw new Error('test body failed');
      }),
    ).rejects.toThrow('test body failed');
    expect(isProcessAlive(pid)).toBe(false);
    expect(runningProcessesInGroup(pid)).toEqual([]);
  });

  it('fails with one clear line when chromium is missing', async () => {
    await expect(launchBrowser('/nonexistent/chromium')).rejects.toThrow(
      'chromium not found at /nonexistent/chromium: install it with "apt-get install -y chromium" (.ci/run does), or set FLINT_CHROMIUM',
    );
  });
});
