/**
 * The browser harness for UI tests: Debian's chromium, headless, driven by playwright-core.
 * The browser runs in its own process group (playwright spawns it detached), and `close()` kills
 * that group by the browser's PID if a graceful close did not end it, so no chromium outlives a
 * test, also when the test fails. A missing chromium fails the test with one clear line.
 *
 *   const browser = await launchBrowser();
 *   try {
 *     const page = await browser.newPage({ width: 390, height: 844 });
 *     await page.goto(url);
 *     await browser.screenshot(page, 'cluster-ui');
 *   } finally {
 *     await browser.close();
 *   }
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

/** Override with FLINT_CHROMIUM for a chromium elsewhere (a developer machine). */
export const CHROMIUM_PATH = process.env.FLINT_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../test-artifacts');

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const GRACEFUL_CLOSE_MS = 5_000;

export interface Viewport {
  width: number;
  height: number;
}

export interface TestBrowser {
  /** The chromium browser process's PID (also its process group id). */
  readonly pid: number;
  newPage(viewport?: Viewport): Promise<Page>;
  /** Saves a full-page PNG as test-artifacts/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Closes the browser; idempotent, never throws. */
  close(): Promise<void>;
}

export async function launchBrowser(executablePath = CHROMIUM_PATH): Promise<TestBrowser> {
  if (!existsSync(executablePath)) {
    throw new Error(`chromium not found at ${executablePath}: install it with "apt-get install -y chromium" (.ci/run does), or set FLINT_CHROMIUM`);
  }
  const server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_FLAGS, host: '127.0.0.1', port: 0 });
  const pid = server.process().pid;
  if (pid === undefined) {
    await server.kill();
    throw new Error(`chromium at ${executablePath} did not start`);
  }
  let browser: Browser;
  try {
    browser = await chromium.connect(server.wsEndpoint());
  } catch (error) {
    await stopServer(server, pid);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    pid,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ viewport });
      return context.newPage();
    },
    async screenshot(page, name) {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close() {
      closing ??= browser.close().catch(() => undefined).then(() => stopServer(server, pid));
      return closing;
    },
  };
}

/** Runs `body` with a fresh browser and always closes it. */
export async function withBrowser<T>(body: (browser: TestBrowser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await body(browser);
  } finally {
    await browser.close();
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The PIDs of processes still running in a process group, from /proc. Zombies do not count: once
 * chromium's main process is gone its children are reparented to PID 1, which reaps them when it will.
 */
export function runningProcessesInGroup(pgid: number): number[] {
  const running: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') running.push(Number(entry));
  }
  return running;
}

async function stopServer(server: BrowserServer, pid: number): Promise<void> {
  const child = server.process();
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([server.close().catch(() => undefined), delay(GRACEFUL_CLOSE_MS)]);
  // Sweeps the group: whatever a graceful close left behind, or everything if it hung.
  killGroup(pid);
  await Promise.race([exited, delay(GRACEFUL_CLOSE_MS)]);
  for (let waited = 0; runningProcessesInGroup(pid).length > 0 && waited < GRACEFUL_CLOSE_MS; waited += 50) await delay(50);
}

/** Kills chromium's whole process group (renderers, GPU and zygote processes included). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
