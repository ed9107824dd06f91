/**
 * fc.getConf() and fc.setLogLevel() in a job run by `flint submit`, as a user runs one: the
 * options given with --conf, --master and --name show in getConf(), and the driver's notices on
 * stderr follow the log level.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from './run-flint.js';

const JOB = `
import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ executorMemory: 64 * 1024 * 1024 });
const conf = fc.getConf();
console.log(JSON.stringify({ all: conf.getAll(), maxFailures: conf.get('maxFailures'), missing: conf.get('missing', 'fallback'), hasMaster: conf.contains('master') }));
// A WARN notice at the default level: printed.
fc.parallelize([1], 1).mapPartitionsWithSplit((i, it) => it);
fc.setLogLevel('error');
// Another WARN notice, below ERROR: not printed.
console.log(JSON.stringify(await fc.parallelize([1, 2], 2).collectWithJobGroup('g', 'quiet')));
try {
  fc.setLogLevel('LOUD');
} catch (error) {
  console.log(error.message);
}
await fc.stop();
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-conf-'));
  writeFileSync(join(dir, 'job.mjs'), JOB);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('getConf and setLogLevel in a submitted job', () => {
  it('reflects the submitted options and filters the notices by level', async () => {
    const run = await runFlint(['submit', join(dir, 'job.mjs'), '--master', 'local[1]', '--name', 'conf-job', '--conf', 'maxFailures=2'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const [confLine, collected, levelError] = run.stdout.trim().split('\n');
    expect(JSON.parse(confLine)).toEqual({
      all: [
        ['appName', 'conf-job'],
        ['executorMemory', String(64 * 1024 * 1024)],
        ['master', 'local[1]'],
        ['maxFailures', '2'],
        ['mode', 'memory'],
      ],
      maxFailures: '2',
      missing: 'fallback',
      hasMaster: true,
    });
    expect(JSON.parse(collected)).toEqual([1, 2]);
    expect(levelError).toBe('requirement failed: Supplied level LOUD did not match one of: ALL,DEBUG,ERROR,FATAL,INFO,OFF,TRACE,WARN');
    expect(run.stderr).toContain('[flint] mapPartitionsWithSplit is deprecated');
    expect(run.stderr).not.toContain('collectWithJobGroup');
  });
});
