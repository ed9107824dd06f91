// The 22 TPC-H queries, in their standard text, through fc.sql on local[2], against DuckDB
// running the same SQL on the same generated data (SF 0.01).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { TPCH_TABLES } from '../../benchmarks/tpch/schema.js';
import { TPCH_QUERY_NUMBERS, tpchQuery } from '../../benchmarks/tpch/queries.js';
import { rowsDifference } from './compare-rows.js';
import { DuckDbReference } from './duckdb-reference.js';
import { generateTpchFixture, type TpchFixture } from './tpch-fixture.js';

/** A generated table as rows typed by the schema (the generator's CSV has no quoting). */
function tableRows(dir: string, table: string, types: string[]): unknown[][] {
  const lines = readFileSync(join(dir, `${table}.csv`), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) =>
    line.split(',').map((v, i) => (types[i] === 'string' ? v : types[i] === 'date' ? new Date(`${v}T00:00:00Z`) : Number(v))),
  );
}

describe('TPC-H through fc.sql, compared with DuckDB (SF 0.01)', () => {
  let data: TpchFixture;
  let db: DuckDbReference;
  let fc: FlintContext;

  beforeAll(async () => {
    data = generateTpchFixture(0.01);
    db = await DuckDbReference.withTpch(data.dir);
    fc = await FlintContext.create({ master: 'local[2]' });
    for (const [table, columns] of Object.entries(TPCH_TABLES)) {
      const ddl = Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(', ');
      fc.createDataFrame(tableRows(data.dir, table, Object.values(columns)), ddl).createOrReplaceTempView(table);
    }
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    data?.remove();
  });

  it.each(TPCH_QUERY_NUMBERS)('q%i returns DuckDB’s answer', async (n) => {
    const actual = await fc.sql(tpchQuery(n)).collect();
    const expected = await db.query(tpchQuery(n));
    expect(rowsDifference(actual, expected, { relativeTolerance: 1e-6 })).toBeNull();
  }, 180_000);
});
