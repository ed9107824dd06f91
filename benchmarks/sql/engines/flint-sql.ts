/** Flint SQL: the query's SQL text through `fc.sql` on `local[2]`. */
import { SALES_SQL } from '../queries.js';
import type { EngineTask } from '../engine-result.js';
import { flintSession, sortedFrameDigest } from './flint-session.js';

export async function flintSql(task: EngineTask): Promise<Record<string, unknown>[]> {
  const fc = await flintSession(task);
  try {
    if (task.sql !== undefined) return await fc.sql(task.sql).collect();
    if (task.query === 'sort') return [await sortedFrameDigest(fc.sql(SALES_SQL.sort))];
    return await fc.sql(SALES_SQL[task.query as 'group-by' | 'join']).collect();
  } finally {
    await fc.stop();
  }
}
