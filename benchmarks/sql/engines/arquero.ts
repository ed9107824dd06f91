/**
 * arquero (pure JavaScript, an optional dependency; single-threaded, as it only can be):
 * `loadCSV` streams the file into a column table. It has no Parquet reader, so Parquet
 * inputs are skipped.
 */
import type { EngineTask } from '../engine-result.js';
import { digestOf, digestRow } from '../order-digest.js';
import { EngineSkipped, salesQueryOf } from './engine.js';
import { optionalImport } from './optional-import.js';

type Arquero = typeof import('arquero');

export async function arquero(task: EngineTask): Promise<Record<string, unknown>[]> {
  const query = salesQueryOf(task);
  const aq = await optionalImport<Arquero>('arquero');
  if (task.format !== 'csv') throw new EngineSkipped('arquero has no Parquet reader');
  const { op } = aq;
  const sales = await aq.loadCSV(task.tables.sales);
  switch (query) {
    case 'group-by':
      return sales
        .groupby('region', 'product_id')
        .rollup({ revenue: (d) => op.sum(d.quantity * d.price), orders: () => op.count(), avg_price: (d) => op.mean(d.price) })
        .objects() as Record<string, unknown>[];
    case 'join': {
      const customers = await aq.loadCSV(task.tables.customers);
      return sales
        .join(customers, 'customer_id')
        .groupby('segment')
        .rollup({ revenue: (d) => op.sum(d.quantity * d.price), orders: () => op.count() })
        .objects() as Record<string, unknown>[];
    }
    case 'sort':
      return [digestRow(digestOf(sales.orderby(aq.desc('price'), 'order_id').array('order_id') as ArrayLike<number>))];
  }
}
