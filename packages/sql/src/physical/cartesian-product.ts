/**
 * Spark's CartesianProductExec: an inner join without equality keys whose sides are both too big
 * to broadcast pairs every partition of the left side with every partition of the right, one task
 * per pair (left partitions × right partitions, run in parallel), each testing the join condition
 * on its pairs of rows — rather than one task over all rows of both sides.
 */
import type { RDD } from '@flint/rdd';
import type { Expr } from '../expr/expression.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { materialize, outputAfter, streamPartitionsGenerated, type Pipeline } from './pipeline.js';

export function cartesianProduct(left: Pipeline, right: Pipeline, condition: Expr | undefined, site: string): RDD<unknown[]> {
  // A left row's values as locals, the right partition's as columns (one array per column, read by index).
  const leftValues = outputAfter(left).map((a, i) => [a.id, `lv${i}`] as const);
  const rightValues = outputAfter(right).map((a, i) => [a.id, `rc${i}[j]`] as const);
  // Each side's partition as one array: a task's input is then one pair of partitions.
  const pairs = materialize(left, site).glom().cartesian(materialize(right, site).glom());
  const ctx = new CodegenContext();
  const test = condition ? `if (${genExpr(condition, new Map([...leftValues, ...rightValues]), ctx)} !== true) continue;` : '';
  const row = `[${[...leftValues, ...rightValues].map(([, value]) => value).join(', ')}]`;
  const columns = rightValues.map((_, i) => `const rc${i} = rs.map((r) => r[${i}]);`).join('\n  ');
  const locals = leftValues.map(([, name], i) => `${name} = l[${i}]`).join(', ');
  const body = `for (const [ls, rs] of input) {
  ${columns}
  for (const l of ls) {
    ${locals ? `const ${locals};` : ''}
    for (let j = 0; j < rs.length; j++) {
      ${test}
      yield ${row};
    }
  }
}`;
  return streamPartitionsGenerated(pairs, ctx, body, site);
}
