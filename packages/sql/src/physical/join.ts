/**
 * Shuffled hash join. The equality conjuncts of the join condition (`l.a = r.b`) become the join
 * key: both sides' rows are keyed by it in their own stages (fused with their filters and
 * projections), each side shuffled on its own (as Spark's two exchanges under a join, so that
 * adaptive execution can run one side's map stage alone) into the same partitions, read together
 * partition by partition (a partitioner-aware union), and each reduce task builds a hash table of its
 * partition's rows per key and emits the joined rows per join type; the rest of the condition is
 * checked on each candidate pair. A join with no equality keys sends every row to one partition
 * (a nested-loop join). Rows whose key has a null never match (unless compared with `<=>`).
 */
import type { DataType } from '../types/index.js';
import type { RDD } from '@flint/rdd';
import type { Attr, Expr } from '../expr/expression.js';
import { callOf, referencedIds } from '../expr/expression.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { isComplexType } from './codegen/complex-equality.js';
import { conjunction, splitConjuncts } from '../expr/predicates.js';
import type { JoinType } from '../plan/logical-plan.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { genLoop, mapPartitionsGenerated, outputAfter, streamPartitionsGenerated, type Pipeline } from './pipeline.js';
import { JOIN_SPILL_RUNTIME } from './spill/spillable-join.js';
import { AGGREGATE_RUNTIME, keyIsPartition } from './runtime/group-partition.js';
import { JOIN_BATCH_RUNTIME, type JoinBatch } from './runtime/join-batches.js';
import { JOIN_COLUMN_RUNTIME } from './runtime/join-columns.js';
import { tupleKeyCode } from '../expr/key-text.js';

/** The key of rows whose join key has a null: they reach the reduce side but match nothing. */
export const NULL_KEY = '\\u0000null';

/**
 * The key a null-aware anti join's right side sends to every reduce partition from each of its map
 * tasks that had rows (with NULL_KEY too when one of them had a null key): a reduce task then
 * knows whether the whole right side is empty or holds a null, not only its own partition.
 */
const ROWS_KEY = '\\u0000rows';

export interface EquiJoinKeys {
  readonly leftKeys: Expr[];
  readonly rightKeys: Expr[];
  readonly nullSafe: boolean[];
  readonly residual: Expr | undefined;
}

/** Both sides' key types: a key text written from them is the same on either side. */
export const joinKeyTypes = (keys: EquiJoinKeys): DataType[] => [...keys.leftKeys, ...keys.rightKeys].map(dataTypeOf);

/** A struct, array, map or binary key as its content's text (expr/builtins/join-keys.ts): hash tables compare objects by identity. */
const hashable = (key: Expr): Expr => (isComplexType(dataTypeOf(key)) ? callOf('join_key', [key]) : key);

export function equiJoinKeys(condition: Expr | undefined, left: readonly Attr[], right: readonly Attr[]): EquiJoinKeys {
  const leftIds = new Set(left.map((a) => a.id));
  const rightIds = new Set(right.map((a) => a.id));
  const within = (e: Expr, ids: Set<number>) => [...referencedIds(e)].every((id) => ids.has(id)) && referencedIds(e).size > 0;
  const keys: EquiJoinKeys = { leftKeys: [], rightKeys: [], nullSafe: [], residual: undefined };
  const rest: Expr[] = [];
  for (const c of splitConjuncts(condition)) {
    if (c.kind === 'binary' && (c.op === '=' || c.op === '<=>')) {
      if (within(c.left, leftIds) && within(c.right, rightIds)) {
        keys.leftKeys.push(hashable(c.left));
        keys.rightKeys.push(hashable(c.right));
        keys.nullSafe.push(c.op === '<=>');
        continue;
      }
      if (within(c.left, rightIds) && within(c.right, leftIds)) {
        keys.leftKeys.push(hashable(c.right));
        keys.rightKeys.push(hashable(c.left));
        keys.nullSafe.push(c.op === '<=>');
        continue;
      }
    }
    rest.push(c);
  }
  return { ...keys, residual: conjunction(rest) };
}

