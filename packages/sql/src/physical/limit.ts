/**
 * LIMIT n OFFSET m: each partition keeps its first n + m rows, then one task concatenates the
 * partitions in order and keeps rows m .. m + n (Spark's local and global limit).
 */
import type { RDD } from '@flint/rdd';
import { CodegenContext } from './codegen/codegen-context.js';
import { mapPartitionsGenerated } from './pipeline.js';

export function limitRows(rows: RDD<unknown[]>, n: number, offset: number, site: string): RDD<unknown[]> {
  const keep = (from: number, count: number) =>
    `const out = [];\nlet i = 0;\nfor (const row of input) {\n  if (i >= ${from + count}) break;\n  if (i++ >= ${from}) out.push(row);\n}\nreturn out;`;
  const local = mapPartitionsGenerated<unknown[]>(rows, new CodegenContext(), keep(0, n + offset), site);
  return mapPartitionsGenerated<unknown[]>(local.coalesce(1), new CodegenContext(), keep(offset, n), site);
}
