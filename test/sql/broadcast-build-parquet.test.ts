/**
 * Broadcast joins whose build side is a Parquet scan, taken a batch at a time where its key
 * column arrives as a typed array (physical/bulk-build-parts.ts) and row by row where it holds
 * nulls: a dictionary string column whose row groups number its values differently (nulls
 * among them), a plain-encoded string column, a double column with nulls, a key repeated, build
 * rows no fact row matches, build keys read above the join (bound to the stream keys they
 * equal, not carried in the table), and build keys that are a run of consecutive ids through
 * negative ones (probed by position, no index), fact keys below and past it, and ids spread too
 * wide for an array of positions (a Map), some repeated. Each answer is DuckDB's on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

// DuckDB cuts row groups at multiples of its 2,048-row vectors.
const ROW_GROUP = 2_048;

/** Rows in one order, whatever order the engine returned them in. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('broadcast joins over a Parquet build side (local[2]) against DuckDB', () => {
  let dir: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  const paths = { dim: '', fact: '', run: '', sparse: '' };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-broadcast-build-'));
    paths.dim = join(dir, 'dim.parquet');
    paths.fact = join(dir, 'fact.parquet');
    paths.run = join(dir, 'run.parquet');
    paths.sparse = join(dir, 'sparse.parquet');
    db = await DuckDbReference.open(1);
    // dim: ids 0..5999, each once except every 100th twice (a second row with its own values);
    // the third row group's ids have nulls (a plain column there, read row by row); seg's values
    // come in another first-seen order in each row group; w has nulls; name is distinct per row.
    await db.query(
      `copy (select case when i >= ${2 * ROW_GROUP} and i % 9 = 0 then null else (case when i >= 6000 then (i - 6000) * 100 else i end) end::int as id, ` +
        `case when i % 13 = 0 then null else 's' || ((i + i // ${ROW_GROUP}) % 5) end as seg, ` +
        `case when i % 7 = 0 then null else i / 8 end::double as w, 'name' || i as name, (i % 3)::int as id2 ` +
        `from range(0, 6060) t(i)) to '${paths.dim}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    await db.query(`copy (select ((i * 7919) % 6500)::int as k, (i % 40) / 4 as x, (i % 3)::int as k2 from range(0, 20000) t(i)) to '${paths.fact}' (format parquet)`);
    // run: ids -100..2899 in order over two row groups, a run of consecutive keys (probed without an index).
    await db.query(
      `copy (select (i - 100)::int as id, 's' || (i % 5) as seg, case when i % 7 = 0 then null else i / 8 end::double as w from range(0, 3000) t(i) order by i) ` +
        `to '${paths.run}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    // sparse: ids spread over a range far wider than their count (negatives among them, every 50th twice).
    await db.query(
      `copy (select ((i % 3000) * 100003 - 500000)::int as id, 's' || (i % 4) as seg from range(0, 3060) t(i)) to '${paths.sparse}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    fc = await FlintContext.create({ master: 'local[2]' });
    fc.read.parquet(paths.dim).createOrReplaceTempView('dim');
    fc.read.parquet(paths.fact).createOrReplaceTempView('fact');
    fc.read.parquet(paths.run).createOrReplaceTempView('run');
    fc.read.parquet(paths.sparse).createOrReplaceTempView('sparse');
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const queries: Record<string, string> = {
    'an inner join grouped by a build-side dictionary string': 'select d.seg, sum(f.x) as s, count(*) as n from fact f join dim d on f.k = d.id group by d.seg',
    'an inner join carrying every build column': 'select f.k, f.x, d.id, d.seg, d.w, d.name from fact f join dim d on f.k = d.id',
    // The build keys' values come from the stream keys they equal (broadcastProbe's keyBound): each its own.
    'an inner join on two integer keys carrying both': 'select f.k, f.k2, f.x, d.id, d.id2, d.seg from fact f join dim d on f.k = d.id and f.k2 = d.id2',
    'an inner join grouped by a build-side dictionary string, the build keys a run': 'select r.seg, sum(f.x) as s, count(*) as n from fact f join run r on f.k - 300 = r.id group by r.seg',
    // The probe of a run reads its one match without a loop (broadcast-probe.ts withUniqueMatches): a filter after it skips the row.
    'an inner join filtered on a build column, the build keys a run': 'select f.k, f.x, r.seg, r.w from fact f join run r on f.k - 300 = r.id where r.w > 100 or r.w is null',
    // Two probes in one loop: the run's without a loop, dim's (repeated ids) with one.
    'two inner joins, one build side a run, the other with repeated keys': 'select r.seg, d.seg as dseg, count(*) as n, sum(f.x) as s from fact f join run r on f.k - 300 = r.id join dim d on f.k = d.id group by r.seg, d.seg',
    'a left join carrying build columns, the build keys a run': 'select f.k, f.x, r.id, r.seg, r.w from fact f left join run r on f.k - 300 = r.id',
    'an anti join, the build keys a run': 'select f.k, f.x from fact f where not exists (select 1 from run r where r.id = f.k - 300)',
    // Null-aware: the table has no null key and is not empty, so only the fact keys in the run go.
    'a NOT IN over a run of build keys': 'select f.k, f.x from fact f where f.k - 300 not in (select r.id from run r)',
    'a semi join, the build keys a run': 'select f.k, f.x from fact f where f.k - 300 in (select r.id from run r)',
    'an inner join on ids spread too wide for an array, some repeated': 'select s.seg, sum(f.x) as s, count(*) as n from fact f join sparse s on f.k * 100003 - 500000 = s.id group by s.seg',
    'a left join grouped by build-side columns': 'select d.seg, d.w is null as nw, count(*) as n, sum(f.x) as s from fact f left join dim d on f.k = d.id group by d.seg, d.w is null',
  };
  for (const [name, sql] of Object.entries(queries)) {
    it(`answers ${name} as DuckDB does`, async () => {
      const df = fc.sql(sql);
      expect(df.explainString()).toContain('BroadcastHashJoin');
      const expected = await db.query(sql.replace('from fact f', `from '${paths.fact}' f`).replace('join dim d', `join '${paths.dim}' d`).replace(/(join|from) run r/, `$1 '${paths.run}' r`).replace('join sparse s', `join '${paths.sparse}' s`));
      const actual = await df.collect();
      expect(actual.length).toBe(expected.length);
      expect(sorted(actual)).toEqual(sorted(expected));
    });
  }
});