/** A shuffled join's rows, and each side's shuffle (adaptive execution measures them one by one). */
export interface ShuffledJoin {
  readonly rows: RDD<unknown[]>;
  readonly shuffles: { readonly left: RDD<unknown>; readonly right: RDD<unknown> };
  /** Which columns each side's shuffled rows carry. */
  readonly layouts: { readonly left: CarriedLayout; readonly right: CarriedLayout };
}

export function shuffledHashJoin(
  left: Pipeline,
  right: Pipeline,
  joinType: JoinType,
  condition: Expr | undefined,
  numPartitions: number,
  site: string,
  isRead: (id: number) => boolean = () => true,
  build: 'left' | 'right' = 'right',
  nullAware = false,
): ShuffledJoin {
  const leftOut = outputAfter(left);
  const rightOut = outputAfter(right);
  const keys = equiJoinKeys(condition, leftOut, rightOut);
  const partitions = keys.leftKeys.length === 0 ? 1 : numPartitions;
  const keepNullKeys = (side: 0 | 1) =>
    side === 0 ? ['left', 'full', 'left_anti', 'existence'].includes(joinType) : ['right', 'full'].includes(joinType);
  // A semi, anti or existence join without a residual condition needs only the right side's keys.
  const keysOnly = (joinType === 'left_semi' || joinType === 'left_anti' || joinType === 'existence') && keys.residual === undefined;
  // Null-aware only as a hash join on its one key (else null keys just never match, as before).
  const nullAwareKeys = nullAware && keysOnly && keys.leftKeys.length === 1;
  const rightRead = keysOnly ? () => false : isRead;
  const keyTypes = joinKeyTypes(keys);
  const shuffle = (batches: RDD<[number, JoinBatch]>) => batches.partitionBy(partitions, keyIsPartition());
  const shuffles = {
    left: shuffle(keyRows(left, keys.leftKeys, keyTypes, keys.nullSafe, 0, keepNullKeys(0), partitions, site, isRead)),
    right: shuffle(keyRows(right, keys.rightKeys, keyTypes, keys.nullSafe, 1, keepNullKeys(1), partitions, site, rightRead, nullAwareKeys)),
  };
  // A join that streams one side reads each reduce partition's build rows first (see firstSide).
  const both = firstSide(joinType, build) === 'right' ? shuffles.right.union(shuffles.left) : shuffles.left.union(shuffles.right);
  const layouts = { left: carriedLayout(leftOut, isRead), right: carriedLayout(rightOut, rightRead) };
  return { rows: joinPartitions(both, layouts.left, layouts.right, joinType, keys.residual, keysOnly, build, site, nullAwareKeys), shuffles, layouts };
}

/**
 * Whether the join streams one side through a hash table of the other (`build`): every join that
 * keeps no unmatched right rows (only an inner join builds its left side, join-selection.ts).
 */
export const streams = (joinType: JoinType): boolean => joinType !== 'right' && joinType !== 'full';

/**
 * The side whose shuffle a reduce partition reads first: the build side of a streaming join, so
 * that a reduce task reads all build rows of its partition (the hash table) before the rows that
 * probe it; else the left side.
 */
const firstSide = (joinType: JoinType, build: 'left' | 'right'): 'left' | 'right' => (streams(joinType) ? build : 'left');

/**
 * Which of a side's columns its shuffled rows carry (those an operator reads; the others are
 * null in the joined rows): `positions` in the side's output, and per output column its place in
 * a shuffled row, -1 when not carried.
 */
export interface CarriedLayout {
  readonly output: readonly Attr[];
  readonly positions: readonly number[];
  readonly slot: readonly number[];
}

export function carriedLayout(output: readonly Attr[], isRead: (id: number) => boolean): CarriedLayout {
  const positions = output.flatMap((a, i) => (isRead(a.id) ? [i] : []));
  const slot = output.map((_, i) => positions.indexOf(i));
  return { output, positions, slot };
}

