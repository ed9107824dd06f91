/**
 * INTERSECT and EXCEPT (with or without ALL): rows of both sides are keyed by their values
 * (keyText: NaN, Infinity and NULL stay apart, as in Spark), shuffled together, and counted per side in each reduce task. INTERSECT keeps a row as often
 * as it appears on both sides (once without ALL); EXCEPT as often as the left side has it more
 * than the right (once, if the right side has none, without ALL). A row comes out with its zeros
 * as 0.0, as Spark's rewrite into an aggregate normalizes them (NormalizeFloatingNumbers).
 */
import type { RDD } from '@flint/rdd';
import { CodegenContext } from './codegen/codegen-context.js';
import { mapPartitionsGenerated, streamPartitionsGenerated } from './pipeline.js';
import { ZEROS_NORMALIZED } from './normalized-group-keys.js';
import { KEY_TEXT } from '../expr/key-text.js';

export function intersectOrExcept(
  left: RDD<unknown[]>,
  right: RDD<unknown[]>,
  op: 'intersect' | 'except',
  all: boolean,
  numPartitions: number,
  site: string,
): RDD<unknown[]> {
  const tag = (rdd: RDD<unknown[]>, side: number) => {
    const ctx = new CodegenContext();
    ctx.addHelper('keyText', KEY_TEXT);
    return streamPartitionsGenerated<unknown>(rdd, ctx, `for (const row of input) yield [keyText(row), [${side}, row]];`, site);
  };
  const shuffled = (tag(left, 0).union(tag(right, 1)) as unknown as RDD<[string, unknown]>).partitionBy(numPartitions);
  const times =
    op === 'intersect'
      ? all ? 'Math.min(g[0], g[1])' : '(g[0] > 0 && g[1] > 0 ? 1 : 0)'
      : all ? 'Math.max(g[0] - g[1], 0)' : '(g[0] > 0 && g[1] === 0 ? 1 : 0)';
  const body = `const counts = new Map();
for (const record of input) {
  let g = counts.get(record[0]);
  if (g === undefined) { g = [0, 0, record[1][1]]; counts.set(record[0], g); }
  g[record[1][0]]++;
}
const out = [];
for (const g of counts.values()) {
  const n = ${times};
  const row = n > 0 ? zerosNormalized(g[2]) : undefined;
  for (let i = 0; i < n; i++) out.push(row);
}
return out;`;
  const ctx = new CodegenContext();
  ctx.addHelper('zerosNormalized', ZEROS_NORMALIZED);
  return mapPartitionsGenerated(shuffled, ctx, body, site);
}
