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

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-error-line-'));
  writeFileSync(join(dir, 'column.ts'), MISSPELLED_COLUMN);
  writeFileSync(join(dir, 'task.ts'), THROWING_TASK);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an uncaught error in a submitted job', () => {
  it('is one line with the error and the job line, exit code 1', async () => {
    const [column, task] = await Promise.all([runFlint(['submit', 'column.ts'], { cwd: dir }), runFlint(['submit', 'task.ts'], { cwd: dir })]);
    expect(column.code, column.stderr).toBe(1);
    expect(column.stderr).toBe(
      'flint submit: AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `regoin` cannot be resolved. ' +
        'Did you mean one of the following? [`region`, `quantity`]. SQLSTATE: 42703 (at column.ts:4:13)\n',
    );
    expect(task.code, task.stderr).toBe(1);
    // The throw's own line, or the map() call when the task frame could not be placed (the function was collected).
    expect(task.stderr).toMatch(
      /^flint submit: JobFailedError: Job aborted: task for partition 0 in stage 0 failed 1 times; most recent failure \(attempt 0\): RangeError: bad record 2 \(at task\.ts:(4:22|3:\d+)\)\n$/,
    );
  }, 30_000);
});
