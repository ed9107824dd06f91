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
 * rebuilding a Map of row arrays; each task thread indexes the keys and lays the columns out for
 * probing once (runtime/probe-index.ts).
 */
import type { DataType } from '../types/index.js';
import type { Broadcast } from '@flint/rdd';
import type { Attr, Expr } from '../expr/expression.js';
import type { CodegenContext } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { PROBE_INDEX } from './runtime/probe-index.js';
import { encodedValue } from './codegen/encoded-read.js';
import type { JoinColumn } from './runtime/join-columns.js';
import { isKeyRun, type BuildKeys } from './runtime/key-runs.js';
import { tupleKeyCode } from '../expr/key-text.js';

export interface BroadcastProbe {
  /** The stream side's key expressions (over the rows before this step). */
  readonly streamKeys: readonly Expr[];
  /** Both sides' key types (joinKeyTypes): what the key text of several keys is written by. */
  readonly keyTypes: readonly DataType[];
  /** Per key: `<=>` (nulls match) rather than `=`. */
  readonly nullSafe: readonly boolean[];
  /** The build side's columns, in the order of the table's columns. */
  readonly buildOutput: readonly Attr[];
  /** Per build column: whether the probe reads it from the table (something above the join reads it, and it is not key-bound). */
  readonly carried: readonly boolean[];
  /** Per build column: the index of the stream key whose value it has in every match (the probe binds it to that key), else undefined. */
  readonly keyBound?: readonly (number | undefined)[];
  /** The join's output: both sides' columns, left first. */
  readonly output: readonly Attr[];
  readonly residual: Expr | undefined;
  /** The broadcast table; loaded once, by the first job that needs it. */
  readonly table: () => Promise<Broadcast<BuildTable>>;
}

/** The build side of a broadcast join: row r has key `keys[r]` (or `keys.runFrom + r`, runtime/key-runs.ts) and values `columns[c][r]` (null: a column nothing reads). */
export interface BuildTable {
  readonly keys: BuildKeys;
  readonly columns: readonly (JoinColumn | null)[];
}

/** A table's parts as generated code (genTableParts). */
export interface TableParts {
  /** Hoisted declarations of the parts under the table's name (`<name>index`, `<name>next`, `<name>c<i>`, ...). */
  readonly declarations: string;
  /** The code of build column i of row `row` (null for a column not carried). */
  column(i: number, row: string): string;
  /** The code of the row after `row` with the same key, -1 after the last. */
  nextRow(row: string): string;
}

/** The parts of the table `table` (code of a BuildTable) under `name`, the probe index built once per thread (runtime/probe-index.ts). */
export function genTableParts(name: string, table: string, carried: readonly boolean[], ctx: CodegenContext): TableParts {
  ctx.addHelper('probeIndex', PROBE_INDEX);
  const columns = carried.flatMap((kept, i) => (kept ? [`${name}c${i} = ${name}t.probeColumns[${i}], ${name}d${i} = ${name}t.dictionaries[${i}]`] : []));
  const declarations = `const ${name}t = probeIndex(${table}), ${name}index = ${name}t.index, ${name}next = ${name}t.next, ${name}unique = ${name}t.unique${columns.map((c) => `, ${c}`).join('')};`;
  return {
    declarations,
    column: (i, row) => (carried[i] ? encodedValue(`${name}d${i}`, `${name}c${i}`, row) : 'null'),
    nextRow: (row) => nextRow(name, row),
  };
}

const nextRow = (name: string, row: string): string => `(${name}unique ? -1 : ${name}next[${row}])`;

/** The line that opens the probe's loop over the rows of the row's key (the row loop's end closes it). */
const matchLoop = (name: string): string => `for (let ${name}r = ${name}first; ${name}r !== -1; ${name}r = ${nextRow(name, `${name}r`)}) {`;

/**
 * The same for a table whose keys are unique: its one match, no loop. Over the sales join's
 * 1M customers the loop (one pass for each row) made the row loop ~25% slower than a block. A
 * switch, not a plain block, so that a break or continue in the steps after the probe means what
 * it meant in the loop.
 */
const oneMatch = (name: string): string => `switch (0) { default: const ${name}r = ${name}first;`;

/**
 * `source` (a pipeline's generated code, its probes' tables `tables` in probe order) with the
 * probe into each table whose keys are a run (unique, runtime/key-runs.ts) reading its one match
 * without a loop. The driver knows the tables in the join's pre-job step, before the tasks compile the code.
 */
export function withUniqueMatches(source: string, tables: readonly Broadcast<BuildTable>[]): string {
  return tables.reduce((code, table, i) => (isKeyRun(table.value.keys) ? code.replace(matchLoop(`bj${i}`), oneMatch(`bj${i}`)) : code), source);
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
  const key = codes.length === 1 ? `${name}k0` : tupleKeyCode(`[${codes.map((_, i) => `${name}k${i}`).join(', ')}]`, probe.keyTypes, ctx);
  const parts = genTableParts(name, `env.${probeTableName(index)}.value`, probe.carried, ctx);
  hoisted.push(parts.declarations);
  lines.push(...keys);
  lines.push(`const ${name}first = ${anyNull.length === 0 ? '' : `${anyNull.join(' || ')} ? undefined : `}${name}index.get(${key});`);
  lines.push(`if (${name}first === undefined) continue;`);
  lines.push(matchLoop(name));
  const next = new Map(vars);
  probe.buildOutput.forEach((a, i) => next.set(a.id, probe.keyBound?.[i] === undefined ? parts.column(i, `${name}r`) : `${name}k${probe.keyBound[i]}`));
  if (probe.residual !== undefined) lines.push(`if (${genExpr(probe.residual, next, ctx)} !== true) continue;`);
  return next;
}
