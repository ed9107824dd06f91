/**
 * The SQL layer is loaded only by a program that uses it: an RDD job loads no module of @flint/sql
 * on the driver or on its task threads (Writables' Java number printing aside), nor the DFS
 * servers' modules (nor, on the threads of a job of local files, the DFS client), and the same
 * program's first DataFrame then loads it on both. The job runs as its own process with module
 * hooks that log, per thread, every module imported (sql-layer-loading/); the driver's require()
 * of the layer is read from require's cache. @flint/driver's stand-ins
 * for @flint/sql's exports act as the real values.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as driver from '@flint/driver';
import * as sql from '@flint/sql';

const run = promisify(execFile);
const fixtures = new URL('./sql-layer-loading/', import.meta.url);
const job = new URL('rdd-then-sql-job.mjs', fixtures).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'flint-sql-loading-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXPECTED = { counts: { a: 1, b: 3, c: 1 }, rows: [{ n: 3, word: 'b' }], sum: [{ total: 45 }] };
/** The one module of @flint/sql an RDD job's task threads load: Writables print doubles as Java does. */
const JAVA_NUMBER = '/packages/sql/dist/format/java-number.js';

/**
 * Modules of @flint/sql: plain ones, or the SQL runtime's file of the task thread's bundle
 * (scripts/bundle-task-thread.mjs, used while current), which holds @flint/sql's runtime.
 */
function sqlModules(lines: string[], thread: (id: string) => boolean): string[] {
  return lines.filter((line) => /\/packages\/(sql\/|worker\/dist\/bundle\/runtime\.cjs)/.test(line) && thread(line.split(' ')[0]!)).map((line) => line.split(' ')[1]!);
}
const TASK_THREAD = /\/packages\/worker\/dist\/(thread\/task-thread\.js|bundle\/task-thread\.cjs)$/;

describe('the SQL layer is loaded when a program first uses it', () => {
  it('an RDD job loads none of it on the driver or its task threads; a DataFrame then loads it on both', async () => {
    const log = join(scratch, 'modules.log');
    const { stdout } = await run(process.execPath, ['--import', new URL('log-module-loads.mjs', fixtures).pathname, job], {
      env: { ...process.env, FLINT_TEST_MODULE_LOG: log },
    });
    const { driverLoadedSqlForRdd, driverLoadedSqlForSql, ...results } = JSON.parse(stdout);
    expect(results).toEqual(EXPECTED);
    expect([driverLoadedSqlForRdd, driverLoadedSqlForSql]).toEqual([false, true]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const marker = lines.indexOf('SQL');
    const [rddPart, sqlPart] = [lines.slice(0, marker), lines.slice(marker + 1)];
    const driverThread = (id: string) => id === '0';
    const taskThreads = new Set(rddPart.filter((line) => TASK_THREAD.test(line)).map((line) => line.split(' ')[0]));
    expect(taskThreads.size).toBeGreaterThan(0);
    expect(taskThreads.has('0')).toBe(false);

    expect(sqlModules(rddPart, driverThread)).toEqual([]);
    // Nor does a local driver load the DFS servers (a worker process's datanode, the namenode).
    const dfsServers = rddPart.filter((line) => /\/packages\/dfs\/dist\/(datanode\/|namenode\/namenode\.js)/.test(line));
    expect(dfsServers).toEqual([]);
    const onThreads = sqlModules(rddPart, (id) => taskThreads.has(id));
    expect(onThreads.filter((url) => !url.endsWith(JAVA_NUMBER))).toEqual([]);
    // Its threads read no DFS file: they load no module of the DFS client or the network layer (but
    // its errors); the task thread's bundle holds them, run on a thread's first DFS read.
    const network = rddPart.filter((line) => taskThreads.has(line.split(' ')[0]!) && /\/packages\/(net\/dist\/(?!errors\.js)|dfs\/dist\/client\/dfs-client\.js)/.test(line));
    expect(network).toEqual([]);

    const runtimeLoads = sqlModules(sqlPart, (id) => taskThreads.has(id)).filter((url) => /\/packages\/(sql\/dist\/runtime-entry\.js|worker\/dist\/bundle\/runtime\.cjs)/.test(url));
    expect(runtimeLoads.length).toBeGreaterThan(0);
  });

  it('under tsx, whose require() hook would load a second copy, the layer loads with @flint/driver and works', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', job], { cwd: new URL('../..', import.meta.url).pathname });
    const { counts, rows, sum } = JSON.parse(stdout);
    expect({ counts, rows, sum }).toEqual(EXPECTED);
  });

  it("the SQL runtime, which a SQL program's task threads import, loads no JavaScript parser (acorn: the driver's alone)", async () => {
    const script = "import { createRequire } from 'node:module'; await import('@flint/sql/runtime'); " +
      "console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/node_modules/acorn/'))));";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url).pathname });
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('a SQL query is planned and run without loading a JavaScript parser on the driver: V8 checks the generated code', async () => {
    const script = "import { createRequire } from 'node:module'; import { FlintContext } from '@flint/driver'; " +
      "const fc = await FlintContext.create({ master: 'local[1]', ui: false }); " +
      "const rows = await fc.sql('SELECT id % 3 AS k, sum(id) AS s FROM range(10) GROUP BY id % 3 ORDER BY k').collect(); await fc.stop(); " +
      "console.log(JSON.stringify({ rows, acorn: Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/node_modules/acorn/')) }));";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url).pathname });
    expect(JSON.parse(stdout)).toEqual({ rows: [{ k: 0, s: 18 }, { k: 1, s: 12 }, { k: 2, s: 15 }], acorn: [] });
  });

  it("a CommonJS job require()s @flint/driver (no top-level await on that path) and runs SQL", async () => {
    const { stdout } = await run(process.execPath, [new URL('required-sql-job.cjs', fixtures).pathname]);
    expect(JSON.parse(stdout)).toEqual(EXPECTED.sum);
  });
});

