/**
 * Sort keys for windows (ordered by compareKeys) and the first n rows of a sort (TakeOrderedAndProject).
 * The window's key encoding gives each column a null rank
 * (0 before values, 2 after, per NULLS FIRST/LAST) and a value: as is when ascending, negated
 * when descending (numbers; strings become arrays of negated char codes, ending with 1 so a
 * prefix sorts after the longer string). The global sort is range-sort.ts.
 */
import type { RDD } from '@flint/rdd';
import type { SortOrderExpr } from '../expr/expression.js';
import type { PlanOf } from '../plan/logical-plan.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { genSortComparison, genSortValues, keyOperands } from './codegen/sort-order-codegen.js';
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
    const t = ctx.scratch();
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

/** Spark's spark.sql.execution.topKSortFallbackThreshold default: larger limits sort in full. */
const TOP_K_SORT_FALLBACK_THRESHOLD = 2147483632;

/**
 * The global sort (and the projection over it, if any) a limit takes its rows from as Spark's
 * SpecialLimits plans TakeOrderedAndProject: Limit(Sort) and Limit(Project(Sort)), with or
 * without an offset. `limit` is the number of rows taken in order (the offset's rows included),
 * and the first `offset` of them are then dropped.
 */
export function takeOrderedParts(limit: PlanOf<'limit'>): { sort: PlanOf<'sort'>; project?: PlanOf<'project'>; limit: number } | undefined {
  const take = limit.n + limit.offset;
  if (!(take < TOP_K_SORT_FALLBACK_THRESHOLD)) return undefined;
  const child = limit.child;
  if (child.kind === 'sort' && child.global) return { sort: child, limit: take };
  if (child.kind === 'project' && child.child.kind === 'sort' && child.child.global) return { sort: child.child, project: child, limit: take };
  return undefined;
}

/**
 * The first `n` rows in sort order without a full sort (Spark's TakeOrderedAndProject): each
 * task keeps its best n rows in a small sorted buffer as the stage's loop produces them (most
 * rows are rejected by one comparison with the buffer's last), and one task merges the buffers
 * and drops the first `offset` of them.
 */
export function takeOrdered(child: Pipeline, orders: readonly SortOrderExpr[], n: number, offset: number, site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  addCompareSortValues(orders, ctx);
  const output = outputAfter(child);
  // LIMIT 0 keeps nothing (the buffer has no last row to compare with).
  const keep = n === 0 ? 'false' : `best.length < ${n} || compareSortValues(k, best[best.length - 1][0]) < 0`;
  const body = genLoop(child, ctx, (vars) => `const k = ${genSortValues(orders, vars, ctx)};
  if (${keep}) insertBest(best, [k, ${rowOf(output, vars)}]);`);
  ctx.addHelper('insertBest', insertBest(n));
  const perPartition = mapPartitionsGenerated<[unknown, unknown[]]>(child, ctx, `const best = [];\n${body}\nreturn best;`, site);
  const merge = new CodegenContext();
  addCompareSortValues(orders, merge);
  merge.addHelper('insertBest', insertBest(n));
  const mergeBody = `const best = [];\nfor (const pair of input) {\n  const k = pair[0];\n  if (${keep}) insertBest(best, pair);\n}\nreturn best.slice(${offset}).map((pair) => pair[1]);`;
  return mapPartitionsGenerated(perPartition.coalesce(1), merge, mergeBody, site);
}

/** Each partition sorted on its own (sortWithinPartitions): rows with their sort values, stably sorted. */
export function sortEachPartition(child: Pipeline, orders: readonly SortOrderExpr[], site: string): RDD<unknown[]> {
  const ctx = new CodegenContext();
  addCompareSortValues(orders, ctx);
  const output = outputAfter(child);
  const body = genLoop(child, ctx, (vars) => `rows.push([${genSortValues(orders, vars, ctx)}, ${rowOf(output, vars)}]);`);
  return mapPartitionsGenerated(child, ctx, `const rows = [];\n${body}\nrows.sort((a, b) => compareSortValues(a[0], b[0]));\nreturn rows.map((pair) => pair[1]);`, site);
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

/** The comparator of sort keys as a helper function `compareSortValues` of the generated code in `ctx`. */
function addCompareSortValues(orders: readonly SortOrderExpr[], ctx: CodegenContext): void {
  ctx.addHelper('compareSortValues', `function compareSortValues(a, b) {\n  ${genSortComparison(orders, keyOperands(orders), ctx)}\n  return 0;\n}`);
}

/**
 * The same order as @flint/rdd's compareKeys over the values sort keys contain (null, booleans,
 * numbers and longs past 2^53 (JS bigints, compared with numbers exactly), strings, arrays).
 */
export const COMPARE_KEYS = `function keyRank(v) {
  return v === null || v === undefined ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' || typeof v === 'bigint' ? 2 : typeof v === 'string' ? 3 : 4;
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
