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
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { genLoop, mapPartitionsGenerated, outputAfter, rowOf, streamPartitionsGenerated, type Pipeline } from './pipeline.js';

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
  const body = genLoop(child, ctx, (vars) => `yield [${genSortKey(orders, vars, ctx)}, ${rowOf(output, vars)}];`);
  const keyed = streamPartitionsGenerated<[unknown[], unknown[]]>(child.base, ctx, body, site);
  return keyed.sortByKey(true, numPartitions).values();
}

/**
 * The first `n` rows in sort order without a full sort (Spark's TakeOrderedAndProject): each
 * task keeps its best n rows in a small sorted buffer as the stage's loop produces them (most
 * rows are rejected by one comparison with the buffer's last), and one task merges the buffers.
 */
export function takeOrdered(child: Pipeline, orders: readonly SortOrderExpr[], n: number, site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  ctx.addHelper('compareSortValues', compareSortValues(orders));
  const output = outputAfter(child);
  const keep = `best.length < ${n} || compareSortValues(k, best[best.length - 1][0]) < 0`;
  const body = genLoop(child, ctx, (vars) => {
    const keys = `[${orders.map((o) => genExpr(o.child, vars, ctx)).join(', ')}]`;
    return `const k = ${keys};
  if (${keep}) insertBest(best, [k, ${rowOf(output, vars)}]);`;
  });
  ctx.addHelper('insertBest', insertBest(n));
  const perPartition = mapPartitionsGenerated<[unknown[], unknown[]]>(child.base, ctx, `const best = [];\n${body}\nreturn best;`, site);
  const merge = new CodegenContext();
  merge.addHelper('compareSortValues', compareSortValues(orders));
  merge.addHelper('insertBest', insertBest(n));
  const mergeBody = `const best = [];\nfor (const pair of input) {\n  const k = pair[0];\n  if (${keep}) insertBest(best, pair);\n}\nreturn best.map((pair) => pair[1]);`;
  return mapPartitionsGenerated(perPartition.coalesce(1), merge, mergeBody, site);
}

/** Binary insertion into the sorted buffer, dropping its last entry beyond n (stable: after equal keys). */
function insertBest(n: number): string {
  return `function insertBest(best, pair) {
  let lo = 0, hi = best.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (compareSortValues(best[mid][0], pair[0]) <= 0) lo = mid + 1; else hi = mid; }
  best.splice(lo, 0, pair);
  if (best.length > ${n}) best.pop();
}`;
}

/** A comparator of sort-key value arrays with each column's direction and null placement. */
function compareSortValues(orders: readonly SortOrderExpr[]): string {
  const columns = orders.map((o, i) => {
    const nullFirst = o.nullsFirst ? -1 : 1;
    const direction = o.ascending ? 1 : -1;
    return `  x = a[${i}]; y = b[${i}];
  if (x !== y) {
    if (x === null) return ${nullFirst};
    if (y === null) return ${-nullFirst};
    if (x < y) return ${-direction};
    if (x > y) return ${direction};
  }`;
  });
  return `function compareSortValues(a, b) {\n  let x, y;\n${columns.join('\n')}\n  return 0;\n}`;
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