/** The code of a side's column i through `access` (its place in a shuffled row to code; null when not carried). */
const columnVia = (layout: CarriedLayout, i: number, access: (slot: number) => string): string => (layout.slot[i] < 0 ? 'null' : access(layout.slot[i]));

/** The code of a side's column i in its shuffled row `row` (null when not carried). */
export const carriedColumn = (layout: CarriedLayout, row: string, i: number): string => columnVia(layout, i, (slot) => `${row}[${slot}]`);

/** The code of the side's full-width row (every output column) from its shuffled row `row`. */
export const fullRow = (layout: CarriedLayout, row: string): string => `[${layout.output.map((_, i) => carriedColumn(layout, row, i)).join(', ')}]`;

/**
 * One side's rows as join batches (runtime/join-batches.ts): per reduce partition, the rows' keys
 * and the columns something reads, hashed into `numPartitions` by key.
 */
function keyRows(p: Pipeline, keys: Expr[], keyTypes: readonly DataType[], nullSafe: boolean[], side: 0 | 1, keepNullKeys: boolean, numPartitions: number, site: string, isRead: (id: number) => boolean, markers = false): RDD<[number, JoinBatch]> {
  const ctx = new CodegenContext();
  ctx.env.compactColumn = JOIN_COLUMN_RUNTIME.ref('compactColumn');
  ctx.env.joinPartition = AGGREGATE_RUNTIME.ref('groupPartition');
  const output = outputAfter(p);
  const { positions } = carriedLayout(output, isRead);
  const body = genLoop(p, ctx, (vars) => {
    const lines = keys.map((k, i) => `const k${i} = ${genExpr(k, vars, ctx)};`);
    const nullable = keys.map((_, i) => i).filter((i) => !nullSafe[i]);
    const key = keys.length === 0 ? '0' : keys.length === 1 ? 'k0' : tupleKeyCode(`[${keys.map((_, i) => `k${i}`).join(', ')}]`, keyTypes, ctx);
    const anyNull = nullable.map((i) => `k${i} === null`).join(' || ');
    const add = [
      `const jp = ${numPartitions === 1 ? '0' : `env.joinPartition(jkey, ${numPartitions})`};`,
      `let jb = joinBatches[jp];`,
      `if (jb === undefined) jb = joinBatches[jp] = [${['[]', ...positions.map(() => '[]')].join(', ')}];`,
      `jb[0].push(jkey); ${positions.map((i, c) => `jb[${c + 1}].push(${vars.get(output[i].id)});`).join(' ')}`,
    ].join('\n  ');
    if (markers) lines.push(anyNull === '' ? 'sawRows = true;' : `sawRows = true; if (${anyNull}) sawNull = true;`);
    if (anyNull === '') lines.push(`{ const jkey = ${key};\n  ${add} }`);
    else if (keepNullKeys) lines.push(`{ const jkey = (${anyNull}) ? '${NULL_KEY}' : ${key};\n  ${add} }`);
    else lines.push(`if (!(${anyNull})) { const jkey = ${key};\n  ${add} }`);
    return lines.join('\n  ');
  });
  const sendMarkers = `if (sawRows) for (let p = 0; p < ${numPartitions}; p++) {
  const jb = joinBatches[p] ??= [${['[]', ...positions.map(() => '[]')].join(', ')}];
  const keys = sawNull ? ['${ROWS_KEY}', '${NULL_KEY}'] : ['${ROWS_KEY}'];
  for (const key of keys) { jb[0].push(key); ${positions.map((_, c) => `jb[${c + 1}].push(null);`).join(' ')} }
}`;
  const source = `const joinBatches = new Array(${numPartitions});
${markers ? `let sawRows = false, sawNull = false;\n${body}\n${sendMarkers}` : body}
const out = [];
for (let p = 0; p < joinBatches.length; p++) {
  const b = joinBatches[p];
  if (b !== undefined) out.push([p, [${side}, env.compactColumn(b[0], false), b.slice(1).map((column) => env.compactColumn(column, true))]]);
}
return out;`;
  return mapPartitionsGenerated(p, ctx, source, site);
}

