/** The eight generated TPC-H tables as Flint temp views over their CSV files, typed by the schema. */
import { join } from 'node:path';
import type { FlintContext } from '@flint/driver';
import { TPCH_TABLE_NAMES, tpchSchemaDDL } from './schema.js';

export function registerTpchViews(fc: FlintContext, dataDir: string): void {
  for (const table of TPCH_TABLE_NAMES) {
    fc.read.csv(join(dataDir, `${table}.csv`), { header: true, schema: tpchSchemaDDL(table) }).createOrReplaceTempView(table);
  }
}
