/**
 * nodejs-polars (an optional dependency) with 2 threads: the child process is started with
 * POLARS_MAX_THREADS=2 (run-engine.ts). Lazy scans of the files, so Polars reads inside the
 * timed query and only the columns it needs, as Flint and DuckDB do.
 */
import type { EngineTask } from '../engine-result.js';
import { digestOf, digestRow } from '../order-digest.js';
import { EngineSkipped, salesQueryOf } from './engine.js';
import { optionalImport } from './optional-import.js';

type Polars = typeof import('nodejs-polars');

export async function polars(task: EngineTask): Promise<Record<string, unknown>[]> {
  const query = salesQueryOf(task);
  const pl = await optionalImport<{ default: Polars }>('nodejs-polars').then((module) => module.default);
  if (process.env.POLARS_MAX_THREADS !== '2') throw new EngineSkipped('POLARS_MAX_THREADS must be 2');
  const scan = (table: string) => (task.format === 'csv' ? pl.scanCSV(task.tables[table], { hasHeader: true }) : pl.scanParquet(task.tables[table]));
  const revenue = pl.col('quantity').mul(pl.col('price')).sum().alias('revenue');
  switch (query) {
    case 'group-by': {
      const df = await scan('sales')
        .groupBy(['region', 'product_id'])
        .agg(revenue, pl.len().alias('orders'), pl.col('price').mean().alias('avg_price'))
        .collect();
      return numbered(df.toRecords());
    }
    case 'join': {
      const df = await scan('sales').join(scan('customers'), { on: 'customer_id', how: 'inner' }).groupBy('segment').agg(revenue, pl.len().alias('orders')).collect();
      return numbered(df.toRecords());
    }
    case 'sort': {
      const df = await scan('sales').sort(['price', 'order_id'], [true, false]).select('order_id').collect();
      return [digestRow(digestOf(df.getColumn('order_id').cast(pl.Float64).toTypedArray()))];
    }
  }
}

/** Polars gives 64-bit integers as bigint; the answers compare as numbers. */
function numbered(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}
