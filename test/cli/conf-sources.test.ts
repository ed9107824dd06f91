/**
 * The applicationStart event of a job run by `flint submit` reports each option's effective
 * value and where it came from: the job's code, a flag, --conf, the properties file, the
 * environment, or the default.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from './run-flint.js';

const JOB = `
import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ maxResultSize: 1000000, ui: false });
fc.addListener((event) => {
  if (event.type === 'applicationStart') console.log(JSON.stringify(event.conf));
});
await new Promise((resolve) => setTimeout(resolve, 10));
await fc.stop();
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-conf-sources-'));
  writeFileSync(join(dir, 'job.mjs'), JOB);
  writeFileSync(join(dir, 'flint.properties'), 'maxFailures 3\nworkerWaitMs 5000\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration sources', () => {
  it('tell the code, a flag, --conf, the properties file, the environment and the defaults apart', async () => {
    const run = await runFlint(
      ['submit', join(dir, 'job.mjs'), '--name', 'sources', '--properties-file', join(dir, 'flint.properties'), '--conf', 'workerWaitMs=7000', '--conf', 'flint.ui.showConsoleProgress=false'],
      { env: { FLINT_MODE: 'memory', FLINT_MASTER: 'local[2]' } },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const conf = Object.fromEntries((JSON.parse(run.stdout.trim()) as { key: string; value: string; source: string }[]).map(({ key, value, source }) => [key, `${value} (${source})`]));
    expect(conf).toMatchObject({
      maxResultSize: '1000000 (FlintContext option)',
      ui: 'false (FlintContext option)',
      appName: 'sources (flint submit flag)',
      workerWaitMs: '7000 (flint submit --conf)',
      progress: 'false (flint submit --conf)',
      maxFailures: '3 (properties file)',
      master: 'local[2] (environment)',
      mode: 'memory (environment)',
      executorMemory: `${512 * 1024 * 1024} (default)`,
    });
  });
});
