/**
 * Every worker of a job dies (real SIGKILL, local-cluster): the driver says it is waiting for a
 * worker, and either fails with one clear line after the wait (which executors were lost, that no
 * worker is left, what to do) or, when a worker comes back in time, finishes the job correctly.
 * The job runs with `flint submit` in a process of its own, as a user runs it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from '../cli/run-flint.js';

let dir: string;
let job: string;

// Slow tasks (100 ms per record) so the workers die mid-job; `restart` brings one worker back.
const JOB = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create();
console.log(JSON.stringify({ namenodePid: fc.localCluster.namenodeProcess.pid }));
const sum = fc
  .parallelize(Array.from({ length: 40 }, (_, i) => i), 4)
  .map((x) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    return x;
  })
  .reduce((a, b) => a + b);
setTimeout(async () => {
  fc.localCluster.killWorker(0);
  fc.localCluster.killWorker(1);
  if (process.argv[2] === 'restart') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fc.localCluster.restartWorker(0);
  }
}, 600);
console.log(JSON.stringify({ sum: await sum }));
await fc.stop();
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-all-lost-'));
  job = join(dir, 'job.mjs');
  writeFileSync(job, JOB);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether the job's local-cluster namenode has ended (SIGKILLed at the driver's exit; a zombie counts as ended). */
async function namenodeGone(stdout: string): Promise<boolean> {
  const pid = (JSON.parse(stdout.split('\n')[0]) as { namenodePid: number }).namenodePid;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (!existsSync(`/proc/${pid}`) || readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] === 'Z') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(pid, 'SIGKILL');
  return false;
}

describe('all workers die mid-job', () => {
  it('fails with one clear line after saying it waits for a worker', async () => {
    const result = await runFlint(['submit', job, '--master', 'local-cluster[2,1]', '--conf', 'workerWaitMs=2000'], { cwd: dir, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^flint: all executors were lost \(.+, .+\) and no worker is left; waiting up to 2 s for a worker to register with the namenode at 127\.0\.0\.1:\d+$/));
    expect(lines.at(-1)).toMatch(
      /^flint submit: Job aborted: all executors were lost \(.+, .+\) and no worker registered with the namenode at 127\.0\.0\.1:(\d+) within 2 s; start workers \(flint worker --namenode 127\.0\.0\.1:\1\) and resubmit the job$/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await namenodeGone(result.stdout)).toBe(true);
  });

  it('goes on when a worker registers while it waits', async () => {
    const result = await runFlint(['submit', job, '--master', 'local-cluster[2,1]', '--', 'restart'], { cwd: dir, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/flint: all executors were lost .* waiting up to 30 s/);
    expect(result.stderr).toMatch(/flint: executor \S+ registered; the waiting jobs continue/);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual({ sum: (39 * 40) / 2 });
    expect(await namenodeGone(result.stdout)).toBe(true);
  });
});
