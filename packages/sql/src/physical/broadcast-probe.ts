/**
 * An inner broadcast hash join fused into the stream side's stage: a pipeline step (see
 * pipeline.ts) that looks each row's key up in the broadcast table and runs the steps after it,
 * and whatever consumes the stage's rows (an aggregation buffer update, a sort batch), once per
 * matching build row, in a nested loop. No joined row is built as an array and no generator
 * hands rows from the join to the next operator (Spark's BroadcastHashJoinExec under
 * whole-stage codegen). The table reaches the stage's function in a pre-job step.
 *
 * The table travels as columns (BuildTable): the build rows' keys and the columns read above
 * the join, numbers as Float64Arrays, so sending and decoding it copies bytes instead of
 * rebuilding a Map of row arrays; each task thread indexes the keys once (probeIndex).
 */
import type { Broadcast } from '@flint/rdd';
import type { Attr, Expr } from '../expr/expression.js';
import type { CodegenContext } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';

export interface BroadcastProbe {
  /** The stream side's key expressions (over the rows before this step). */
  readonly streamKeys: readonly Expr[];
  /** Per key: `<=>` (nulls match) rather than `=`. */
  readonly nullSafe: readonly boolean[];
  /** The build side's columns, in the order of the table's columns. */
  readonly buildOutput: readonly Attr[];
  /** Per build column: whether the table carries it (something above the join reads it). */
  readonly carried: readonly boolean[];
  /** The join's output: both sides' columns, left first. */
  readonly output: readonly Attr[];
  readonly residual: Expr | undefined;
  /** The broadcast table; loaded once, by the first job that needs it. */
  readonly table: () => Promise<Broadcast<BuildTable>>;
}

/** The build side of a broadcast join: row r has key `keys[r]` and values `columns[c][r]` (null: a column nothing reads). */
export interface BuildTable {
  readonly keys: ArrayLike<unknown>;
  readonly columns: readonly (ArrayLike<unknown> | null)[];
}

/**
 * Generated code's helper: the table with `index` (key → its first row, by `get`) and `next` (row
 * → the key's next row, -1 after the last), built once per thread on the decoded broadcast value.
 * Keys that are all small non-negative integers (ids: customer_id 1..100,000) are indexed by an
 * Int32Array of first rows instead of a Map: a probe is then one array read, where a Map of a
 * million number keys cost a cache miss or more per row (1.8 µs per row at 10M sales rows).
 * A string column of few distinct values gets one string object per value (sharedStrings): the
 * decoded broadcast has a string object per row, so grouping or comparing a probed row's value
 * read a different object each time, a cache miss and a hash (1.4 s for 5M probes of a million
 * rows of 5 segments, 0.35 s shared; it stops sharing past a sixteenth of the rows distinct).
 */
export const PROBE_INDEX = `class DenseKeyIndex {
  constructor(first) { this.first = first; }
  get(key) {
    if ((key >>> 0) !== key || key >= this.first.length) return undefined;
    const row = this.first[key];
    return row === -1 ? undefined : row;
  }
}
function denseKeyLimit(keys) {
  let max = -1;
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r];
    if (typeof key !== 'number' || (key >>> 0) !== key) return -1;
    if (key > max) max = key;
  }
  return max < 2 * keys.length + 1024 ? max + 1 : -1;
}
function sharedStrings(column) {
  if (!Array.isArray(column)) return;
  const seen = new Map();
  const most = Math.max(64, column.length >> 4);
  for (let r = 0; r < column.length; r++) {
    const value = column[r];
    if (typeof value !== 'string') continue;
    const shared = seen.get(value);
    if (shared !== undefined) column[r] = shared;
    else if (seen.size < most) seen.set(value, value);
    else return;
  }
}
function probeIndex(table) {
  if (table.index !== undefined) return table;
  for (const column of table.columns) sharedStrings(column);
  const keys = table.keys;
  const next = new Int32Array(keys.length);
  const limit = denseKeyLimit(keys);
  if (limit >= 0) {
    const first = new Int32Array(limit).fill(-1);
    for (let r = keys.length - 1; r >= 0; r--) {
      next[r] = first[keys[r]];
      first[keys[r]] = r;
    }
    table.index = new DenseKeyIndex(first);
  } else {
    const index = new Map();
    for (let r = keys.length - 1; r >= 0; r--) {
      const first = index.get(keys[r]);
      next[r] = first === undefined ? -1 : first;
      index.set(keys[r], r);
    }
    table.index = index;
  }
  table.next = next;
  return table;
}`;

/**
 * Hoisted declarations of a table's parts under `name` (`${name}index`, `${name}next`,
 * `${name}c<i>`), and the code of build column i of row `row` (null for a column not carried).
 */
export function genTableParts(name: string, table: string, carried: readonly boolean[], ctx: CodegenContext): { declarations: string; column: (i: number, row: string) => string } {
  ctx.addHelper('probeIndex', PROBE_INDEX);
  const columns = carried.flatMap((kept, i) => (kept ? [`${name}c${i} = ${name}t.columns[${i}]`] : []));
  const declarations = `const ${name}t = probeIndex(${table}), ${name}index = ${name}t.index, ${name}next = ${name}t.next${columns.map((c) => `, ${c}`).join('')};`;
  return { declarations, column: (i, row) => (carried[i] ? `${name}c${i}[${row}]` : 'null') };
}

/** The env name of the table of the pipeline's `index`-th probe. */
export const probeTableName = (index: number): string => `probeTable${index}`;

/**
 * Code of the probe (the pipeline's `index`-th): `hoisted` goes before the row loop, `lines`
 * into it and open a loop that the row loop's end closes. Returns the bindings after the join.
 */
export function genProbe(probe: BroadcastProbe, index: number, vars: Bindings, ctx: CodegenContext, hoisted: string[], lines: string[]): Bindings {
  const name = `bj${index}`;
  const codes = probe.streamKeys.map((k) => genExpr(k, vars, ctx));
  const keys = codes.map((code, i) => `const ${name}k${i} = ${code};`);
  const anyNull = codes.map((_, i) => (probe.nullSafe[i] ? '' : `${name}k${i} === null`)).filter((t) => t !== '');
  const key = codes.length === 1 ? `${name}k0` : `JSON.stringify([${codes.map((_, i) => `${name}k${i}`).join(', ')}])`;
  const parts = genTableParts(name, `env.${probeTableName(index)}.value`, probe.carried, ctx);
  hoisted.push(parts.declarations);
  lines.push(...keys);
  lines.push(`const ${name}first = ${anyNull.length === 0 ? '' : `${anyNull.join(' || ')} ? undefined : `}${name}index.get(${key});`);
  lines.push(`if (${name}first === undefined) continue;`);
  lines.push(`for (let ${name}r = ${name}first; ${name}r !== -1; ${name}r = ${name}next[${name}r]) {`);
  const next = new Map(vars);
  probe.buildOutput.forEach((a, i) => next.set(a.id, parts.column(i, `${name}r`)));
  if (probe.residual !== undefined) lines.push(`if (${genExpr(probe.residual, next, ctx)} !== true) continue;`);
  return next;
}
