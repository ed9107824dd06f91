/**
 * `df.checkpoint(eager)` and `df.localCheckpoint(eager)`: the DataFrame's rows, computed once and
 * saved (under fc's checkpoint directory, or in the executors' block managers), behind a plan that
 * starts there (a LogicalRDD with the same columns, so Columns of the old DataFrame still
 * resolve). Eager runs a job now; otherwise the first action saves them.
 */
import type { StorageLevel } from '@flint/rdd';
import type { Attr } from '../expr/expression.js';
import { RddRows } from './sources.js';
import { execute } from './dataframe-actions.js';
import type { DataFrame } from './dataframe.js';

/** `level`: localCheckpoint's storage level (PySpark 4's storageLevel; the default keeps memory and disk). */
export function checkpointed(df: DataFrame, eager: boolean, reliable: boolean, level?: StorageLevel): DataFrame | Promise<DataFrame> {
  const { rdd } = execute(df, reliable ? 'checkpoint' : 'localCheckpoint');
  // Throws Spark's error when no checkpoint directory is set.
  if (reliable) rdd.checkpoint();
  else (level ? rdd.persist(level) : rdd).localCheckpoint();
  const output: Attr[] = df.output.map(({ qualifier: _, ...a }) => a);
  const cut = df.session.dataFrame({ kind: 'relation', output, source: new RddRows(rdd) });
  return eager ? cut.count().then(() => cut) : cut;
}
