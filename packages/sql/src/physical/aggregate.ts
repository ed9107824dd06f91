/**
 * Hash aggregation in two phases around one shuffle, as Spark's HashAggregateExec: each map
 * task folds its rows into one buffer per group (partial aggregation, fused with the stage's
 * filters and projections), buffers are shuffled by group key, and each reduce task merges the
 * buffers of its groups in map-partition order and computes the output columns.
 */
import type { RDD } from '@flint/rdd';
import type { Attr, Expr, NamedExpr } from '../expr/expression.js';
import { transformDown } from '../expr/expression.js';
import { lookupFunction, type AggregateFunction } from '../expr/registry.js';
import { dataTypeOf, nullableOf } from '../analyzer/type-of.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { exprKey } from './expr-key.js';
import { SPILL_RUNTIME } from './spill/spillable-groups.js';
import { genLoop, mapPartitionsGenerated, streamPartitionsGenerated, type Pipeline } from './pipeline.js';

interface AggregateCall {
  readonly call: Extract<Expr, { kind: 'call' }>;
  readonly def: AggregateFunction;
  /** Index of its first buffer slot (after the group values). */
  readonly offset: number;
}

export function hashAggregate(
  child: Pipeline,
  groupBy: readonly Expr[],
  aggregates: readonly NamedExpr[],
  numPartitions: number,
  site: string,
): RDD<unknown[]> {
  const calls = aggregateCalls(aggregates, groupBy.length);
  const partial = partialAggregate(child, groupBy, calls, site);
  const shuffled = (partial as unknown as RDD<[unknown, unknown[]]>).partitionBy(groupBy.length === 0 ? 1 : numPartitions);
  return finalAggregate(shuffled, groupBy, aggregates, calls, site);
}

function aggregateCalls(aggregates: readonly NamedExpr[], groupCount: number): AggregateCall[] {
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

const slots = (buffer: string, c: AggregateCall) => Array.from({ length: c.def.slots }, (_, i) => `${buffer}[${c.offset + i}]`);

/** The key a group is hashed and looked up by: the value itself for one column, else a JSON text. */
function groupKey(values: string[]): string {
  if (values.length === 0) return '0';
  if (values.length === 1) return values[0];
  return `JSON.stringify([${values.join(', ')}])`;
}

const bufferKeySlots = (n: number, buffer: string) => Array.from({ length: n }, (_, i) => `${buffer}[${i}]`);

/**
 * Finds or creates the group's buffer `b`. One key column is the Map key itself; with more, maps
 * nest one level per column when every key is a primitive value (Map compares objects by
 * identity), so a row costs a few lookups instead of building a key text (the shuffle key
 * text is built once per group, when the partition's buffers are emitted).
 */
function bufferLookup(keyVars: string[], nested: boolean, newBuffer: string): string[] {
  if (!nested) {
    return [`const key = ${groupKey(keyVars)};`, `let b = groups.get(key);`, `if (b === undefined) { b = ${newBuffer}; groups.set(key, b); }`];
  }
  const lines: string[] = [];
  let map = 'groups';
  keyVars.slice(0, -1).forEach((k, i) => {
    lines.push(`let m${i} = ${map}.get(${k});`, `if (m${i} === undefined) { m${i} = new Map(); ${map}.set(${k}, m${i}); }`);
    map = `m${i}`;
  });
  const last = keyVars[keyVars.length - 1];
  lines.push(`let b = ${map}.get(${last});`, `if (b === undefined) { b = ${newBuffer}; ${map}.set(${last}, b); buffers.push(b); }`);
  return lines;
}

const PRIMITIVE_KEY_TYPES = new Set(['string', 'boolean', 'byte', 'short', 'integer', 'long', 'float', 'double', 'decimal', 'date', 'timestamp', 'timestamp_ntz']);

function partialAggregate(child: Pipeline, groupBy: readonly Expr[], calls: AggregateCall[], site: string): RDD<unknown> {
  const ctx = new CodegenContext();
  const nestedKeys = groupBy.length >= 2 && groupBy.every((g) => PRIMITIVE_KEY_TYPES.has(dataTypeOf(g).typeName()));
  for (const c of calls) ctx.addHelpers(c.def.helpers);
  const body = genLoop(child, ctx, (vars) => {
    const lines: string[] = [];
    const keys = groupBy.map((g, i) => {
      lines.push(`const k${i} = ${genExpr(g, vars, ctx)};`);
      return `k${i}`;
    });
    const init = calls.flatMap((c) => c.def.init());
    lines.push(...bufferLookup(keys, nestedKeys, `[${[...keys, ...init].join(', ')}]`));
    calls.forEach((c, ci) => {
      const args = c.call.args.map((a, ai) => {
        lines.push(`const a${ci}_${ai} = ${genExpr(a, vars, ctx)};`);
        return `a${ci}_${ai}`;
      });
      lines.push(`{ ${c.def.update(slots('b', c), args, c.call.args.map(dataTypeOf))} }`);
    });
    return lines.join('\n  ');
  });
  const source =
    !nestedKeys
      ? `const groups = new Map();\n${body}\nreturn groups.entries();`
      : `const groups = new Map();\nconst buffers = [];\n${body}\nreturn buffers.map((b) => [${groupKey(bufferKeySlots(groupBy.length, 'b'))}, b]);`;
  return mapPartitionsGenerated(child, ctx, source, site);
}

function finalAggregate(
  shuffled: RDD<[unknown, unknown[]]>,
  groupBy: readonly Expr[],
  aggregates: readonly NamedExpr[],
  calls: AggregateCall[],
  site: string,
): RDD<unknown[]> {
  const ctx = new CodegenContext();
  for (const c of calls) ctx.addHelpers(c.def.helpers);
  const merges = calls.map((c) => c.def.merge(slots('b', c), slots('b2', c))).join('\n    ');
  const vars = new Map<number, string>();
  const finishes = calls.map((c, i) => {
    vars.set(placeholderId(groupBy.length + i), `f${i}`);
    return `const f${i} = ${c.def.finish(slots('b', c), c.call.args.map(dataTypeOf))};`;
  });
  groupBy.forEach((_, i) => vars.set(placeholderId(i), `b[${i}]`));
  const outputs = aggregates.map((a) => genExpr(withPlaceholders(a, groupBy, calls), vars, ctx));
  const emptyGlobal = groupBy.length === 0 ? `if (groups.empty) groups.add(0, [${calls.flatMap((c) => c.def.init()).join(', ')}]);` : '';
  // The table spills to disk past the task's memory budget (physical/spill/spillable-groups.ts).
  ctx.env.newGroups = SPILL_RUNTIME.ref('newGroups');
  const source = `const groups = env.newGroups((b, b2) => {
  ${merges}
});
for (const record of input) groups.add(record[0], record[1]);
${emptyGlobal}
for (const b of groups.buffers()) {
  ${finishes.join('\n  ')}
  yield [${outputs.join(', ')}];
}`;
  return streamPartitionsGenerated(shuffled, ctx, source, site);
}

const placeholderId = (i: number) => -1 - i;

/** Output expressions over the buffer: grouping expressions and aggregate calls become placeholders. */
function withPlaceholders(e: Expr, groupBy: readonly Expr[], calls: AggregateCall[]): Expr {
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
