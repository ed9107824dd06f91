/**
 * Queries over a Parquet file of several row groups on one task thread (local[1]), so that a
 * released batch's memory holds a later row group's values (io/column-pool.ts): what a query
 * keeps — collected rows, a cache()d DataFrame's rows, a broadcast join's build side, a sort's
 * rows, binary values (views of the bytes read) — must not change when the next row groups are
 * read. Each answer is DuckDB's on the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { readParquetFooter, readRowGroupColumns } from '../../packages/sql/src/io/parquet/parquet-read.js';
import { DuckDbReference } from './duckdb-reference.js';

// DuckDB cuts row groups at multiples of its 2,048-row vectors; the last one is short.
const ROW_GROUP = 2_048;
const ROWS = 5 * ROW_GROUP + 300;

/** Rows in one order, whatever order the engine returned them in. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('queries over a multi-row-group Parquet file on one thread (local[1]) against DuckDB', () => {
  let dir: string;
  let path: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-batch-reuse-'));
    path = join(dir, 'facts.parquet');
    db = await DuckDbReference.open(1);
    // id: distinct ints; q: small ints with nulls in the third row group only; p: doubles
    // (multiples of 1/8, exact in any sum order); seg: a dictionary string.
    await db.query(
      `copy (select i::int as id, case when i // ${ROW_GROUP} = 2 and i % 5 = 0 then null else i % 11 end::int as q, ` +
        `(i % 97) / 8 as p, 's' || (i % 6) as seg from range(0, ${ROWS}) t(i)) to '${path}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    fc = await FlintContext.create({ master: 'local[1]' });
    fc.read.parquet(path).createOrReplaceTempView('facts');
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reference = (sql: string) => db.query(sql.replaceAll('facts', `'${path}'`));

  it('the file has several row groups', async () => {
    const groups = await db.query(`select distinct row_group_id from parquet_metadata('${path}')`);
    expect(groups.length).toBe(6);
  });

  it('collects every row of every row group', async () => {
    const sql = 'select id, q, p, seg from facts';
    expect(sorted(await fc.sql(sql).collect())).toEqual(sorted(await reference(sql)));
  });

  it('keeps a cache()d DataFrame\'s rows while later queries read the file again', async () => {
    const cached = fc.table('facts').cache();
    expect(await cached.count()).toBe(ROWS);
    // Another scan of the file on the same thread reuses the memory of the cached read's batches.
    await fc.sql('select seg, sum(p) from facts group by seg').collect();
    expect(sorted(await cached.collect())).toEqual(sorted(await reference('select id, q, p, seg from facts')));
    cached.unpersist();
  });

  it('reads binary values as bytes, each row group\'s kept while the next ones are read', async () => {
    const blobs = join(dir, 'blobs.parquet');
    // A byte no UTF-8 text has (0xFF) before each row's digits; DuckDB writes BLOB as an unannotated BYTE_ARRAY.
    await db.query(`copy (select i::int as id, '\\xFF'::blob || i::varchar::blob as b from range(0, ${ROWS}) t(i)) to '${blobs}' (format parquet, row_group_size ${ROW_GROUP})`);
    const rows = await fc.read.parquet(blobs).collect();
    expect(rows.length).toBe(ROWS);
    for (const { id, b } of rows) expect([...(b as Uint8Array)]).toEqual([0xff, ...Buffer.from(String(id))]);
    // The reader's own columns, every row group kept: a binary value is a view of its page's bytes,
    // which must not be a buffer the next row group is decoded into.
    const footer = readParquetFooter(blobs);
    const groups = footer.metadata.row_groups.map((_, g) => readRowGroupColumns(blobs, footer, g));
    const ids = groups.flatMap(([id]) => Array.from(id as ArrayLike<number>));
    const bytes = groups.flatMap(([, b]) => Array.from(b as ArrayLike<Uint8Array>, (v) => [...v]));
    expect(ids).toEqual(Array.from({ length: ROWS }, (_, i) => i));
    expect(bytes).toEqual(ids.map((id) => [0xff, ...Buffer.from(String(id))]));
  });

  const queries: Record<string, string> = {
    'a group-by': 'select seg, q, sum(p) as s, count(*) as n from facts group by seg, q',
    'a broadcast join whose build side is the file': 'select f.seg, d.seg as dseg, sum(d.p) as s, count(*) as n from (select * from facts where id % 50 = 0) f join facts d on f.id = d.id group by f.seg, d.seg',
    'a sort': 'select id, q, p from facts where q is null or q < 3 order by p desc, id',
  };
  for (const [name, sql] of Object.entries(queries)) {
    it(`answers ${name} as DuckDB does`, async () => {
      if (name.includes('join')) expect(fc.sql(sql).explainString()).toMatch(/BroadcastHashJoin .*BuildRight/);
      const actual = await fc.sql(sql).collect();
      const expected = await reference(sql);
      expect(actual.length).toBe(expected.length);
      if (name === 'a sort') expect(actual).toEqual(expected);
      else expect(sorted(actual)).toEqual(sorted(expected));
    });
  }
});
