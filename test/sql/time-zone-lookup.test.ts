/**
 * The process's time zone, the session's default, is looked up through Intl, whose first use in a
 * thread costs ~12 ms: the driver looks it up only for a query that reads it (a cast between text,
 * dates and timestamps, a time-zone-aware function), and once per process, not once per CSV read;
 * a task thread reading CSV never for a timestamp column it skips, and not even for one it parses when the zone is a fixed
 * offset such as the process's UTC here (io/values/time-zone.ts answers those without Intl). The job runs as its own process (TZ=UTC),
 * counting the Intl.DateTimeFormat objects each of its threads makes.
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

it('is looked up for the first query that reads it, not again for CSV reads, and not on a task thread reading UTC timestamps', async () => {
  const [people, visits, log] = [join(scratch, 'people.csv'), join(scratch, 'visits.csv'), join(scratch, 'intl.log')];
  writeFileSync(people, 'name,age\nAnn,31\n');
  writeFileSync(visits, 'name,seen\nAnn,2024-03-01 12:00:00\n');
  writeFileSync(log, '');
  const fixture = (name: string) => new URL(`./time-zone-lookup/${name}`, import.meta.url).pathname;
  const { stdout } = await run(process.execPath, ['--import', fixture('count-intl.mjs'), fixture('lookup-job.mjs'), people, visits], {
    env: { ...process.env, TZ: 'UTC', FLINT_TEST_INTL_LOG: log },
  });
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
  expect(outcome.names).toEqual([{ name: 'Ann' }]);
  expect(outcome.madeOnThreadsForCsv).toBe(0);
  expect(outcome.stamped).toEqual([{ name: 'Ann', seen: '2024-03-01 12:00:00' }]);
  expect(outcome.madeOnThreadsForTimestamps).toBe(0);
});