describe('a SQL program on local[N]', () => {
  it('has every task thread import the SQL runtime as the driver loads the SQL layer, before any task arrives', async () => {
    const log = join(scratch, 'prefetch-modules.log');
    const { stdout } = await run(process.execPath, ['--import', new URL('log-module-loads.mjs', fixtures).pathname, new URL('sql-prefetch-job.mjs', fixtures).pathname], {
      env: { ...process.env, FLINT_TEST_MODULE_LOG: log },
    });
    const { beforeAnyTask, taskThreads, jobsBeforeAction, sum } = JSON.parse(stdout);
    expect(sum).toEqual(EXPECTED.sum);
    expect(jobsBeforeAction).toBe(0);
    expect(taskThreads).toHaveLength(2);
    expect(beforeAnyTask).toEqual(taskThreads);
  });
});

describe("@flint/driver's stand-ins for @flint/sql's exports", () => {
  it('are every value @flint/sql exports, and its constants', () => {
    expect(Object.keys(driver).filter((name) => name in sql).sort()).toEqual(Object.keys(sql).sort());
    expect(driver.SQL_PACKAGE).toBe(sql.SQL_PACKAGE);
    expect(driver.DECIMAL_MAX_PRECISION).toBe(sql.DECIMAL_MAX_PRECISION);
  });

  it('construct, call, answer instanceof and statics, subclass and enumerate as the real values', () => {
    const schema = new driver.StructType([new driver.StructField('a', new driver.IntegerType(), true)]);
    expect(schema).toBeInstanceOf(sql.StructType);
    expect(schema instanceof driver.StructType).toBe(true);
    expect(driver.StructType.fromDDL('a INT').equals(schema)).toBe(true);
    expect(driver.col('x')).toBeInstanceOf(sql.Column);
    expect(driver.functions.col('x') instanceof driver.Column).toBe(true);
    expect(Object.keys(driver.functions).sort()).toEqual(Object.keys(sql.functions).sort());
    class Wide extends driver.DecimalType {}
    const wide = new Wide(20, 2);
    expect(wide).toBeInstanceOf(sql.DecimalType);
    expect(wide.simpleString()).toBe('decimal(20,2)');
    expect(new driver.IntegerType().constructor).toBe(sql.IntegerType);
    expect(() => driver.parseDataType('no such type')).toThrow(/UNSUPPORTED_DATATYPE/);
  });
});
