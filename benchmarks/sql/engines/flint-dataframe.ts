/** Flint DataFrame: the sales queries written with the DataFrame API on `local[2]`. */
import { col, functions as F } from '@flint/driver';
import type { EngineTask } from '../engine-result.js';
import { salesQueryOf } from './engine.js';
import { flintSession, sortedFrameDigest } from './flint-session.js';

export async function flintDataFrame(task: EngineTask): Promise<Record<string, unknown>[]> {
  const query = salesQueryOf(task);
  const fc = await flintSession(task);
  try {
    const sales = fc.table('sales');
    const revenue = F.sum(col('quantity').multiply(col('price'))).alias('revenue');
    switch (query) {
      case 'group-by':
        return await sales
          .groupBy('region', 'product_id')
          .agg(revenue, F.count('*').alias('orders'), F.avg('price').alias('avg_price'))
          .collect();
      case 'join':
        return await sales
          .join(fc.table('customers'), 'customer_id')
          .groupBy('segment')
          .agg(revenue, F.count('*').alias('orders'))
          .collect();
      case 'sort':
        return [await sortedFrameDigest(sales.orderBy(col('price').desc(), col('order_id')).select('order_id'))];
    }
  } finally {
    await fc.stop();
  }
}
