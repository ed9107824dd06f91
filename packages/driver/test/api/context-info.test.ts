// PySpark's SparkContext properties: defaultParallelism, defaultMinPartitions, applicationId,
// version, startTime, sparkUser(), uiWebUrl, getCheckpointDir(), resources, getOrCreate(),
// setSystemProperty, executorEnv (PySpark's `environment`) and `await using` (`with SparkContext() as sc`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
const before = Date.now();

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[3]', appName: 'api-context-info' });
});

afterAll(async () => {
  await fc.stop();
});

describe('SparkContext properties', () => {
  it('defaultParallelism is the task slots and defaultMinPartitions min(it, 2)', () => {
    expect(fc.defaultParallelism).toBe(3);
    expect(fc.defaultMinPartitions).toBe(2);
    expect(fc.parallelize([1, 2, 3]).getNumPartitions()).toBe(3);
  });

  it('applicationId is unique per context and names the app', async () => {
    const other = await FlintContext.create({ master: 'local[1]', appName: 'api-context-info' });
    try {
      expect(fc.applicationId).toMatch(/^api-context-info-/);
      expect(other.applicationId).not.toBe(fc.applicationId);
    } finally {
      await other.stop();
    }
  });

  it('version is the driver package version; startTime when the context was created', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(fc.version).toBe(pkg.version);
    expect(fc.startTime).toBeGreaterThanOrEqual(before);
    expect(fc.startTime).toBeLessThanOrEqual(Date.now());
  });

  it('sparkUser() is SPARK_USER or the OS user; uiWebUrl is the driver UI, null with ui: false', async () => {
    expect(fc.sparkUser()).toBe(process.env.SPARK_USER ?? os.userInfo().username);
    expect(fc.uiWebUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const apps = (await (await fetch(`${fc.uiWebUrl}/api/v1/applications`)).json()) as { id: string }[];
    expect(apps.map((app) => app.id)).toEqual([fc.applicationId]);
    const withoutUi = await FlintContext.create({ master: 'local[1]', ui: false });
    try {
      expect(withoutUi.uiWebUrl).toBeNull();
    } finally {
      await withoutUi.stop();
    }
  });

  it('getCheckpointDir() is null until setCheckpointDir', () => {
    expect(fc.getCheckpointDir()).toBeNull();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-info-'));
    try {
      fc.setCheckpointDir(dir);
      expect(fc.getCheckpointDir()).toBe(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('getOrCreate and resources', () => {
  it('getOrCreate returns the context created last that still runs', async () => {
    expect(await FlintContext.getOrCreate({ appName: 'not-used' })).toBe(fc);
    const own = await FlintContext.create({ master: 'local[1]', appName: 'api-context-info-own' });
    expect(await FlintContext.getOrCreate()).toBe(own);
    await own.stop();
    expect(await FlintContext.getOrCreate()).toBe(fc);
  });

  it('resources is empty: Flint assigns no GPUs or other resources to the driver', () => {
    expect(fc.resources.size).toBe(0);
  });
});

// Last in the file: a system property stays set for every context the process creates afterwards.
describe('setSystemProperty and await using', () => {
  it('a system property is an option of later contexts, below the options the program gives', async () => {
    FlintContext.setSystemProperty('appName', 'from-system-property');
    FlintContext.setSystemProperty('spark.ui.enabled', 'false');
    FlintContext.setSystemProperty('maxFailures', '2');
    FlintContext.setSystemProperty('spark.executorEnv.FLINT_FROM_PROPERTY', 'p');
    let used: FlintContext | undefined;
    {
      await using later = await FlintContext.create({ master: 'local[1]', maxFailures: 3, executorEnv: { FLINT_FROM_OPTION: 'o' } });
      used = later;
      expect(later.appName).toBe('from-system-property');
      expect(later.uiWebUrl).toBeNull();
      expect(later.getConf().get('maxFailures')).toBe('3');
      expect(await later.parallelize([1, 2, 3]).count()).toBe(3);
      // The executors' environment merges variable by variable; tasks and their piped commands see it, the driver does not.
      const seen = await later.parallelize([1, 2], 2).map(() => `${process.env.FLINT_FROM_PROPERTY}/${process.env.FLINT_FROM_OPTION}`).collect();
      expect(seen).toEqual(['p/o', 'p/o']);
      expect(await later.parallelize(['x'], 1).pipe('printenv FLINT_FROM_OPTION').collect()).toEqual(['o']);
      expect(process.env.FLINT_FROM_OPTION).toBeUndefined();
    }
    // The block's end stopped the context: it is no longer the one getOrCreate returns.
    expect(await FlintContext.getOrCreate()).toBe(fc);
    await expect(used.parallelize([1]).count()).rejects.toThrow(/stopped/);
  });

  it('an unknown key or a bad value is a one-line error naming the key', () => {
    expect(() => FlintContext.setSystemProperty('spark.executor.bogus', '1')).toThrow(/unknown option 'spark.executor.bogus'/);
    expect(() => FlintContext.setSystemProperty('maxFailures', 'many')).toThrow(/maxFailures: must be a positive integer, got 'many'/);
    expect(() => FlintContext.setSystemProperty('flint.task.timeout', 'soon')).toThrow("flint.task.timeout: must be a time such as 60s, 5min or 500ms, got 'soon'");
  });

  it('flint.task.timeout takes Spark\'s time strings (a bare number is seconds) and sets taskTimeoutMs', async () => {
    for (const [text, ms] of [['2min', '120000'], ['90', '90000'], ['1500ms', '1500']] as const) {
      FlintContext.setSystemProperty('flint.task.timeout', text);
      await using timed = await FlintContext.create({ master: 'local[1]' });
      expect(timed.getConf().get('taskTimeoutMs')).toBe(ms);
    }
  });

  it('an option given in code with a bad value fails with one line naming it, before anything starts', async () => {
    await expect(FlintContext.create({ master: 'local[1]', uiPort: -1 })).rejects.toThrow("FlintContext option uiPort must be a port number (0 for any free port), got '-1'");
    await expect(FlintContext.create({ master: 'local[1]', maxFailures: 1.5 })).rejects.toThrow("FlintContext option maxFailures must be a positive integer, got '1.5'");
  });
});
