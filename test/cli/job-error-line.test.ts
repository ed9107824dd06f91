/**
 * A submitted job that ends on an error it does not catch (a misspelled column, a task that
 * throws) prints one line naming the error and the job's own line, with no stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from './run-flint.js';

const MISSPELLED_COLUMN = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[1]', ui: false });
const sales = fc.createDataFrame([{ region: 'north', quantity: 3 }]);
await sales.select('regoin').show();
`;

const THROWING_TASK = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[1]', ui: false, maxFailures: 1 });
await fc.parallelize([1, 2, 3], 1).map((x: number) => {
  if (x === 2) throw new RangeError('bad record 2');
  return x;
}).collect();
`;

// A UDF that throws: the line is the UDF's, not the action's.
const THROWING_UDF = `import { FlintContext, functions as F } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[1]', ui: false, maxFailures: 1 });
const initial = F.udf((name: string) =>
  name.length > 3 ? (null as unknown as { x: string }).x : name, 'string');
await fc.createDataFrame([{ name: 'Alice' }]).select(initial('name')).show();
`;

// An action not awaited when the job stops the context.
const NOT_AWAITED = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[1]', ui: false });
fc.range(0, 2, 1, 2).count();
await fc.stop();
`;

// An action whose job runs when the context stops.
const STOPPED_WHILE_RUNNING = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[1]', ui: false });
const slow = fc.range(0, 2, 1, 2).map((x) => { const end = Date.now() + 20_000; while (Date.now() < end); return x; });
const running = slow.count().then(() => 'finished', (error: Error) => \`\${error.name}: \${error.message}\`);
while (fc.statusTracker().getActiveJobsIds().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
await fc.stop();
console.log(await running);
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-error-line-'));
  writeFileSync(join(dir, 'column.ts'), MISSPELLED_COLUMN);
  writeFileSync(join(dir, 'task.ts'), THROWING_TASK);
  writeFileSync(join(dir, 'not-awaited.ts'), NOT_AWAITED);
  writeFileSync(join(dir, 'stopped.ts'), STOPPED_WHILE_RUNNING);
  writeFileSync(join(dir, 'udf.ts'), THROWING_UDF);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JOBS = ['column.ts', 'task.ts', 'not-awaited.ts', 'stopped.ts', 'udf.ts'];

describe('an uncaught error in a submitted job', () => {
  it('is one line with the error and the job line, exit code 1; an action not awaited before fc.stop() says so', async () => {
    // The jobs run at once, to keep the test short.
    const [column, task, notAwaited, stopped, udf] = await Promise.all(JOBS.map((job) => runFlint(['submit', job], { cwd: dir })));
    expect(column.code, column.stderr).toBe(1);
    expect(column.stderr).toBe(
      'flint submit: AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `regoin` cannot be resolved. ' +
        'Did you mean one of the following? [`region`, `quantity`]. SQLSTATE: 42703 (at column.ts:4:13)\n',
    );
    expect(task.code, task.stderr).toBe(1);
    expect(task.stderr).toMatch(
      /^flint submit: JobFailedError: Job aborted: task for partition 0 in stage 0 failed 1 times; most recent failure \(attempt 0\): RangeError: bad record 2 \(at task\.ts:4:22\)\n$/,
    );
    expect(udf.code, udf.stderr).toBe(1);
    expect(udf.stderr).toMatch(/^flint submit: JobFailedError: .*TypeError: Cannot read properties of null \(reading 'x'\) \(at udf\.ts:4:\d+\)\n$/);
    expect(notAwaited.code, notAwaited.stderr).toBe(1);
    expect(notAwaited.stderr).toBe('flint submit: Error: Cannot run a job: this FlintContext was stopped before the job started (an action not awaited before fc.stop()?)\n');
    // A job already running is cancelled with Spark's message, its task thread ended (the task would spin 20 s).
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).toBe('JobCancelledError: Job 0 cancelled because FlintContext was shut down\n');
  }, 30_000);
});
