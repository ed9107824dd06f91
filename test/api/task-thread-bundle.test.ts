/**
 * The task thread's bundle (scripts/bundle-task-thread.mjs, run by `npm run build`): a thread loads
 * it only while every package it holds is as it was bundled (bundle/built-from names each
 * package's .tsbuildinfo, which tsc rewrites whenever it emits), and with it a SQL job's task
 * threads load no plain module of Flint's: one copy of each class on a thread.
 */
import { isAscii } from 'node:buffer';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFromText, bundleIsFresh } from '@flint/rdd/bundle-freshness';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const logModules = join(root, 'test/api/sql-layer-loading/log-module-loads.mjs');
// Inside the repository, so that a copy's bare imports (@flint/rdd, msgpackr) resolve.
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
const scratch = mkdtempSync(join(root, 'test-artifacts', 'task-thread-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a bundle made from several packages', () => {
  it('is current while each .tsbuildinfo it names is unchanged, or absent (an installed package)', () => {
    const dist = join(scratch, 'worker', 'dist');
    const other = join(scratch, 'rdd', 'dist');
    mkdirSync(join(dist, 'bundle'), { recursive: true });
    mkdirSync(other, { recursive: true });
    writeFileSync(join(dist, '.tsbuildinfo'), 'worker');
    writeFileSync(join(other, '.tsbuildinfo'), 'rdd');
    expect(bundleIsFresh(dist)).toBe(false);
    writeFileSync(join(dist, 'bundle', 'built-from'), builtFromText(dist, ['.tsbuildinfo', '../../rdd/dist/.tsbuildinfo']));
    expect(bundleIsFresh(dist)).toBe(true);
    // What `tsc -b` after an edit of the other package does: its .tsbuildinfo is written again.
    writeFileSync(join(other, '.tsbuildinfo'), 'rdd, edited');
    expect(bundleIsFresh(dist)).toBe(false);
    rmSync(join(other, '.tsbuildinfo'));
    rmSync(join(dist, '.tsbuildinfo'));
    expect(bundleIsFresh(dist)).toBe(true);
    writeFileSync(join(dist, 'bundle', 'built-from'), '');
    expect(bundleIsFresh(dist)).toBe(false);
  });
});

describe("the task thread's bundle", () => {
  /** The modules a piscina-less thread running `dist`'s task-thread entry loads (the thread's ids in the module log). */
  async function threadModules(dist: string, log: string): Promise<string[]> {
    writeFileSync(log, '');
    const thread = join(scratch, 'thread.cjs');
    writeFileSync(thread, `require(${JSON.stringify(join(dist, 'thread', 'task-thread-entry.cjs'))}).default.then(() => require('node:worker_threads').parentPort.postMessage('ready'));`);
    const script = join(scratch, 'start-thread.mjs');
    writeFileSync(script, `import { Worker } from 'node:worker_threads'; const w = new Worker(${JSON.stringify(thread)}); await new Promise((ready) => w.once('message', ready)); await w.terminate();`);
    await run(process.execPath, ['--import', logModules, script], { cwd: root, env: { ...process.env, FLINT_TEST_MODULE_LOG: log } });
    return readFileSync(log, 'utf8').trim().split('\n').filter((line) => !line.startsWith('0 ')).map((line) => line.split(' ')[1]!);
  }

  it('is loaded while current; after any package it holds is compiled again, the plain modules are', async () => {
    const dist = join(scratch, 'copy', 'dist');
    cpSync(join(root, 'packages/worker/dist'), dist, { recursive: true, filter: (path) => !/\.(d\.c?ts|map)$/.test(path) });
    const info = join(scratch, 'copy', 'other.tsbuildinfo');
    writeFileSync(info, 'as bundled');
    writeFileSync(join(dist, 'bundle', 'built-from'), builtFromText(dist, ['../other.tsbuildinfo']));
    const log = join(scratch, 'thread-modules.log');
    const fresh = await threadModules(dist, log);
    expect(fresh.filter((url) => /\/task-thread\.c?js$/.test(url))).toEqual([`file://${dist}/bundle/task-thread.cjs`]);
    writeFileSync(info, 'compiled again');
    const stale = await threadModules(dist, log);
    expect(stale.filter((url) => /\/task-thread\.c?js$/.test(url))).toEqual([`file://${dist}/thread/task-thread.js`]);
  });

  it("after `npm run build`, is what a SQL job's task threads load, and no plain module of Flint's", async () => {
    const log = join(scratch, 'job-modules.log');
    writeFileSync(log, '');
    const job = join(scratch, 'sql-job.mjs');
    writeFileSync(job, "import { FlintContext } from '@flint/driver'; const fc = await FlintContext.create({ master: 'local[2]', ui: false }); " +
      "const rows = await fc.sql('SELECT id % 2 AS k, count(*) AS n FROM range(100) GROUP BY id % 2 ORDER BY k').collect(); await fc.stop(); console.log(JSON.stringify(rows));");
    const { stdout } = await run(process.execPath, ['--import', logModules, job], { cwd: root, env: { ...process.env, FLINT_TEST_MODULE_LOG: log } });
    expect(JSON.parse(stdout)).toEqual([{ k: 0, n: 50 }, { k: 1, n: 50 }]);
    const onThreads = readFileSync(log, 'utf8').trim().split('\n').filter((line) => !line.startsWith('0 ')).map((line) => line.split(' ')[1]!);
    const flint = onThreads.filter((url) => url.includes('/packages/'));
    expect(flint.filter((url) => url.endsWith('/packages/worker/dist/bundle/runtime.cjs')).length).toBeGreaterThan(0);
    expect(flint.filter((url) => !url.includes('/packages/worker/dist/bundle/'))).toEqual([]);
  });

  it("starts, and runs a SQL query and an RDD task, without node:crypto, node:v8, node:fs/promises or Node's ES module resolver", async () => {
    const job = join(scratch, 'builtins-job.mjs');
    // One thread (local[1]) runs both jobs; the second reports what the thread has loaded. The
    // resolver would be loaded for @flint/sql's package exports, which the executor resolves for it.
    writeFileSync(job, "import { FlintContext } from '@flint/driver'; const fc = await FlintContext.create({ master: 'local[1]', ui: false }); " +
      "const rows = await fc.sql('SELECT id % 3 AS k, sum(id) AS s FROM range(1000) GROUP BY id % 3 ORDER BY k').collect(); " +
      "const loaded = await fc.parallelize([0], 1).map(() => process.moduleLoadList.filter((name) => /^NativeModule (crypto|v8|fs\\/promises|internal\\/modules\\/esm\\/resolve)$/.test(name))).collect(); " +
      'await fc.stop(); console.log(JSON.stringify({ rows, loaded }));');
    const { stdout } = await run(process.execPath, [job], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({ rows: [{ k: 0, s: 166833 }, { k: 1, s: 166167 }, { k: 2, s: 166500 }], loaded: [[]] });
  });

  it("after `npm run build`, is ASCII, as the SQL layer's bundle is: V8 holds their source one byte a character", () => {
    const bundles = ['packages/worker/dist/bundle/task-thread.cjs', 'packages/worker/dist/bundle/runtime.cjs', 'packages/sql/dist/bundle/layer.cjs'];
    expect(bundles.filter((bundle) => !isAscii(readFileSync(join(root, bundle))))).toEqual([]);
  });

  it("loads msgpackr's native string extractor at a thread's first large message, not at its start, and only its binary", async () => {
    const job = join(scratch, 'extractor-job.mjs');
    // Inlined in each function: a shipped function sees only its arguments. The executor names the
    // binary its own process loaded: the thread loads no module that looks for it (node-gyp-build).
    const loaded =
      "Object.keys(process.getBuiltinModule('module')._cache).filter((path) => /msgpackr-extract|node-gyp-build|detect-libc/.test(path)).map((path) => (path.endsWith('.node') ? 'binary' : path))";
    writeFileSync(job, "import { FlintContext } from '@flint/driver'; const fc = await FlintContext.create({ master: 'local[1]', ui: false }); " +
      `const small = await fc.parallelize([1, 2, 3], 1).map((x) => [x, ${loaded}]).collect(); ` +
      "const words = Array.from({ length: 20000 }, (_, i) => `word ${i} of the large partition`); " +
      `const large = await fc.parallelize(words, 1).mapPartitions((it) => { const all = [...it]; return [[all.length, all[0], all[all.length - 1], ${loaded}]]; }).collect(); ` +
      'await fc.stop(); console.log(JSON.stringify({ small, large }));');
    const { stdout } = await run(process.execPath, [job], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({
      small: [[1, []], [2, []], [3, []]],
      large: [[20000, 'word 0 of the large partition', 'word 19999 of the large partition', ['binary']]],
    });
  });
});