/** Statements of a join's reduce side for one way of reading the streamed row's columns. */
interface RowCode {
  readonly test: string;
  readonly emitPair: string;
  readonly afterLeft: string;
  /** Emits a table row `r` with nulls for the other side (unmatched right rows). */
  readonly unmatchedRight: string;
}

function joinPartitions(
  shuffled: RDD<unknown>,
  left: CarriedLayout,
  right: CarriedLayout,
  joinType: JoinType,
  residual: Expr | undefined,
  keysOnly: boolean,
  build: 'left' | 'right',
  site: string,
  nullAware: boolean,
): RDD<unknown[]> {
  const ctx = new CodegenContext();
  // The streamed row is `l` (or a batch's row, see streamRows); `r` is a row of the hash table.
  const streamedIsLeft = !(build === 'left' && streams(joinType));
  const rowCode = (streamed: (slot: number) => string): RowCode => {
    const table = (slot: number) => `r[${slot}]`;
    const [leftAccess, rightAccess] = streamedIsLeft ? [streamed, table] : [table, streamed];
    const leftColumns = left.output.map((_, i) => columnVia(left, i, leftAccess));
    const rightColumns = right.output.map((_, i) => columnVia(right, i, rightAccess));
    const vars = new Map<number, string>([...left.output.map((a, i) => [a.id, leftColumns[i]] as const), ...right.output.map((a, i) => [a.id, rightColumns[i]] as const)]);
    const nullsRight = right.output.map(() => 'null');
    const joined = (l: string[], r: string[]) => `yield [${[...l, ...r].join(', ')}];`;
    const pair = joinType === 'left_semi' || joinType === 'left_anti' || joinType === 'existence' ? 'break;' : joined(leftColumns, rightColumns);
    const afterLeft: Record<JoinType, string> = {
      inner: '',
      cross: '',
      left: `if (!matched) ${joined(leftColumns, nullsRight)}`,
      right: '',
      full: `if (!matched) ${joined(leftColumns, nullsRight)}`,
      left_semi: `if (matched) ${joined(leftColumns, [])}`,
      left_anti: `if (!matched) ${joined(leftColumns, [])}`,
      existence: joined(leftColumns, ['matched']),
    };
    return {
      test: residual ? `if (${genExpr(residual, vars, ctx)} !== true) continue;` : '',
      emitPair: pair,
      afterLeft: afterLeft[joinType],
      unmatchedRight: joined(left.output.map(() => 'null'), rightColumns),
    };
  };
  if (streams(joinType)) {
    ctx.env.newHashJoin = JOIN_SPILL_RUNTIME.ref('newHashJoin');
    ctx.env.plainColumn = JOIN_COLUMN_RUNTIME.ref('plainColumn');
    // A null-aware probe matches every row once the right side has rows and a null, a null key once it has rows.
    const matches = (table: string, key: string) =>
      nullAware ? `buildRows && (${key} === '${NULL_KEY}' || buildNull || ${table}.has(${key}))` : `${key} !== '${NULL_KEY}' && ${table}.has(${key})`;
    const probe = (table: string, key: string, code: RowCode) =>
      keysOnly
        ? `const matched = ${matches(table, key)};
  ${code.afterLeft}`
        : probeOne(table, key, code);
    const [buildLayout, streamedLayout] = streamedIsLeft ? [right, left] : [left, right];
    const batchRow = rowCode((slot) => `sc${slot}[si]`);
    const recordRow = rowCode((slot) => `l[${slot}]`);
    const source = streamRows(keysOnly, nullAware, build === 'left' ? 0 : 1, buildLayout.positions.length, streamedLayout.positions.length, probe('join.table', 'key', batchRow), probe('table', 'record[0]', recordRow));
    return streamPartitionsGenerated(shuffled, ctx, source, site);
  }
  const code = rowCode((slot) => `l[${slot}]`);
  ctx.env.joinRecords = JOIN_BATCH_RUNTIME.ref('joinRecords');
  ctx.env.newJoinGroups = JOIN_SPILL_RUNTIME.ref('newJoinGroups');
  const source = `for (const table of env.newJoinGroups().tables(env.joinRecords(input))) for (const [key, group] of table) {
  const ls = group[0];
  const rs = key === '${NULL_KEY}' ? [] : group[1];
  const rightMatched = new Uint8Array(rs.length);
  for (const l of ls) {
    let matched = false;
    for (let j = 0; j < rs.length; j++) {
      const r = rs[j];
      ${code.test}
      matched = true;
      rightMatched[j] = 1;
      ${code.emitPair}
    }
    ${code.afterLeft}
  }
  const unmatched = key === '${NULL_KEY}' ? group[1] : group[1].filter((_, j) => rightMatched[j] === 0);
  for (const r of unmatched) ${code.unmatchedRight}
}`;
  return streamPartitionsGenerated(shuffled, ctx, source, site);
}

