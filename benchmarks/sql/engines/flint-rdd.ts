/**
 * The sales queries as Flint RDD code on `local[2]`, as a Spark user writes them by hand: CSV
 * lines from `textFile` split into fields (Parquet rows come from the DataFrame reader's
 * `df.rdd`), then `reduceByKey`, `join` and `sortBy`.
 */
import { type FlintContext, type RDD } from '@flint/driver';
import type { EngineTask } from '../engine-result.js';
import { salesQueryOf } from './engine.js';
import { flintSession, sortDigest } from './flint-session.js';

/** [order_id, customer_id, product_id, region, quantity, price] */
type Sale = [number, number, number, string, number, number];
type Totals = [revenue: number, orders: number, priceSum: number];

export async function flintRdd(task: EngineTask): Promise<Record<string, unknown>[]> {
  const query = salesQueryOf(task);
  const fc = await flintSession(task);
  try {
    const sales = salesRdd(fc, task);
    switch (query) {
      case 'group-by': {
        const totals = await sales
          .map((s): [string, Totals] => [`${s[3]}|${s[2]}`, [s[4] * s[5], 1, s[5]]])
          .reduceByKey((a, b): Totals => [a[0] + b[0], a[1] + b[1], a[2] + b[2]])
          .collect();
        return totals.map(([key, [revenue, orders, priceSum]]) => {
          const [region, product] = key.split('|');
          return { region, product_id: Number(product), revenue, orders, avg_price: priceSum / orders };
        });
      }
      case 'join': {
        const segments = customersRdd(fc, task);
        const totals = await sales
          .map((s): [number, number] => [s[1], s[4] * s[5]])
          .join(segments)
          .map(([, [revenue, segment]]): [string, [number, number]] => [segment, [revenue, 1]])
          .reduceByKey((a, b): [number, number] => [a[0] + b[0], a[1] + b[1]])
          .collect();
        return totals.map(([segment, [revenue, orders]]) => ({ segment, revenue, orders }));
      }
      case 'sort': {
        return [await sortDigest(sales.sortBy((s) => [-s[5], s[0]]).map((s) => s[0]))];
      }
    }
  } finally {
    await fc.stop();
  }
}

function salesRdd(fc: FlintContext, task: EngineTask): RDD<Sale> {
  if (task.format === 'parquet') {
    return fc.table('sales').rdd.map((r): Sale => [
      r.order_id as number, r.customer_id as number, r.product_id as number, r.region as string, r.quantity as number, r.price as number,
    ]);
  }
  return fc
    .textFile(task.tables.sales)
    .filter((line) => line.length > 0 && !line.startsWith('order_id,'))
    .map((line): Sale => {
      const f = line.split(',');
      return [Number(f[0]), Number(f[1]), Number(f[2]), f[3], Number(f[4]), Number(f[5])];
    });
}

function customersRdd(fc: FlintContext, task: EngineTask): RDD<[number, string]> {
  if (task.format === 'parquet') return fc.table('customers').rdd.map((r): [number, string] => [r.customer_id as number, r.segment as string]);
  return fc
    .textFile(task.tables.customers)
    .filter((line) => line.length > 0 && !line.startsWith('customer_id,'))
    .map((line): [number, string] => {
      const f = line.split(',');
      return [Number(f[0]), f[2]];
    });
}
