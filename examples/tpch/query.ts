/** The TPC-H example's pieces: data generated once per scale factor, and a query over it. */
import type { DataFrame, FlintContext } from '@flint/driver';
import { generateTpch } from '../../benchmarks/tpch/generate.js';
import { registerTpchViews } from '../../benchmarks/tpch/flint-tables.js';
import { tpchQuery } from '../../benchmarks/tpch/queries.js';
import { cachedPath } from '../shared/generated-file.js';
import { exampleDataPath } from '../shared/data-dir.js';

/** A positive scale factor from `--scale` (SF 1 is about 1 GB of CSV). */
export function parseScale(text: string | undefined): number {
  const scale = Number(text ?? '0.01');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new Error(`--scale wants a scale factor in (0, 100], such as 0.01 or 1, got ${text}`);
  return scale;
}

/** The generated tables of scale factor `scale`, cached in the examples' data directory. */
export function tpchData(scale: number): string {
  return cachedPath(exampleDataPath(`tpch-sf${scale}`), (dir) => {
    console.log(`generating TPC-H data at scale factor ${scale} in ${dir} (once)...`);
    generateTpch(scale, dir);
  });
}

/** TPC-H query `n` (1..22, its standard text) over the tables in `dataDir`. */
export function tpchDataFrame(fc: FlintContext, dataDir: string, n: number): DataFrame {
  const sql = tpchQuery(n);
  registerTpchViews(fc, dataDir);
  return fc.sql(sql);
}
