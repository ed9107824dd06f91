/** The benchmarked engines, by the name run-engine.ts passes to engine-main.ts. */
import { arquero } from './engines/arquero.js';
import { duckdb } from './engines/duckdb.js';
import type { Engine } from './engines/engine.js';
import { flintDataFrame } from './engines/flint-dataframe.js';
import { flintRdd } from './engines/flint-rdd.js';
import { flintSql } from './engines/flint-sql.js';
import { handWritten } from './engines/hand-written/hand-written.js';
import { polars } from './engines/polars.js';

export const ENGINES: Record<string, { label: string; run: Engine }> = {
  'flint-sql': { label: 'Flint SQL local[2]', run: flintSql },
  'flint-dataframe': { label: 'Flint DataFrame local[2]', run: flintDataFrame },
  'flint-rdd': { label: 'Flint RDD local[2]', run: flintRdd },
  'hand-written': { label: 'hand-written, 2 threads', run: handWritten },
  duckdb: { label: 'DuckDB, 2 threads', run: duckdb },
  polars: { label: 'nodejs-polars, 2 threads', run: polars },
  arquero: { label: 'arquero', run: arquero },
};
