/**
 * The map side of a hash aggregation (aggregate.ts), generated into the stage's loop: each row
 * finds its group's number in a hash table keyed by the group values, and updates the group's
 * slots. When every aggregate has a typed form (count, sum, avg, min, max over numbers) the
 * slots of all groups live in one Float64Array (group g at g * width), so an update allocates
 * nothing; otherwise each group has a buffer array. At the end the groups go out as one column
 * batch per reduce partition (the group values' columns, then the buffer slots' columns), not as
 * a record per group (group-batches.ts): what the shuffle writes and reads is a few arrays per map task.
 */
import type { RDD } from '@flint/rdd';
import type { DataType } from '../types/index.js';
import type { Expr } from '../expr/expression.js';
import type { AggregateFunction, TypedAccumulator } from '../expr/registry.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { genBatchLoop, mapPartitionsGenerated, type Pipeline } from './pipeline.js';
import { loopVar, type LoopVar } from './codegen/loop-state.js';
import { encodedRead } from './codegen/encoded-read.js';
import { isPrimitiveValued } from './codegen/complex-equality.js';
import { wordTableApplies, wordTableLookup, type GroupLookupCode, type GroupTableKey } from './codegen/group-table-codegen.js';
import type { DirectCells } from './codegen/direct-group-codegen.js';
import { AGGREGATE_RUNTIME } from './runtime/group-partition.js';
import { JOIN_COLUMN_RUNTIME, type JoinColumn } from './runtime/join-columns.js';
import { EMPTY_VALUES, groupBatchesCode } from './group-batches.js';
import { tupleKeyCode } from '../expr/key-text.js';

export interface AggregateCall {
  readonly call: Extract<Expr, { kind: 'call' }>;
  readonly def: AggregateFunction;
  /** Index of its first buffer slot (after the group values). */
  readonly offset: number;
}

/**
 * A map task's groups for one reduce partition: their count and the buffers' columns
 * (`columns[slot][group]`), compacted as a join's (runtime/join-columns.ts: Int32Arrays,
 * Float64Arrays, and a key column of few strings as one-byte codes into its values).
 */
export type GroupBatch = [groups: number, columns: JoinColumn[]];

/**
 * The key a group is hashed and looked up by: the value itself for one primitive column, else a
 * JSON text (a Map compares a struct or an array by identity, so equal ones would not meet).
 */
export function groupKey(values: string[], types: readonly DataType[], primitive: boolean, ctx: CodegenContext): string {
  if (values.length === 0) return '0';
  if (values.length === 1) return primitive ? values[0] : tupleKeyCode(values[0], types, ctx);
  return tupleKeyCode(`[${values.join(', ')}]`, types, ctx);
}

export const primitiveKeys = (keys: readonly Expr[]) => keys.every((k) => isPrimitiveValued(dataTypeOf(k)));

/**
 * Code that finds `found` in the Map `table` under the key values `keys` (expressions): through a
 * Map level per key value when every key is primitive (compared by value; missing levels are
 * made), else by one key (groupKey). A miss leaves `found` undefined; `leaf.set(last, ...)` adds it.
 */
export function nestedMapFind(table: string, keys: readonly string[], types: readonly DataType[], primitive: boolean, found: string, ctx: CodegenContext): { find: string[]; leaf: string; last: string } {
  if (!primitive || keys.length < 2) return { find: [`const key = ${groupKey([...keys], types, primitive, ctx)};`, `let ${found} = ${table}.get(key);`], leaf: table, last: 'key' };
  const find: string[] = [];
  let map = table;
  keys.slice(0, -1).forEach((k, i) => {
    find.push(`let m${i} = ${map}.get(${k});`, `if (m${i} === undefined) { m${i} = new Map(); ${map}.set(${k}, m${i}); }`);
    map = `m${i}`;
  });
  const last = keys[keys.length - 1];
  find.push(`let ${found} = ${map}.get(${last});`);
  return { find, leaf: map, last };
}

/**
 * Finds the group number `g` of the row's key values, or makes a new group (`onNew` runs then).
 * One key column is the Map key itself; with more, maps nest one level per column when every
 * key is a primitive value (Map compares objects by identity), so a row costs a few lookups
 * instead of building a key text. Integer and dictionary-encoded keys go through a table of
 * words instead (group-table-codegen.ts).
 */
