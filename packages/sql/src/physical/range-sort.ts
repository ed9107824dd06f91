/**
 * ORDER BY over all rows (Spark's range-partitioned sort), with column batches instead of one
 * record per row through the shuffle:
 *  1. a pre-job step samples the sort keys of the input and picks range bounds, as Spark's
 *     RangePartitioner does (sampleRangeBounds); a CSV or Parquet scan is sampled from a few
 *     chunks of each split or the first rows of each row group rather than read whole twice;
 *  2. each map task finds each row's reduce partition by a binary search of its key among the
 *     bounds and appends the values of the columns read above the sort to that partition's
 *     column batch (a column of numbers travels as a Float64Array);
 *  3. each reduce task sorts its rows as an index array under a comparator generated for the
 *     order over the key columns (runtime/sort-batches.ts), spilling when over its memory.
 * Every comparison (bounds, partitioning, sort) is code generated for the order's types.
 */
import { FnRef, type RDD } from '@flint/rdd';
import type { Attr, SortOrderExpr } from '../expr/expression.js';
import { CodegenContext, functionSource, generatedFunction } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { genSortComparison, genSortValues, keyOperands, type SortOperands } from './codegen/sort-order-codegen.js';
import { addPreJobStep, genLoop, mapPartitionsGenerated, outputAfter, withoutRowCounts, type Pipeline } from './pipeline.js';
import { SORT_RUNTIME, type SortBatchesEnv } from './runtime/sort-batches.js';
import { COLUMN_BUILDER } from './runtime/typed-columns.js';
import { keyIsPartition } from './runtime/group-partition.js';

/**
 * Keys sampled per output partition. Spark takes 60 (20, oversampled 3x), which leaves the
 * partitions of a 2-way sort 10 % apart in size (the bounds' sampling error); samples cost
 * little beside reading the rows they come from, so Flint takes more, up to 100,000 in all.
 */
const SAMPLES_PER_PARTITION = 500;
const MAX_SAMPLES = 100_000;

export function sortRows(child: Pipeline, orders: readonly SortOrderExpr[], numPartitions: number, site: string, isRead: (id: number) => boolean = () => true): RDD<unknown[]> {
  const output = outputAfter(child);
  // Only the columns something above reads travel through the shuffle; the others come out null.
  const carried = output.flatMap((a, i) => (isRead(a.id) ? [i] : []));
  const keyColumns = keyColumnLayout(orders, output, carried);
  const batches = addPreJobStep(partitionIntoBatches(child, orders, carried, keyColumns, site), async (node) => {
    const bounds = numPartitions === 1 ? [] : await sampleRangeBounds(child, orders, numPartitions, site);
    return { ...node, fn: new FnRef(node.fn.source, { ...node.fn.env, bounds }, node.fn.site), beforeJob: undefined };
  });
  const env: SortBatchesEnv = {
    outputWidth: output.length,
    carried,
    keyColumns: keyColumns.map((k) => k.column),
    descending: orders.map((o) => !o.ascending),
    indexOrder: indexOrder(orders, site) as unknown as SortBatchesEnv['indexOrder'],
    keyOrder: keyOrder(orders, site) as unknown as SortBatchesEnv['keyOrder'],
  };
  const shuffled = (batches as unknown as RDD<[number, unknown[][]]>).partitionBy(numPartitions, keyIsPartition());
  return shuffled.mapPartitions(SORT_RUNTIME.ref('sortBatches', env as unknown as Record<string, unknown>) as unknown as (b: Iterable<[number, unknown[][]]>) => Iterable<unknown[]>);
}

/**
 * Where each sort key is in a batch (whose columns are the carried output columns, then the
 * computed keys): a key that is a carried output column is read from it; any other key gets a
 * column of its own after them.
 */
function keyColumnLayout(orders: readonly SortOrderExpr[], output: readonly Attr[], carried: readonly number[]): { column: number; computed: boolean }[] {
  let extra = carried.length;
  return orders.map((o) => {
    const child = o.child;
    const position = child.kind === 'attr' ? carried.findIndex((p) => output[p].id === child.id) : -1;
    return position >= 0 ? { column: position, computed: false } : { column: extra++, computed: true };
  });
}

