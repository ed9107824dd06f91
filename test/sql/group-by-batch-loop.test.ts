/**
 * The partial aggregation's row loop as a function of the generated module, called per batch with
 * its state in an array (physical/batch-loop.ts): what must carry from batch to batch does, and a
 * column that changes shape between a file's row groups is read right. A string column
 * dictionary-encoded in the first row group and plain in the others, number columns without nulls
 * in the first row groups (typed arrays) and with nulls in the last, int keys far outside any small
 * range (the direct index never applies) and at the int32 bounds: each answer is DuckDB's on the
 * same file, also a group-by over a broadcast join's matches (the probe's table passed to the loop
 * by name). A random draw per row goes on from batch to batch as a plain projection's does.
 * A row group longer than the loop's calls (batch-loop.ts's CALL_ROWS) is grouped across calls:
 * groups first seen, and nulls first met, in its later calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const ROWS = 10_000;
const ROW_GROUP = 2_048;
/** One row group of more rows than three of the loop's calls (16,384 rows each after the first 64). */
const LONG_ROWS = 40_000;

const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('group-by over batches that change shape (local[2]) against DuckDB', () => {
  let dir: string;
  let path: string;
  let longPath: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-batch-loop-'));
    path = join(dir, 'shapes.parquet');
    db = await DuckDbReference.open(1);
    const late = `i >= ${3 * ROW_GROUP}`;
    await db.query(
      `copy (select case when i < ${ROW_GROUP} then 's' || (i % 5) else 'p' || i end as s, ` +
        `case when ${late} and i % 7 = 0 then null else (i % 23)::int end as q, ` +
        `case when ${late} and i % 11 = 0 then null else (i % 40) / 4 end as x, ` +
        `case i % 4 when 0 then -2147483648 when 1 then 2147483647 else ((i % 9) * 400000007) % 2147483647 end::int as far, ` +
        `(i % 6)::int as small ` +
        `from range(0, ${ROWS}) t(i)) to '${path}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    longPath = join(dir, 'long.parquet');
    await db.query(
      `copy (select case when i < 20000 then (i % 97)::int else (i % 3001)::int end as k, 'r' || (i % 3) as r, ` +
        `case when i >= 30000 and i % 5 = 0 then null else i % 13 end::int as q, (i % 17) / 8 as x ` +
        `from range(0, ${LONG_ROWS}) t(i)) to '${longPath}' (format parquet, row_group_size ${LONG_ROWS})`,
    );
    fc = await FlintContext.create({ master: 'local[2]' });
    fc.read.parquet(path).createOrReplaceTempView('shapes');
    fc.read.parquet(longPath).createOrReplaceTempView('long');
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the file has the shapes: a string column dictionary-encoded in one row group and plain in others', async () => {
    const chunks = await db.query(`select row_group_id, encodings from parquet_metadata('${path}') where path_in_schema = 's' order by row_group_id`);
    expect(chunks.length).toBe(Math.ceil(ROWS / ROW_GROUP));
    expect(String(chunks[0].encodings)).toContain('DICTIONARY');
    expect(chunks.slice(1).every((c) => !String(c.encodings).includes('DICTIONARY'))).toBe(true);
  });

  it('the long file is one row group', async () => {
    expect(await db.query(`select row_group_id, row_group_num_rows as n from parquet_metadata('${longPath}') where path_in_schema = 'k'`)).toEqual([{ row_group_id: 0, n: LONG_ROWS }]);
  });

  const queries: Record<string, string> = {
    'a string dictionary-encoded in one row group and plain in the others': 'select s, small, count(*) as n, sum(x) as t from shapes group by s, small',
    'a string changing encoding, with sums over columns that gain nulls': 'select substr(s, 1, 1) as c, small, sum(q * x) as r, count(q) as n, avg(x) as a from shapes group by c, small',
    'int keys far apart and at the int32 bounds': 'select far, small, count(*) as n, sum(q) as t, max(x) as m from shapes group by far, small',
    'an int key whose values gain nulls': 'select q, count(*) as n, min(x) as m from shapes group by q',
    "a broadcast table's string column, over the join's matches": "select /*+ BROADCAST(d) */ d.name, count(*) as n, sum(s.x) as t from shapes s join (select * from (values (0, 'zero'), (1, 'one'), (2, 'two'), (2, 'deux'), (5, null)) as v(id, name)) d on s.small = d.id group by d.name",
    'keys first seen, and nulls first met, in later calls of the loop over one row group': 'select k, r, count(*) as n, sum(q) as t, count(q) as c, avg(x) as a from long group by k, r',
  };
  for (const [name, sql] of Object.entries(queries)) {
    it(`groups by ${name} as DuckDB does`, async () => {
      const expected = await db.query(sql.replace(/from shapes/g, `from '${path}'`).replace(/from long/g, `from '${longPath}'`));
      const actual = await fc.sql(sql).collect();
      expect(actual.length).toBe(expected.length);
      expect(sorted(actual)).toEqual(sorted(expected));
    });
  }

  /** The rows of `projection` counted per distinct row, as a map from its JSON text. */
  const countsOf = async (projection: string) => {
    const counts = new Map<string, number>();
    for (const r of await fc.sql(projection).collect()) counts.set(JSON.stringify(Object.values(r)), (counts.get(JSON.stringify(Object.values(r))) ?? 0) + 1);
    return counts;
  };
  const groupedCounts = async (query: string) => new Map((await fc.sql(query).collect()).map((r) => [JSON.stringify(Object.values(r).slice(0, -1)), r.n]));

  it('groups by a seeded random draw per row as the same draws collected by a projection fall', async () => {
    const expected = await countsOf('select floor(rand(7) * 4) as b, small from shapes');
    expect(await groupedCounts('select floor(rand(7) * 4) as b, small, count(*) as n from shapes group by b, small')).toEqual(expected);
  });

  it('groups by seeded random draws over a row group of several loop calls as a projection of them falls', async () => {
    const expected = await countsOf('select floor(rand(11) * 50) as b, r from long');
    expect(await groupedCounts('select floor(rand(11) * 50) as b, r, count(*) as n from long group by b, r')).toEqual(expected);
  });

  it('groups by the partition id as a projection of it counts', async () => {
    // Splits of 16 kB: the file (one task by default) is read by several tasks.
    fc.conf.set('spark.sql.files.maxPartitionBytes', '16k');
    try {
      const expected = await countsOf('select spark_partition_id() as p from shapes');
      expect(expected.size).toBeGreaterThan(1);
      expect(await groupedCounts('select spark_partition_id() as p, count(*) as n from shapes group by p')).toEqual(expected);
    } finally {
      fc.conf.unset('spark.sql.files.maxPartitionBytes');
    }
  });
});
