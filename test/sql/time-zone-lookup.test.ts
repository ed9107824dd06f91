/**
 * The process's time zone, the session's default, is looked up through Intl, whose first use in a
 * process costs ~12 ms: the driver looks it up only for a query that reads it (a cast between text,
 * dates and timestamps, a time-zone-aware function), and once per process, not once per CSV read.
 * The job runs as its own process, counting the Intl.DateTimeFormat objects its driver makes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'flint-time-zone-lookup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('is looked up for the first query that reads it, and not again for CSV reads', async () => {
  const csv = join(scratch, 'people.csv');
  writeFileSync(csv, 'name,age\nAnn,31\n');
  const { stdout } = await run(process.execPath, [new URL('./time-zone-lookup/lookup-job.mjs', import.meta.url).pathname, csv]);
  const outcome = JSON.parse(stdout);
  expect(outcome.numbers).toEqual([
    { k: 'a', s: 4, m: 2, u: 'A' },
    { k: 'b', s: 2, m: 2, u: 'B' },
  ]);
  expect(outcome.madeForNumbers).toBe(0);
  expect(outcome.timestamps).toEqual([{ t: '2024-03-01 12:00:00' }]);
  expect(outcome.madeForTimestamps).toBe(1);
  expect(outcome.csv).toEqual([[{ name: 'Ann', age: '31' }], [{ name: 'Ann', age: '31' }]]);
  expect(outcome.madeForCsv).toBe(0);
});