/** The map side: [reduce partition, columns] records, the columns being the carried output columns' then the computed keys'. */
function partitionIntoBatches(
  child: Pipeline,
  orders: readonly SortOrderExpr[],
  carried: readonly number[],
  keyColumns: readonly { column: number; computed: boolean }[],
  site: string,
): RDD<unknown[]> {
  const ctx = new CodegenContext();
  const output = outputAfter(child);
  const boundOperands: SortOperands = (i) => [`v${i}`, orders.length === 1 ? 'bound' : `bound[${i}]`];
  const params = orders.map((_, i) => `v${i}`).join(', ');
  ctx.addHelper('compareToBound', `function compareToBound(${params}, bound) {\n  ${genSortComparison(orders, boundOperands, ctx)}\n  return 0;\n}`);
  ctx.addHelper('ColumnBuilder', COLUMN_BUILDER);
  const width = carried.length + keyColumns.filter((k) => k.computed).length;
  const body = genLoop(child, ctx, (vars) => {
    const values = [...carried.map((p) => vars.get(output[p].id) as string), ...orders.filter((_, i) => keyColumns[i].computed).map((o) => genExpr(o.child, vars, ctx))];
    const lines = values.map((v, i) => `const s${i} = ${v};`);
    const keys = keyColumns.map((k) => `s${k.column}`).join(', ');
    return `${lines.join('\n  ')}
  let lo = 0, hi = bounds.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (compareToBound(${keys}, bounds[mid]) > 0) lo = mid + 1; else hi = mid; }
  let target = batches[lo];
  if (target === undefined) target = batches[lo] = [${values.map(() => 'new ColumnBuilder()').join(', ')}];
  ${values.map((_, i) => `target[${i}].add(s${i});`).join(' ')}`;
  });
  const source = `const bounds = env.bounds;
const batches = new Array(bounds.length + 1);
${body}
const out = [];
for (let p = 0; p < batches.length; p++) if (batches[p] !== undefined) out.push([p, batches[p].map((builder) => builder.column())]);
return out;`;
  if (width === 0) throw new Error('internal error: a sort without columns');
  return mapPartitionsGenerated(child, ctx, source, site);
}

/** Runs a job sampling the input's sort keys (a reservoir per partition) and picks numPartitions - 1 bounds. */
async function sampleRangeBounds(pipeline: Pipeline, orders: readonly SortOrderExpr[], numPartitions: number, site: string): Promise<unknown[]> {
  // A scan that can read a sample of its rows cheaply (CSV, Parquet) is sampled from that.
  const child = pipeline.sampleBase === undefined ? pipeline : { ...pipeline, base: pipeline.sampleBase };
  const ctx = new CodegenContext();
  const perPartition = Math.ceil(Math.min(SAMPLES_PER_PARTITION * numPartitions, MAX_SAMPLES) / Math.max(child.base.getNumPartitions(), 1));
  // A fixed xorshift seed: the same input gives the same bounds on every run.
  const body = genLoop(withoutRowCounts(child), ctx, (vars: Bindings) => `const key = ${genSortValues(orders, vars, ctx)};
  seen++;
  if (sample.length < ${perPartition}) sample.push(key);
  else {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    const slot = (seed >>> 0) % seen;
    if (slot < ${perPartition}) sample[slot] = key;
  }`);
  const sampler = mapPartitionsGenerated<unknown>(child, ctx, `const sample = [];\nlet seen = 0, seed = 0x2545f491;\n${body}\nreturn sample;`, site);
  const partials = await child.base.context.submitJob<unknown>(sampler, { description: `${site} (sample range bounds)` });
  return boundsFromSamples(partials.flat(), numPartitions, compileKeyOrder(orders));
}

/** Evenly spaced bounds from the sorted samples (Spark's RangePartitioner.determineBounds), without duplicates. */
function boundsFromSamples(samples: unknown[], numPartitions: number, compare: (a: unknown, b: unknown) => number): unknown[] {
  const sorted = samples.sort(compare);
  const bounds: unknown[] = [];
  for (let i = 1; i < numPartitions && sorted.length > 0; i++) {
    const candidate = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / numPartitions))];
    if (bounds.length === 0 || compare(bounds[bounds.length - 1], candidate) < 0) bounds.push(candidate);
  }
  return bounds;
}

/** `(a, b)` over two sort keys as genSortValues makes them. */
function keyOrderSource(orders: readonly SortOrderExpr[], ctx: CodegenContext): string {
  return `${genSortComparison(orders, keyOperands(orders), ctx)}\n  return 0;`;
}

function keyOrder(orders: readonly SortOrderExpr[], site: string): FnRef {
  const ctx = new CodegenContext();
  // `env` is declared so a worker binds the (empty) env after the two keys.
  return generatedFunction<FnRef>(ctx, ['a', 'b', 'env'], keyOrderSource(orders, ctx), site);
}

/** The key order on the driver, for the sampled bounds (generated code is self-contained, as constant folding runs it). */
function compileKeyOrder(orders: readonly SortOrderExpr[]): (a: unknown, b: unknown) => number {
  const ctx = new CodegenContext();
  return new Function(`return ${functionSource(ctx, ['a', 'b'], keyOrderSource(orders, ctx))}`)() as (a: unknown, b: unknown) => number;
}

/** `(keys) => (i, j) => ...`: the order of rows i and j of a reduce partition, from its key columns. */
function indexOrder(orders: readonly SortOrderExpr[], site: string): FnRef {
  const ctx = new CodegenContext();
  const operands: SortOperands = (column) => [`k${column}[i]`, `k${column}[j]`];
  const columns = orders.map((_, column) => `const k${column} = keys[${column}];`).join('\n');
  const body = `${columns}\nreturn (i, j) => {\n  ${genSortComparison(orders, operands, ctx)}\n  return 0;\n};`;
  return generatedFunction<FnRef>(ctx, ['keys', 'env'], body, site);
}