function groupLookup(keys: readonly GroupTableKey[], ctx: CodegenContext, onNew: (values: string[]) => string, cells: DirectCells | undefined): GroupLookupCode {
  const primitive = primitiveKeys(keys.map((k) => k.expr));
  if (primitive && wordTableApplies(keys)) return wordTableLookup(keys, ctx, onNew, cells);
  const keyVars = keys.map((_, i) => `k${i}`);
  const { find, leaf, last } = nestedMapFind('groups', keyVars, keys.map((k) => dataTypeOf(k.expr)), primitive, 'g', ctx);
  const create = `if (g === undefined) { g = groupCount++; ${leaf}.set(${last}, g); ${onNew(keyVars)} }`;
  const row = [...keys.map((k, i) => `const k${i} = ${k.code};`), ...find, create];
  return { state: [loopVar('groups', 'new Map()', false)], batch: [], row, after: [] };
}

/** Each call's typed form when every call has one for its argument types; else undefined. */
function typedForms(calls: readonly AggregateCall[]): TypedAccumulator[] | undefined {
  const forms = calls.map((c) => (c.def.typed?.accepts(c.call.args.map(dataTypeOf)) ? c.def.typed : undefined));
  return forms.every((f) => f !== undefined) ? (forms as TypedAccumulator[]) : undefined;
}

/** How the generated code keeps each group's slots: slot expressions for the update, and for the emitted buffer. */
interface SlotLayout {
  /** Variables of the loop. */
  readonly state: readonly LoopVar[];
  /** Statements when a group is made (its number in `g`). */
  readonly onNew: string;
  /** Statements before the row's updates. */
  readonly locate: string;
  /** Call `i`'s update-time slot expressions. */
  updateSlots(i: number): string[];
  /** The buffer slot values of group `g` (after its key values), as expressions. */
  bufferSlots(): string[];
  /** Typed slots per cell of a direct index (direct-group-codegen.ts), and call `i`'s slots in array `slots` at `o` (a cell's or a group's). */
  readonly cells?: DirectCells;
  eitherSlots?(i: number): string[];
}

function typedLayout(calls: readonly AggregateCall[], forms: TypedAccumulator[], ctx: CodegenContext): SlotLayout {
  const starts: number[] = [];
  let width = 0;
  for (const f of forms) {
    starts.push(width);
    width += f.slots;
  }
  const slot = (i: number) => Array.from({ length: forms[i].slots }, (_, j) => `acc[o + ${starts[i] + j}]`);
  const at = (i: number) => Array.from({ length: forms[i].slots }, (_, j) => `acc[${width} * g + ${starts[i] + j}]`);
  const slotsAt = (array: string, offset: string, i: number) => Array.from({ length: forms[i].slots }, (_, j) => `${array}[${offset} + ${starts[i] + j}]`);
  const flushCells = `function flushCells(direct, cells, acc) {
  for (let c = 0; c < direct.length; c++) {
    const g = direct[c];
    if (g === -1) continue;
    const oc = ${width} * c, o = ${width} * g;
    ${forms.map((f, i) => f.merge(slotsAt('acc', 'o', i), slotsAt('cells', 'oc', i))).join('\n    ')}
    ${forms.flatMap((_, i) => slotsAt('cells', 'oc', i).map((slot) => `${slot} = 0;`)).join(' ')}
  }
}`;
  return {
    // Room for 64 groups to start, doubled as groups come.
    state: [loopVar('acc', `new Float64Array(${64 * width})`)],
    onNew: `if (acc.length < groupCount * ${width}) { const grown = new Float64Array(acc.length * 2); grown.set(acc); acc = grown; }`,
    locate: `const o = ${width} * g;`,
    updateSlots: slot,
    bufferSlots: () => calls.flatMap((_, i) => forms[i].buffer(at(i))),
    cells: {
      width,
      flush: (direct, cells) => {
        ctx.addHelpers({ flushCells });
        return `flushCells(${direct}, ${cells}, acc);`;
      },
    },
    eitherSlots: (i) => slotsAt('slots', 'o', i),
  };
}

function genericLayout(calls: readonly AggregateCall[], keyCount: number): SlotLayout {
  const slot = (buffer: string, i: number) => Array.from({ length: calls[i].def.slots }, (_, j) => `${buffer}[${calls[i].offset - keyCount + j}]`);
  return {
    state: [loopVar('buffers', EMPTY_VALUES, false)],
    onNew: `buffers.push([${calls.flatMap((c) => c.def.init()).join(', ')}]);`,
    locate: 'const b = buffers[g];',
    updateSlots: (i) => slot('b', i),
    bufferSlots: () => calls.flatMap((_, i) => slot('buffers[g]', i)),
  };
}

