/** Running commands, logging and bounded waits for `npm run test:docker`. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const started = performance.now();
export const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
export const say = (line: string): void => console.log(`[test:docker ${elapsed()}] ${line}`);

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function tryRun(command: string, args: string[], env?: NodeJS.ProcessEnv): Ran {
  const result = spawnSync(command, args, { cwd: repo, env: env ?? process.env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) return { status: null, stdout: '', stderr: result.error.message };
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function run(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = tryRun(command, args, env);
  if (result.status !== 0) {
    const output = (result.stderr || result.stdout).trim().split('\n').slice(-10).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a value. After `timeoutMs` it fails with `what` and, when
 * given, `lastSeen()`: what the probe saw last, so the failure says how far things got.
 */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
  lastSeen?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastSeen ? `; last seen: ${lastSeen()}` : ''}`);
    await sleep(250);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
