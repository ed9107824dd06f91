/**
 * Hash aggregation in two phases around one shuffle, as Spark's HashAggregateExec: each map
 * task folds its rows into one buffer per group (partial aggregation, fused with the stage's
 * filters and projections: partial-aggregate.ts), buffers are shuffled by group key as a column
 * batch per reduce partition, and each reduce task merges the buffers of its groups in
 * map-partition order and computes the output columns.
 */
import type { RDD } from '@flint/rdd';
import type { Attr, Expr, NamedExpr } from '../expr/expression.js';
import { transformDown } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { dataTypeOf, nullableOf } from '../analyzer/type-of.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { exprKey } from './expr-key.js';
import { SPILL_RUNTIME } from './spill/spillable-groups.js';
import { streamPartitionsGenerated, type Pipeline } from './pipeline.js';
import { groupKey, nestedMapFind, partialAggregate, primitiveKeys, type AggregateCall, type GroupBatch } from './partial-aggregate.js';
import { keyIsPartition } from './runtime/group-partition.js';
import { JOIN_COLUMN_RUNTIME } from './runtime/join-columns.js';
import { normalizedGroupKey } from './normalized-group-keys.js';

export function hashAggregate(
  child: Pipeline,
  groupBy: readonly Expr[],
  aggregates: readonly NamedExpr[],
  numPartitions: number,
  site: string,
): RDD<unknown[]> {
  const calls = aggregateCalls(aggregates, groupBy.length);
  const partitions = groupBy.length === 0 ? 1 : numPartitions;
  const shuffled = partialAggregate(child, groupBy, calls, partitions, site).partitionBy(partitions, keyIsPartition());
  return finalAggregate(shuffled, groupBy, aggregates, calls, site);
}

export function aggregateCalls(aggregates: readonly NamedExpr[], groupCount: number): AggregateCall[] {
  const calls: AggregateCall[] = [];
  const seen = new Set<string>();
  let offset = groupCount;
  const visit = (e: Expr): Expr | undefined => {
    if (e.kind !== 'call') return undefined;
    const def = lookupFunction(e.name);
    if (def?.type !== 'aggregate') return undefined;
    const key = exprKey(e);
    if (!seen.has(key)) {
      seen.add(key);
      calls.push({ call: e, def, offset });
      offset += def.slots;
    }
    return e;
  };
  for (const a of aggregates) transformDown(a, visit);
  return calls;
}

export const slots = (buffer: string, c: AggregateCall) => Array.from({ length: c.def.slots }, (_, i) => `${buffer}[${c.offset + i}]`);