/**
 * The partial aggregation of the pipeline's rows: [reduce partition, GroupBatch] records. A
 * group's partition is the hash partition of its key values (group-partition.ts), as the RDD
 * layer's hash partitioner would place it.
 */
export function partialAggregate(child: Pipeline, groupBy: readonly Expr[], calls: readonly AggregateCall[], numPartitions: number, site: string): RDD<[number, GroupBatch]> {
  const ctx = new CodegenContext();
  for (const c of calls) ctx.addHelpers(c.def.helpers);
  ctx.env.compactColumn = JOIN_COLUMN_RUNTIME.ref('compactColumn');
  ctx.env.narrowColumn = JOIN_COLUMN_RUNTIME.ref('narrowColumn');
  const forms = typedForms(calls);
  const layout = forms ? typedLayout(calls, forms, ctx) : genericLayout(calls, groupBy.length);
  const keyColumns = groupBy.map((_, i) => `keys${i}`);
  const outer = [loopVar('groupCount', '0'), ...keyColumns.map((k) => loopVar(k, EMPTY_VALUES, false)), ...layout.state];
  const body = genBatchLoop(child, ctx, (vars) => {
    const lines: string[] = [];
    const keys = groupBy.map((expr): GroupTableKey => {
      const code = genExpr(expr, vars, ctx);
      return { expr, code, encoded: encodedRead(code) };
    });
    const lookup = groupLookup(keys, ctx, (values) => `${values.map((v, i) => `${keyColumns[i]}.push(${v});`).join(' ')} ${layout.onNew}`, layout.cells);
    lines.push(...lookup.row);
    const args = calls.map((c, ci) =>
      c.call.args.map((a, ai) => {
        lines.push(`const a${ci}_${ai} = ${genExpr(a, vars, ctx)};`);
        return `a${ci}_${ai}`;
      }),
    );
    const updates = (slots: (i: number) => string[]) =>
      calls.map((c, ci) => `{ ${forms ? forms[ci].update(slots(ci), args[ci]) : c.def.update(slots(ci), args[ci], c.call.args.map(dataTypeOf))} }`).join('\n  ');
    if (lookup.cells !== undefined && layout.eitherSlots !== undefined) {
      // One update code for both: the cell's slots, else (a miss) the group's.
      const width = layout.cells!.width;
      lines.push(`let slots = cellAcc, o = ${width} * directAt;`, `if (!(${lookup.cells.hit})) {\n  ${lookup.cells.miss}\n  slots = acc; o = ${width} * g;\n  }`, updates(layout.eitherSlots));
    } else lines.push(layout.locate, updates(layout.updateSlots));
    // The lookup's table goes before the loop (in each branch when the loop is generated twice, see genLoop).
    return { state: lookup.state, batch: lookup.batch, each: lines.join('\n  '), after: lookup.after };
  }, outer);
  const groupValues = keyColumns.map((k) => `${k}[g]`);
  // A group's partition: from its primitive key values (group-partition.ts's rule), else from their JSON text.
  const byKeyColumns = numPartitions > 1 && primitiveKeys(groupBy);
  if (byKeyColumns) ctx.env.keyPartitions = AGGREGATE_RUNTIME.ref('keyPartitions');
  else if (numPartitions > 1) ctx.env.groupPartition = AGGREGATE_RUNTIME.ref('groupPartition');
  const partitions =
    numPartitions === 1
      ? 'const partitionOf = null; // every group goes to partition 0'
      : byKeyColumns
        ? `const partitionOf = env.keyPartitions([${keyColumns.join(', ')}], groupCount, ${numPartitions});`
        : `const partitionOf = new Int32Array(groupCount);\nfor (let g = 0; g < groupCount; g++) partitionOf[g] = env.groupPartition(${groupKey(groupValues, groupBy.map(dataTypeOf), false, ctx)}, ${numPartitions});`;
  const emit = groupBatchesCode(ctx, {
    keyColumns,
    bufferValues: layout.bufferSlots(),
    numeric: forms !== undefined,
    reads: outer.slice(1).map((v) => v.name),
    numPartitions,
    partitions,
  });
  const source = `${body}\n${emit}`;
  return mapPartitionsGenerated(child, ctx, source, site);
}
