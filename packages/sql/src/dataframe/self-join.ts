/**
 * Spark's Dataset.join over two DataFrames that share columns (`df.join(df, df.col('k').equalTo(df.col('k')))`,
 * or a DataFrame joined with one derived from it): the analyzer gives the right side fresh columns, so
 * `k = k` reads the left copy twice and holds for every pair. As Spark does
 * (`spark.sql.analyzer.dataFrameSelfJoinAutoResolveAmbiguity`), each such `=` or `<=>` reads its
 * right operand from the right side.
 */
import { transformDown, type Attr, type Expr } from '../expr/expression.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';

/** The analyzed `joined` with its trivially true equalities resolved to both sides, or undefined when it has none. */
export function resolveSelfJoinEqualities(joined: LogicalPlan, left: LogicalPlan, right: LogicalPlan): LogicalPlan | undefined {
  if (joined.kind !== 'join' || !joined.condition) return undefined;
  const leftIds = new Set(outputOf(left).map((a) => a.id));
  const rightIds = outputOf(right).map((a) => a.id);
  const rightCopies = outputOf(joined.right);
  if (rightCopies.length !== rightIds.length) return undefined;
  const rightCopyOf = (a: Attr): Attr | undefined => (leftIds.has(a.id) ? rightCopies[rightIds.indexOf(a.id)] : undefined);
  let changed = false;
  const condition = transformDown(joined.condition, (e): Expr | undefined => {
    if (e.kind !== 'binary' || (e.op !== '=' && e.op !== '<=>') || e.left.kind !== 'attr' || e.right.kind !== 'attr' || e.left.id !== e.right.id) return undefined;
    const copy = rightCopyOf(e.right);
    if (!copy) return undefined;
    changed = true;
    return { ...e, right: copy };
  });
  return changed ? { ...joined, condition } : undefined;
}
