/**
 * A Flint context on `local[2]` with the task's tables as temp views, and the sort query's
 * materialization: each sorted partition is hashed on its task thread, and the driver
 * combines the partitions' hashes in partition order.
 */
import { FlintContext, capture, type DataFrame, type RDD } from '@flint/driver';
import { combineDigests, digestRow, type OrderDigest } from '../order-digest.js';
import type { EngineTask } from '../engine-result.js';
import { CUSTOMERS_DDL, SALES_DDL } from '../sales-data.js';
import { TPCH_TABLE_NAMES, tpchSchemaDDL } from '../../tpch/schema.js';

const SALES_SCHEMAS: Record<string, string> = { sales: SALES_DDL, customers: CUSTOMERS_DDL };

export async function flintSession(task: EngineTask): Promise<FlintContext> {
  const fc = await FlintContext.create({ master: 'local[2]', appName: `bench-sql-${task.engine}-${task.query}` });
  for (const [table, path] of Object.entries(task.tables)) {
    const schema = SALES_SCHEMAS[table] ?? ((TPCH_TABLE_NAMES as readonly string[]).includes(table) ? tpchSchemaDDL(table as never) : undefined);
    const df = task.format === 'csv' ? fc.read.csv(path, { header: true, schema: schema ?? '' }) : fc.read.parquet(path);
    df.createOrReplaceTempView(table);
  }
  // ClickBench's times are UTC instants, read (as DuckDB's naive copies are) in UTC.
  if ('hits' in task.tables) fc.conf.set('spark.sql.session.timeZone', 'UTC');
  return fc;
}

/** The sort's answer row from a DataFrame of sorted `order_id`s. */
export function sortedFrameDigest(sorted: DataFrame): Promise<Record<string, unknown>> {
  return sortDigest(sorted.rdd.map((row) => row.order_id as number));
}

/** The sort's answer row from an RDD of sorted order_ids. */
export async function sortDigest(orderIds: RDD<number>): Promise<Record<string, unknown>> {
  const runs = await orderIds
    .mapPartitions(
      capture({ base: 1_000_003, modulus: 2_147_483_647 }, (ids: Iterable<number>, { base, modulus }: { base: number; modulus: number }) => {
        let hash = 0;
        let count = 0;
        for (const id of ids) {
          hash = (hash * base + id) % modulus;
          count++;
        }
        return [{ rows: count, hash }];
      }),
    )
    .collect();
  return digestRow(combineDigests(runs as OrderDigest[]));
}