function finalAggregate(
  shuffled: RDD<[number, GroupBatch]>,
  groupBy: readonly Expr[],
  aggregates: readonly NamedExpr[],
  calls: AggregateCall[],
  site: string,
): RDD<unknown[]> {
  const ctx = new CodegenContext();
  for (const c of calls) ctx.addHelpers(c.def.helpers);
  const merges = calls.map((c) => c.def.merge(slots('b', c), slots('b2', c), c.call.args.map(dataTypeOf))).join('\n    ');
  const vars = new Map<number, string>();
  const finishes = calls.map((c, i) => {
    vars.set(placeholderId(groupBy.length + i), `f${i}`);
    return `const f${i} = ${c.def.finish(slots('b', c), c.call.args.map(dataTypeOf), c.call.evalMode)};`;
  });
  groupBy.forEach((g, i) => vars.set(placeholderId(i), normalizedGroupKey(`b[${i}]`, dataTypeOf(g), ctx)));
  const outputs = aggregates.map((a) => genExpr(withPlaceholders(a, groupBy, calls), vars, ctx));
  const bufferWidth = calls.reduce((n, c) => n + c.def.slots, groupBy.length);
  const column = (i: number) => `c${i}[r]`;
  const mergeRow = calls.map((c) => c.def.merge(slots('b', c), slots('', c).map((_, i) => column(c.offset + i)), c.call.args.map(dataTypeOf))).join('\n      ');
  const lookup = tableLookup(groupBy, column, ctx);
  const emptyGlobal = groupBy.length === 0 ? `if (groups.empty) { const b = [${calls.flatMap((c) => c.def.init()).join(', ')}]; groups.table.set(0, b); groups.added(b); }` : '';
  // The table spills to disk past the task's memory budget (physical/spill/spillable-groups.ts).
  ctx.env.newGroups = SPILL_RUNTIME.ref('newGroups');
  ctx.env.spillText = SPILL_RUNTIME.ref('spillText');
  ctx.env.plainColumn = JOIN_COLUMN_RUNTIME.ref('plainColumn');
  const columnNames = Array.from({ length: bufferWidth }, (_, i) => `c${i}`);
  // The merge loop is a plain function called per batch: V8 optimizes no loop inside a generator
  // while it runs (no on-stack replacement there), so in the generator itself it ran interpreted.
  // The batch's columns are its arguments: V8 gives the function its type feedback during the
  // first batch's loop, and code before the loop (reading the columns) then had none, which
  // deoptimized the optimized loop at the second batch.
  ctx.addHelper(
    'mergeGroupBatch',
    `function mergeGroupBatch(groups, size, ${columnNames.join(', ')}) {
  for (let r = 0; r < size; r++) {
    ${lookup.find}
    if (b === undefined) {
      b = [${Array.from({ length: bufferWidth }, (_, i) => column(i)).join(', ')}];
      ${lookup.leaf}.set(${lookup.last}, b);
      groups.added(b);
    } else {
      ${mergeRow}
    }
  }
}`,
  );
  const source = `const groups = env.newGroups((b, b2) => {
  ${merges}
}, (b) => ${lookup.spillKey});
for (const record of input) {
  const columns = record[1][1];
  mergeGroupBatch(groups, record[1][0], ${columnNames.map((_, i) => (i < groupBy.length ? `env.plainColumn(columns[${i}])` : `columns[${i}]`)).join(', ')});
}
${emptyGlobal}
for (const b of groups.buffers()) {
  ${finishes.join('\n  ')}
  yield [${outputs.join(', ')}];
}`;
  return streamPartitionsGenerated(shuffled, ctx, source, site);
}

/**
 * How the merge loop finds a record's group `b` in `groups.table` (nestedMapFind). `spillKey` is
 * the group's one key in spill files, from its buffer `b`: a JSON text of the key values when
 * the table nests a Map per key value, else the table's own key.
 */
function tableLookup(groupBy: readonly Expr[], column: (i: number) => string, ctx: CodegenContext): { find: string; leaf: string; last: string; spillKey: string } {
  const keySlots = groupBy.map((_, i) => `b[${i}]`);
  const primitive = primitiveKeys(groupBy);
  const types = groupBy.map(dataTypeOf);
  const { find, leaf, last } = nestedMapFind('groups.table', groupBy.map((_, i) => column(i)), types, primitive, 'b', ctx);
  const nested = primitive && groupBy.length >= 2;
  return { find: find.join('\n    '), leaf, last, spillKey: nested ? `env.spillText([${keySlots.join(', ')}])` : groupKey(keySlots, types, primitive, ctx) };
}

export const placeholderId = (i: number) => -1 - i;

/** Output expressions over the buffer: grouping expressions and aggregate calls become placeholders. */
export function withPlaceholders(e: Expr, groupBy: readonly Expr[], calls: AggregateCall[]): Expr {
  const groupKeys = groupBy.map(exprKey);
  const callKeys = calls.map((c) => exprKey(c.call));
  return transformDown(e, (x) => {
    if (x.kind === 'alias') return undefined;
    const key = exprKey(x);
    const g = groupKeys.indexOf(key);
    if (g >= 0) return placeholder(placeholderId(g), x);
    const c = callKeys.indexOf(key);
    if (c >= 0) return placeholder(placeholderId(groupBy.length + c), x);
    return undefined;
  });
}

function placeholder(id: number, e: Expr): Attr {
  return { kind: 'attr', id, name: `_${-id}`, dataType: dataTypeOf(e), nullable: nullableOf(e) };
}
