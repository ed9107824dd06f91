/**
 * @flint/sql's bundle (scripts/bundle-sql.mjs, run by `npm run build` after tsc): its entries load
 * it only while it was made from the compiled modules now in dist/ (a `tsc -b` alone after an edit
 * leaves it stale: the plain modules are loaded then), and with it @flint/driver and @flint/sql
 * imported side by side share one copy of the layer's classes (the runtime entry too, whichever
 * comes first), and a Parquet scan loads no module of hyparquet or fzstd from node_modules (the
 * bundle holds them).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const fixtures = new URL('./sql-bundle/', import.meta.url).pathname;
// Inside the repository, so that the copy's bare imports (@flint/rdd, apache-arrow) resolve.
mkdirSync(join(root, 'test-artifacts'), { recursive: true });
const scratch = mkdtempSync(join(root, 'test-artifacts', 'sql-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function whichCopy(dist: string, log: string) {
  writeFileSync(log, '');
  const { stdout } = await run(process.execPath, ['--import', join(root, 'test/api/sql-layer-loading/log-module-loads.mjs'), join(fixtures, 'which-copy.mjs'), dist], {
    env: { ...process.env, FLINT_TEST_MODULE_LOG: log },
  });
  return JSON.parse(stdout);
}

describe("@flint/sql's bundle", () => {
  it('is loaded while current; after tsc rewrites dist (a `tsc -b` alone), the plain modules are', async () => {
    const dist = join(scratch, 'dist');
    const bundle = join(root, 'packages/sql/dist/bundle');
    const copied = (path: string) => path !== bundle && !path.startsWith(`${bundle}/`) && !/\.(d\.c?ts|map)$/.test(path);
    cpSync(join(root, 'packages/sql/dist'), dist, { recursive: true, filter: copied });
    await run(process.execPath, [join(root, 'scripts/bundle-sql.mjs'), dist]);
    const log = join(scratch, 'modules.log');
    const fresh = { imported: 'bundle', required: 'bundle', runtime: 'bundle', sqlPackage: ['@flint/sql', '@flint/sql'], oneCopy: true };
    expect(await whichCopy(dist, log)).toEqual(fresh);
    // It runs as a vm script, which has no import(): toArrow's is its host's (see the next test).
    expect(readFileSync(join(dist, 'bundle', 'layer.cjs'), 'utf8')).not.toContain('import(');

    // An installed package has no .tsbuildinfo (package.json's files leave it out): its bundle is current.
    const info = join(dist, '.tsbuildinfo');
    const compiled = readFileSync(info);
    rmSync(info);
    expect(await whichCopy(dist, log)).toEqual(fresh);

    // What an edit of index.ts and `tsc -b` do: a module changes and .tsbuildinfo is written again.
    const index = join(dist, 'index.js');
    writeFileSync(index, readFileSync(index, 'utf8').replace("SQL_PACKAGE = '@flint/sql'", "SQL_PACKAGE = '@flint/sql edited'"));
    writeFileSync(info, compiled);
    const stale = { imported: 'plain', required: 'plain', runtime: 'plain', sqlPackage: ['@flint/sql edited', '@flint/sql edited'], oneCopy: true };
    expect(await whichCopy(dist, log)).toEqual(stale);
  });

  it('after `npm run build`, is what @flint/driver and @flint/sql load: one copy of the classes', async () => {
    const { stdout } = await run(process.execPath, [join(fixtures, 'driver-beside-sql.mjs')], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({
      thrownIn: 'bundle', dataFrame: true, schema: true, column: true, required: true, arrowTable: true, strict: true,
      rows: [{ id: 1, s: '1' }, { id: 2, s: '2' }],
    });
  });

  it('holds the Parquet decoders: a zstd Parquet read on local[2] loads no module of hyparquet or fzstd, on the driver or its task threads', async () => {
    const file = join(scratch, 'zstd.parquet');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`copy (select i::bigint as id, 'k' || (i % 5) as k from range(0, 1000) t(i)) to '${file}' (format parquet, compression zstd)`);
    db.closeSync();
    const log = join(scratch, 'parquet-modules.log');
    writeFileSync(log, '');
    const job = join(scratch, 'parquet-job.mjs');
    writeFileSync(job, "import { FlintContext } from '@flint/driver'; const fc = await FlintContext.create({ master: 'local[2]', ui: false }); " +
      `const rows = await fc.read.parquet(${JSON.stringify(file)}).groupBy('k').count().orderBy('k').collect(); await fc.stop(); console.log(JSON.stringify(rows));`);
    const { stdout } = await run(process.execPath, ['--import', join(root, 'test/api/sql-layer-loading/log-module-loads.mjs'), job], {
      cwd: root, env: { ...process.env, FLINT_TEST_MODULE_LOG: log },
    });
    expect(JSON.parse(stdout)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4'].map((k) => ({ k, count: 200 })));
    const modules = readFileSync(log, 'utf8').trim().split('\n');
    // The threads read the file with the task thread's bundle (scripts/bundle-task-thread.mjs), which holds them too.
    expect(modules.some((line) => line.includes('/packages/worker/dist/bundle/runtime.cjs'))).toBe(true);
    expect(modules.filter((line) => /\/node_modules\/(hyparquet|fzstd)\//.test(line))).toEqual([]);
  });
});
