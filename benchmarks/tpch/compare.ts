/**
 * Runs TPC-H queries on Flint and on DuckDB over the same generated data and says whether the
 * answers agree: `tsx benchmarks/tpch/compare.ts --sf 0.05 [--queries 1,3,5] [--master local[2]]`.
 * Data is generated once into the system's temp directory (flint-tpch-sf<sf>/).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from '../../test/sql/duckdb-reference.js';
import { rowsDifference } from '../../test/sql/compare-rows.js';
import { generateTpch } from './generate.js';
import { TPCH_QUERY_NUMBERS, tpchQuery } from './queries.js';
import { registerTpchViews } from './flint-tables.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const sf = Number(option('sf') ?? '0.01');
const queries = option('queries')?.split(',').map(Number) ?? TPCH_QUERY_NUMBERS;
const dir = join(tmpdir(), `flint-tpch-sf${sf}`);
if (!existsSync(join(dir, 'lineitem.csv'))) generateTpch(sf, dir);

const db = await DuckDbReference.withTpch(dir, 2);
const fc = await FlintContext.create({ master: option('master') ?? 'local[2]' });
try {
  registerTpchViews(fc, dir);
  for (const n of queries) {
    const sql = tpchQuery(n);
    let started = Date.now();
    const reference = await db.query(sql);
    const duckMs = Date.now() - started;
    started = Date.now();
    const rows = await fc.sql(sql).collect();
    const flintMs = Date.now() - started;
    const difference = rowsDifference(rows, reference, { relativeTolerance: 1e-6 });
    console.log(`q${n}: ${rows.length} rows, Flint ${flintMs} ms, DuckDB ${duckMs} ms, ${difference ?? 'same answer'}`);
  }
} finally {
  await fc.stop();
  db.close();
}
