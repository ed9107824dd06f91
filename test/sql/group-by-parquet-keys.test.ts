/**
 * Group-by over Parquet columns as the partial aggregation's word table finds groups
 * (physical/codegen/group-table-codegen.ts): dictionary-encoded strings whose dictionaries
 * differ from row group to row group, a string column DuckDB writes in plain pages, integer and
 * date keys with nulls, a long key, and more groups than the table's first 1,024 slots hold.
 * Each answer is DuckDB's on the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const ROWS = 12_000;
// DuckDB cuts row groups at multiples of its 2,048-row vectors.
const ROW_GROUP = 2_048;

/** Rows in one order, whatever order the engine returned them in. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('group-by over Parquet keys (local[2]) against DuckDB', () => {
  let dir: string;
  let path: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-group-keys-'));
    path = join(dir, 'keys.parquet');
    db = await DuckDbReference.open(1);
    // region: a few strings, each row group's in another first-seen order (so its own dictionary
    // codes), with nulls; k: 1,500 ints with nulls; u: a distinct string per row (plain pages);
    // x: multiples of 0.25, whose sums are exact in any order.
    await db.query(
      `copy (select case when i % 17 = 0 then null else 'r' || ((i + i // ${ROW_GROUP}) % 6) end as region, ` +
        `case when i % 13 = 0 then null else (i * 7) % 1500 end::int as k, ` +
        `date '2024-01-01' + (i % 40)::int as day, (i % 9)::bigint * 10000000000 as big, ` +
        `'u' || i as u, (i % 100) / 4 as x ` +
        `from range(0, ${ROWS}) t(i)) to '${path}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    fc = await FlintContext.create({ master: 'local[2]' });
    fc.read.parquet(path).createOrReplaceTempView('keys');
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the file has the shapes the table handles: several row groups, dictionary-encoded strings and plain ones', async () => {
    const chunks = await db.query(`select row_group_id, path_in_schema, encodings from parquet_metadata('${path}')`);
    expect(new Set(chunks.map((c) => c.row_group_id)).size).toBe(Math.ceil(ROWS / ROW_GROUP));
    const encodings = (column: string) => chunks.filter((c) => c.path_in_schema === column).map((c) => String(c.encodings));
    expect(encodings('region').every((e) => e.includes('DICTIONARY'))).toBe(true);
    expect(encodings('u').some((e) => e.includes('DICTIONARY'))).toBe(false);
  });

  const queries: Record<string, string> = {
    'a dictionary string and an int, both with nulls, past 1,024 groups': 'select region, k, sum(x) as s, count(*) as n, avg(x) as a from keys group by region, k',
    'one int key with nulls': 'select k, count(*) as n, max(x) as m from keys group by k',
    'a plain-encoded string and a date': 'select u, day, sum(x) as s from keys where k < 300 group by u, day',
    'a dictionary string and a long (numbered per value)': 'select region, big, count(*) as n, min(x) as m from keys group by region, big',
    'a dictionary string alone, filtered': "select region, sum(x) as s from keys where region <> 'r1' group by region",
    // The subquery's computed column is a local of the row loop beside the string's code.
    'a dictionary string and a computed column of a subquery': 'select region, m, count(*) as n, sum(x) as s from (select region, k % 7 as m, x from keys) t group by region, m',
  };
  for (const [name, sql] of Object.entries(queries)) {
    it(`groups by ${name} as DuckDB does`, async () => {
      const expected = await db.query(sql.replace('from keys', `from '${path}'`));
      const actual = await fc.sql(sql).collect();
      expect(actual.length).toBe(expected.length);
      expect(sorted(actual)).toEqual(sorted(expected));
    });
  }
});