/** A row of a join batch's columns `columns` at `i`, `width` columns wide, as code. */
const batchRowAt = (columns: string, i: string, width: number): string => `[${Array.from({ length: width }, (_, c) => `${columns}[${c}][${i}]`).join(', ')}]`;

/**
 * The reduce side of a join that keeps no unmatched right rows: the build side's rows (tagged
 * `buildTag`, first in each reduce partition) go into the hash table, and each row of the other
 * side probes it as it comes, read from its batch's columns where it stands (`probeBatchRow`:
 * no record per streamed row). Past the task's memory budget the table spills, the probing rows
 * wait in their buckets as records, and each bucket is joined at the end (`probeRecord`,
 * spill/spillable-join.ts).
 */
function streamRows(keysOnly: boolean, nullAware: boolean, buildTag: 0 | 1, buildWidth: number, streamedWidth: number, probeBatchRow: string, probeRecord: string): string {
  const streamedColumns = Array.from({ length: streamedWidth }, (_, c) => `const sc${c} = columns[${c}];`).join(' ');
  const addBuild = `join.addBuild([keys[i], [side, ${batchRowAt('columns', 'i', buildWidth)}]])`;
  // A null-aware join's markers (ROWS_KEY, NULL_KEY) become flags: a spilled table keeps each key in one bucket only.
  const buildRow = nullAware
    ? `if (keys[i] === '${ROWS_KEY}') buildRows = true; else if (keys[i] === '${NULL_KEY}') buildNull = true; else ${addBuild};`
    : `if (keys[i] !== '${NULL_KEY}') ${addBuild};`;
  return `const join = env.newHashJoin(${keysOnly});
const none = [];
let buildRows = false, buildNull = false;
for (const batch of input) {
  const [side, keys, packed] = batch[1];
  const columns = packed.map(env.plainColumn);
  if (side === ${buildTag}) {
    for (let i = 0; i < keys.length; i++) ${buildRow}
    continue;
  }
  ${streamedColumns}
  for (let si = 0; si < keys.length; si++) {
    const key = keys[si];
    if (join.spilling) {
      join.deferProbe([key, [side, ${batchRowAt('columns', 'si', streamedWidth)}]]);
      continue;
    }
    join.probed();
    ${probeBatchRow}
  }
}
for (const [table, probes] of join.spilledTables()) for (const record of probes) {
  const l = record[1][1];
  ${probeRecord}
}`;
}

/** One streamed row with join key `key` probing the table rows of its key in `table`. */
function probeOne(table: string, key: string, code: RowCode): string {
  return `const rs = ${key} === '${NULL_KEY}' ? none : ${table}.get(${key}) ?? none;
  let matched = false;
  for (let j = 0; j < rs.length; j++) {
    const r = rs[j];
    ${code.test}
    matched = true;
    ${code.emitPair}
  }
  ${code.afterLeft}`;
}
