import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WORKER_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');

/**
 * Starts executors and stops each one after a growing delay, so that some stops land while the task
 * threads are still loading their modules. Piscina require()s its task file first; had that file been the
 * ES module itself, a stop during the module graph's instantiation aborted the whole process (Node's
 * require(esm): "v8::Module::IsGraphAsync must be used on an instantiated module"). Run in a child process
 * because such an abort takes the process with it.
 */
const STOP_WHILE_STARTING = `
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const { Executor } = await import(process.argv[1]);
let stopped = 0;
for (let delay = 150; delay <= 480; delay += 30) {
  const directory = mkdtempSync(join(tmpdir(), 'flint-stop-while-starting-'));
  const executor = new Executor({ id: 'exec', threads: 2, memoryBudget: 1 << 20, directory, log: () => {} });
  await new Promise((resolve) => setTimeout(resolve, delay));
  await executor.stop();
  stopped++;
}
console.log('stopped ' + stopped);
`;

describe('an executor stopped while its task threads start', () => {
  it('stops cleanly, without taking its process down', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', STOP_WHILE_STARTING, WORKER_DIST], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect({ status: child.status, signal: child.signal }).toEqual({ status: 0, signal: null });
    expect(child.stdout.trim()).toBe('stopped 12');
  }, 90_000);
});
