/**
 * Speculation on a real cluster (local-cluster[2,1]): a straggler's copy is launched on the other
 * worker, wins, and the straggler is killed; the executors stay up, the answer is the sequential
 * one, and the driver UI's timeline shows the copy in its own colour and the original killed. As in
 * Spark, the copy is the partition's next attempt (its TaskContext.attemptNumber() is 1) with a
 * task id of its own.
 * The straggler is whichever attempt of the last partition starts first (it claims a marker
 * file); the copy finds the file taken and finishes at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext, capture, type EventOf, type SchedulerEvent, type TaskContext as DriverTaskContext } from '@flint/driver';

// Shipped functions name TaskContext as a global, which task threads define (see test/faults/user-code-faults.test.ts).
declare const TaskContext: typeof DriverTaskContext;

// Long enough that a job done before it proves the copy won even on a loaded machine; the straggler is
// killed when the copy wins, so the test does not wait for it.
const STRAGGLER_MS = 15_000;
let fc: FlintContext;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flint-speculation-'));
  fc = await FlintContext.create({ master: 'local-cluster[2,1]', uiPort: 0, progress: false, speculation: { minRuntimeMs: 200, intervalMs: 50 } });
});
afterAll(async () => {
  await fc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("runs a straggler's speculative copy on the other worker, keeps the copy's result and shows it apart in the UI", async () => {
  const events: SchedulerEvent[] = [];
  fc.addListener((event) => events.push(event));
  const values = [0, 1, 2, 3, 4, 5];
  const doubled = fc.parallelize(values, values.length).map(
    capture({ marker: join(dir, 'straggler'), last: values.length - 1, ms: STRAGGLER_MS }, (x: number, { marker, last, ms }) => {
      let straggler = false;
      if (x === last) {
        try {
          (process as unknown as { getBuiltinModule(name: 'fs'): typeof import('node:fs') }).getBuiltinModule('fs').writeFileSync(marker, '', { flag: 'wx' });
          straggler = true;
        } catch {
          // another attempt of this partition claimed it first: this one is the copy
        }
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, straggler ? ms : 20);
      const context = TaskContext.get()!;
      return [x * 2, context.attemptNumber(), context.taskAttemptId()];
    }),
  );
  const started = Date.now();
  const answers = await doubled.collect();
  expect(Date.now() - started).toBeLessThan(STRAGGLER_MS);
  expect(answers.map(([doubledValue]) => doubledValue)).toEqual(values.map((x) => x * 2));

  await expect.poll(() => events.filter((e) => e.type === 'taskEnd' && e.partition === values.length - 1).length).toBe(2);
  expect(events.filter((e) => e.type === 'executorLost')).toEqual([]);
  const last = events.filter((e): e is EventOf<'taskStart'> | EventOf<'taskEnd'> => (e.type === 'taskStart' || e.type === 'taskEnd') && e.partition === values.length - 1);
  const [original, copy] = last.filter((e): e is EventOf<'taskStart'> => e.type === 'taskStart');
  expect(original.speculative).toBe(false);
  expect(copy).toMatchObject({ speculative: true });
  expect(copy.executorId).not.toBe(original.executorId);
  const ends = new Map(last.filter((e): e is EventOf<'taskEnd'> => e.type === 'taskEnd').map((e) => [e.taskId, e.status]));
  expect(ends).toEqual(new Map([[copy.taskId, 'success'], [original.taskId, 'killed']]));
  // As in Spark, the copy is the partition's next attempt, with a task id of its own after the stage's others.
  expect([original.attempt, copy.attempt]).toEqual([0, 1]);
  const firstIds = events.filter((e): e is EventOf<'taskStart'> => e.type === 'taskStart' && !e.speculative).map((e) => e.taskId);
  expect(copy.taskId).toBeGreaterThan(Math.max(...firstIds));
  // The winning copy's answer came from its own TaskContext: attempt 1, its task id.
  expect(answers[values.length - 1]).toEqual([(values.length - 1) * 2, 1, copy.taskId]);
  expect(answers.slice(0, -1).map(([, attempt]) => attempt)).toEqual([0, 0, 0, 0, 0]);

  const api = async (path: string): Promise<any> => (await fetch(`${fc.uiWebUrl}/api/v1/applications/${fc.applicationId}${path}`)).json();
  const [job] = await api('/jobs');
  const timeline = await api(`/timeline?jobId=${job.jobId}`);
  const category = new Map((timeline.tasks as { taskId: number; category: string }[]).map((t) => [t.taskId, t.category]));
  expect([category.get(copy.taskId), category.get(original.taskId)]).toEqual(['speculative', 'killed']);
}, 60_000);
