/**
 * The partial aggregation's cell accumulators (physical/codegen/direct-group-codegen.ts): rows the
 * direct index finds accumulate at their key's cell and are merged into their groups when the
 * index is rebuilt (as ranges grow, at each row group's own dictionary) and after the last row. A Parquet file
 * whose row groups each carry a dictionary in another order (and one plain), keys with nulls, int
 * keys far outside the index's range (the hash table's groups beside the cells), an index too wide
 * for cells, values with nulls, NaN and -0.0, a column null over whole groups: each answer is
 * DuckDB's on the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { cachedParquetFooter, readRowGroupColumns } from '../../packages/sql/src/io/parquet/parquet-read.js';
import { DuckDbReference } from './duckdb-reference.js';

const ROWS = 60_000;
const ROW_GROUP = 10_000;

/** Rows as sorted JSON texts, NaN and infinities kept apart from null. */
const sorted = (rows: Record<string, unknown>[]) =>
  rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))).sort();

describe('group-by accumulating per cell of the direct index (local[2]) against DuckDB', () => {
  let dir: string;
  let path: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-group-cells-'));
    path = join(dir, 'cells.parquet');
    db = await DuckDbReference.open(1);
    // Row group r names the regions in a rotated order (so its dictionary's codes differ); the fifth is all distinct names (plain pages).
    const rotated = `['N', 'S', 'E', 'W', 'C', NULL][((i % ${ROW_GROUP} + i // ${ROW_GROUP}) % 6) + 1]`;
    const product = `case when i % 13 = 0 then null when i % 997 = 0 then 1000000 + i else (i * 7) % 200 end`;
    await db.query(
      `copy (select case when i // ${ROW_GROUP} = 4 then 'p' || i else ${rotated} end as region, ` +
        `(${product})::int as product, ` +
        `case when i % 7 = 0 then null else (i % 23)::int end as q, ` +
        `case when i % 11 = 0 then null when i % 1009 = 0 then 'NaN'::double when (i * 7) % 200 = 7 then -0.0 else (i % 40) / 4 end as x, ` +
        `case when (i * 7) % 200 = 5 or i % 3 = 0 then null else (i % 9)::double end as z, ` +
        `((i * 13) % 65000)::int as wide ` +
        `from range(0, ${ROWS}) t(i)) to '${path}' (format parquet, row_group_size ${ROW_GROUP})`,
    );
    fc = await FlintContext.create({ master: 'local[2]' });
    fc.read.parquet(path).createOrReplaceTempView('cells');
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the file has the shapes: a dictionary per row group in another order, one row group plain', async () => {
    const chunks = await db.query(`select row_group_id, encodings from parquet_metadata('${path}') where path_in_schema = 'region' order by row_group_id`);
    expect(chunks.length).toBe(ROWS / ROW_GROUP);
    expect(chunks.filter((c) => String(c.encodings).includes('DICTIONARY')).length).toBe(chunks.length - 1);
    const footer = cachedParquetFooter(path);
    const dictionaryOf = (group: number) => (readRowGroupColumns(path, footer, group, [0], footer.schema, true)[0] as { dictionary?: unknown[] }).dictionary;
    expect(dictionaryOf(0)).toHaveLength(6);
    expect(dictionaryOf(1)).not.toEqual(dictionaryOf(0));
    expect(new Set(dictionaryOf(1))).toEqual(new Set(dictionaryOf(0)));
  });

  const queries: Record<string, string> = {
    'a dictionary string and an int key, every typed aggregate':
      'select region, product, count(*) as n, count(x) as nx, sum(q) as sq, sum(x) as sx, avg(x) as ax, min(x) as mi, max(x) as ma, sum(z) as sz, avg(z) as az from cells group by region, product',
    'a dictionary string alone': 'select region, count(*) as n, sum(q) as sq, sum(z) as sz, max(x) as ma from cells group by region',
    'an int key alone, far values beside the index': 'select product, count(q) as n, sum(q * x) as r, min(z) as mi from cells group by product',
    // 20 slots per group over ~65,000 cells: the index is built but has no room for cells (CELL_SLOTS), after smaller ones that had.
    'an int key whose index outgrows the cells':
      'select wide, sum(q) as sq, sum(x) as sx, sum(z) as sz, avg(q) as aq, avg(x) as ax, avg(z) as az, min(x) as mi, max(x) as ma, min(z) as mz, max(q) as mq from cells group by wide',
  };
  for (const [name, sql] of Object.entries(queries)) {
    it(`groups by ${name} as DuckDB does`, async () => {
      const expected = await db.query(sql.replace(/from cells/g, `from '${path}'`));
      const actual = await fc.sql(sql).collect();
      expect(actual.length).toBe(expected.length);
      expect(sorted(actual)).toEqual(sorted(expected));
    });
  }
});
