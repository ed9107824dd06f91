/**
 * `repartition(n, cols)`: each row goes to partition pmod(hash(cols), n), Spark's HashPartitioning,
 * whose hash is Murmur3 with seed 42, the SQL `hash()` function. A row therefore lands in the
 * partition Spark puts it in, and rows with equal keys share a partition.
 */
import type { RDD } from '@flint/rdd';
import { callOf, type Expr } from '../expr/expression.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { genLoop, outputAfter, streamPartitionsGenerated, type Pipeline } from './pipeline.js';
import { keyIsPartition } from './runtime/group-partition.js';

export function hashRepartition(child: Pipeline, partitionExprs: readonly Expr[], numPartitions: number, site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  const output = outputAfter(child);
  const body = genLoop(child, ctx, (vars) => {
    const hash = genExpr(callOf('hash', partitionExprs), vars, ctx);
    const row = `[${output.map((a) => vars.get(a.id)).join(', ')}]`;
    return `{ const h = ${hash} % ${numPartitions}; yield [h < 0 ? h + ${numPartitions} : h, ${row}]; }`;
  });
  const keyed = streamPartitionsGenerated(child, ctx, body, site) as unknown as RDD<[number, unknown[]]>;
  return keyed.partitionBy(numPartitions, keyIsPartition()).values();
}
