/**
 * Global sort: rows are keyed by an encoding of their sort columns that orders correctly under
 * Flint's generic key order (compareKeys), then range-partitioned and sorted by the RDD layer's
 * sortByKey (sampled bounds, one sort per partition). The encoding gives each column a null rank
 * (0 before values, 2 after, per NULLS FIRST/LAST) and a value: as is when ascending, negated
 * when descending (numbers; strings become arrays of negated char codes, ending with 1 so a
 * prefix sorts after the longer string).
 */
import type { RDD } from '@flint/rdd';
import type { SortOrderExpr } from '../expr/expression.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { CodegenContext, generatedFunction } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { genLoop, mapPartitionsGenerated, outputAfter, rowOf, type Pipeline } from './pipeline.js';

const DESCENDING_STRING = `function sqlDescendingString(s) {
  const out = new Array(s.length + 1);
  for (let i = 0; i < s.length; i++) out[i] = -s.charCodeAt(i);
  out[s.length] = 1;
  return out;
}`;

/** Code building the sort key of the current row. */
export function genSortKey(orders: readonly SortOrderExpr[], vars: Bindings, ctx: CodegenContext): string {
  const parts: string[] = [];
  for (const o of orders) {
    const t = ctx.temp();
    const value = `(${t} = ${genExpr(o.child, vars, ctx)})`;
    const nullRank = o.nullsFirst ? 0 : 2;
    let encoded: string;
    if (o.ascending) encoded = `typeof ${t} === 'boolean' ? +${t} : ${t}`;
    else if (dataTypeOf(o.child).typeName() === 'string') {
      ctx.addHelper('sqlDescendingString', DESCENDING_STRING);
      encoded = `sqlDescendingString(${t})`;
    } else encoded = `-${t}`;
    parts.push(`${value} === null ? ${nullRank} : 1`, `${t} === null ? 0 : ${encoded}`);
  }
  return `[${parts.join(', ')}]`;
}

export function sortRows(child: Pipeline, orders: readonly SortOrderExpr[], numPartitions: number, site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  const output = outputAfter(child);
  const body = genLoop(child, ctx, (vars) => `out.push([${genSortKey(orders, vars, ctx)}, ${rowOf(output, vars)}]);`);
  const keyed = mapPartitionsGenerated<[unknown[], unknown[]]>(child.base, ctx, `const out = [];\n${body}\nreturn out;`, site);
  return keyed.sortByKey(true, numPartitions).values();
}

/**
 * The first `n` rows in sort order without a full sort (Spark's TakeOrderedAndProject): each
 * partition keeps its own first n, one task merges them.
 */
export function takeOrdered(child: Pipeline, orders: readonly SortOrderExpr[], n: number, site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  const output = outputAfter(child);
  const body = genLoop(child, ctx, (vars) => `out.push([${genSortKey(orders, vars, ctx)}, ${rowOf(output, vars)}]);`);
  const keyed = mapPartitionsGenerated<[unknown[], unknown[]]>(child.base, ctx, `const out = [];\n${body}\nreturn out;`, site);
  const topPerPartition = keyed.mapPartitions(topN(n)) as unknown as RDD<[unknown[], unknown[]]>;
  return topPerPartition.coalesce(1).mapPartitions(topN(n)).values();
}

/** A generated function keeping the first n keyed rows of a partition, in key order. */
function topN(n: number): (input: Iterable<[unknown[], unknown[]]>) => [unknown[], unknown[]][] {
  const ctx = new CodegenContext();
  ctx.addHelper('compareKeys', COMPARE_KEYS);
  const body = `const rows = Array.from(input);\nrows.sort((a, b) => compareKeys(a[0], b[0]));\nreturn rows.slice(0, ${n});`;
  return generatedFunction(ctx, ['input', 'env'], body, 'takeOrdered');
}

/** The same order as @flint/rdd's compareKeys over the values sort keys contain (null, booleans, numbers, strings, arrays). */
export const COMPARE_KEYS = `function keyRank(v) {
  return v === null || v === undefined ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : typeof v === 'string' ? 3 : 4;
}
function compareKeys(a, b) {
  const ra = keyRank(a), rb = keyRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 4) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) { const c = compareKeys(a[i], b[i]); if (c !== 0) return c; }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}`;
