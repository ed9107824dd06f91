/**
 * Broadcast hash join (Spark's BroadcastHashJoinExec): when one side is small, its rows are
 * keyed in its own tasks (generated key code) into columns (broadcast-probe.ts BuildTable),
 * collected, put end to end on the driver and sent to the workers once as a broadcast, in a pre-job step of the join (see
 * @flint/rdd's plan/prepare.ts) that runs when the join's first job starts. Every task of the
 * other side (the stream side) probes that table with its rows, as they stream, in the stream
 * side's stage; the big side is never shuffled, and the small side is computed once (a task
 * thread decodes the table once and reuses it for all its tasks). An inner join is fused into the
 * stream side's pipeline instead (fusedBroadcastJoin, broadcast-probe.ts).
 */
import type { DataType } from '../types/index.js';
import { FnRef, type Broadcast, type RDD } from '@flint/rdd';
import type { Attr, Expr } from '../expr/expression.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import type { JoinType } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { joinKeyTypes, NULL_KEY, type EquiJoinKeys } from './join.js';
import { addPreJobStep, genLoop, mapPartitionsGenerated, outputAfter, streamPartitionsGenerated, withStep, type Pipeline } from './pipeline.js';
import { genTableParts, type BroadcastProbe, type BuildTable } from './broadcast-probe.js';
import { concatJoinColumns, JOIN_COLUMN_RUNTIME, type JoinColumn } from './runtime/join-columns.js';
import { bulkBuildPrologue } from './bulk-build-parts.js';
import { concatBuildKeys, KEY_RUN_RUNTIME, type BuildKeys } from './runtime/key-runs.js';
import { tupleKeyCode } from '../expr/key-text.js';

/** Which side may be broadcast for each join type: the side whose unmatched rows are not kept. */
export function broadcastableSides(joinType: JoinType): ('left' | 'right')[] {
  switch (joinType) {
    case 'inner':
    case 'cross':
      return ['right', 'left'];
    case 'left':
    case 'left_semi':
    case 'left_anti':
    case 'existence':
      return ['right'];
    case 'right':
      return ['left'];
    case 'full':
      return [];
  }
}

/** One part of a broadcast table per record: its rows' keys and, per column of the small side, their values (null: not carried). */
export type BuildPart = [BuildKeys, (JoinColumn | null)[]];

/** Where a broadcast table's rows come from when not from the small side's plan (adaptive/broadcast-from-shuffle.ts). */
export interface BuildRows {
  readonly rows: RDD<BuildPart>;
  /** Per column of the small side: whether its parts carry it. */
  readonly carried: readonly boolean[];
  /** The table made of them, collected and broadcast once for every join that probes it. */
  readonly table: () => Promise<Broadcast<BuildTable>>;
}

/** The table of `rows`, loaded by the first call only. */
export function onceLoaded(rows: RDD<BuildPart>, site: string): () => Promise<Broadcast<BuildTable>> {
  return onceBroadcastJob(rows, site, buildTableOf);
}

/** `combine` of the rows of `rows` (all partitions end to end), collected and broadcast by the first call only. */
export function onceBroadcastJob<T, V>(rows: RDD<T>, site: string, combine: (parts: T[]) => V): () => Promise<Broadcast<V>> {
  let loaded: Promise<Broadcast<V>> | undefined;
  const load = async () => {
    const partitions: T[][] = await rows.context.submitJob<T>(rows, { description: `broadcast join: build side (${site})` });
    return (rows.context as SqlHost).broadcast(combine(partitions.flat() as T[]));
  };
  return () => (loaded ??= load());
}

export function broadcastHashJoin(
  left: Pipeline,
  right: Pipeline,
  build: 'left' | 'right',
  joinType: JoinType,
  keys: EquiJoinKeys,
  residual: Expr | undefined,
  site: string,
  isRead: (id: number) => boolean = () => true,
  computed?: BuildRows,
  nullAware = false,
): RDD<unknown[]> {
  const [stream, small] = build === 'right' ? [left, right] : [right, left];
  // Null-aware only on one key and no other condition, as the shuffled join (join.ts).
  const nullAwareKey = nullAware && keys.leftKeys.length === 1 && residual === undefined;
  const streamKeys = build === 'right' ? keys.leftKeys : keys.rightKeys;
  const buildKeys = build === 'right' ? keys.rightKeys : keys.leftKeys;
  const smallOutput = outputAfter(small);
  const carried = computed?.carried ?? smallOutput.map((a) => isRead(a.id));

  const ctx = new CodegenContext();
  const keyTypes = joinKeyTypes(keys);
  const keyOf = (exprs: Expr[], vars: ReadonlyMap<number, string>) => {
    const codes = exprs.map((k) => genExpr(k, vars, ctx));
    const nullable = codes.map((c, i) => (keys.nullSafe[i] ? 'false' : `(${c}) === null`));
    const key = codes.length === 1 ? codes[0] : tupleKeyCode(`[${codes.join(', ')}]`, keyTypes, ctx);
    return { key, anyNull: nullable.join(' || ') || 'false' };
  };
  const streamOutput = outputAfter(stream);
  const parts = genTableParts('bt', 'env.buildTable.value', carried, ctx);
  const smallValues = smallOutput.map((_, i) => parts.column(i, 'r'));
  const body = genLoop(stream, ctx, (vars) => {
    const probe = keyOf(streamKeys, vars);
    const streamValues = streamOutput.map((a) => vars.get(a.id)!);
    const pairVars = new Map<number, string>([...streamOutput.map((a) => [a.id, vars.get(a.id)!] as const), ...smallOutput.map((a, i) => [a.id, smallValues[i]] as const)]);
    const test = residual ? `if (${genExpr(residual, pairVars, ctx)} !== true) continue;` : '';
    // Output rows are built as one array literal each (no intermediate stream-row array to concat).
    const rowWith = (smallValues: string[]) => `[${(build === 'right' ? [...streamValues, ...smallValues] : [...smallValues, ...streamValues]).join(', ')}]`;
    const joined = rowWith(smallValues);
    const unmatched = rowWith(smallOutput.map(() => 'null'));
    const s = `[${streamValues.join(', ')}]`;
    const onMatch = joinType === 'left_semi' || joinType === 'left_anti' || joinType === 'existence' ? 'break;' : `yield ${joined};`;
    // An existence join's row: the stream row and whether it matched.
    const flagged = (matched: string) => `[${[...streamValues, matched].join(', ')}]`;
    const after =
      joinType === 'left' || joinType === 'right'
        ? `if (!matched) yield ${unmatched};`
        : joinType === 'left_semi'
          ? `if (matched) yield ${s};`
          : joinType === 'left_anti'
            ? `if (!matched) yield ${s};`
            : joinType === 'existence'
              ? `yield ${flagged('matched')};`
              : '';
    if (nullAwareKey) return joinType === 'existence' ? `yield ${flagged(`!(${nullAwareKept(probe)})`)};` : `if (${nullAwareKept(probe)}) yield ${s};`;
    return `const first = ${probe.anyNull} ? undefined : btindex.get(${probe.key});
  let matched = false;
  if (first !== undefined) for (let r = first; r !== -1; r = ${parts.nextRow('r')}) {
    ${test}
    matched = true;
    ${onMatch}
  }
  ${after}`;
  });
  // What a null-aware probe asks of the whole table, once per task.
  const tableFacts = nullAwareKey ? `\nconst btempty = btt.keys.length === 0, btnull = btindex.get('${NULL_KEY}') !== undefined;` : '';
  const probe = streamPartitionsGenerated<unknown[]>(stream, ctx, `${parts.declarations}${tableFacts}\n${body}`, site);
  const table = computed?.table ?? onceLoaded(buildColumns(small, buildKeys, keyTypes, keys.nullSafe, carried, site, nullAwareKey), site);
  return addPreJobStep(probe, async (node) => {
    const fn = new FnRef(node.fn.source, { ...node.fn.env, buildTable: await table() }, node.fn.site);
    return { ...node, fn, beforeJob: undefined };
  });
}

/**
 * The test of a null-aware anti join (`x NOT IN (q)`, Spark's isNullAwareAntiJoin): the stream row
 * is kept when the table is empty (btempty), else only when its key is not null, the table holds
 * no null key (btnull: the build side keeps those as NULL_KEY) and no row of its key. A null-aware
 * existence join's flag is its negation.
 */
function nullAwareKept(probe: { key: string; anyNull: string }): string {
  return `btempty || (!(${probe.anyNull}) && !btnull && btindex.get(${probe.key}) === undefined)`;
}

/**
 * An inner broadcast hash join as a step of the stream side's pipeline (broadcast-probe.ts):
 * `stream` with the probe, whose table is built from `small` when the first job needs it.
 */
export function fusedBroadcastJoin(
  stream: Pipeline,
  small: Pipeline,
  build: 'left' | 'right',
  keys: EquiJoinKeys,
  site: string,
  isRead: (id: number) => boolean = () => true,
): Pipeline {
  const probe = broadcastProbe(stream, small, build, keys, isRead, () => table());
  const table = onceLoaded(buildColumns(small, build === 'right' ? keys.rightKeys : keys.leftKeys, probe.keyTypes, keys.nullSafe, probe.carried, site), site);
  return withStep(stream, { kind: 'probe', probe });
}

/** The probe of `stream`'s rows into the table of `small`'s rows (`table`), the columns something reads carried (but those bound to a stream key). */
export function broadcastProbe(stream: Pipeline, small: Pipeline, build: 'left' | 'right', keys: EquiJoinKeys, isRead: (id: number) => boolean, table: () => Promise<Broadcast<BuildTable>>): BroadcastProbe {
  const buildOutput = outputAfter(small);
  const streamKeys = build === 'right' ? keys.leftKeys : keys.rightKeys;
  const keyBound = streamKeyValues(buildOutput, build === 'right' ? keys.rightKeys : keys.leftKeys, streamKeys, keys.nullSafe);
  return {
    streamKeys,
    keyTypes: joinKeyTypes(keys),
    nullSafe: keys.nullSafe,
    buildOutput,
    carried: buildOutput.map((a, i) => isRead(a.id) && keyBound[i] === undefined),
    keyBound,
    output: build === 'right' ? [...outputAfter(stream), ...buildOutput] : [...buildOutput, ...outputAfter(stream)],
    residual: keys.residual,
    table,
  };
}

/** Integer types: equal keys are equal values (no -0, no two spellings of one number). */
const INTEGRAL_KEY_TYPES = new Set(['byte', 'short', 'integer', 'long', 'date']);

/**
 * Per build column: the index of the stream key whose value the column has in every matching row
 * — a build key that is the column itself, compared with `=` to a stream key of the same integer
 * type — else undefined. The probe binds such a column to the stream key, and the table need not
 * carry it (the sales join's customer_id: 4 of the table's 9 MB).
 */
function streamKeyValues(buildOutput: readonly Attr[], buildKeys: readonly Expr[], streamKeys: readonly Expr[], nullSafe: readonly boolean[]): (number | undefined)[] {
  return buildOutput.map((a) => {
    const k = buildKeys.findIndex((key, i) => key.kind === 'attr' && key.id === a.id && !nullSafe[i] && INTEGRAL_KEY_TYPES.has(dataTypeOf(key).typeName()) && dataTypeOf(streamKeys[i]).typeName() === dataTypeOf(key).typeName());
    return k === -1 ? undefined : k;
  });
}

/**
 * Records of each partition of the small side (one per batch taken whole, then one of the rows): the keys of its rows whose key can match (no null
 * in a key compared with `=`; a null-aware join keeps the others under NULL_KEY) and, per column,
 * the rows' values (null for a column not carried).
 */
function buildColumns(small: Pipeline, buildKeys: Expr[], keyTypes: readonly DataType[], nullSafe: boolean[], carried: readonly boolean[], site: string, nullAware = false): RDD<BuildPart> {
  const ctx = new CodegenContext();
  ctx.env.compactColumn = JOIN_COLUMN_RUNTIME.ref('compactColumn');
  ctx.env.keyRunOf = KEY_RUN_RUNTIME.ref('keyRunOf');
  const output = outputAfter(small);
  const kept = output.flatMap((_, i) => (carried[i] ? [i] : []));
  const body = genLoop(small, ctx, (vars) => {
    const codes = buildKeys.map((k) => genExpr(k, vars, ctx));
    const lines = codes.map((c, i) => `const k${i} = ${c};`);
    const anyNull = codes.map((_, i) => (nullSafe[i] ? '' : `k${i} === null`)).filter((t) => t !== '').join(' || ');
    const key = codes.length === 1 ? 'k0' : tupleKeyCode(`[${codes.map((_, i) => `k${i}`).join(', ')}]`, keyTypes, ctx);
    const pushes = [`bk.push(${key});`, ...kept.map((i) => `bc${i}.push(${vars.get(output[i].id)});`)].join(' ');
    const nullPushes = [`bk.push('${NULL_KEY}');`, ...kept.map((i) => `bc${i}.push(null);`)].join(' ');
    lines.push(anyNull === '' ? pushes : `if (!(${anyNull})) { ${pushes} }${nullAware ? ` else { ${nullPushes} }` : ''}`);
    return lines.join('\n  ');
  }, true, bulkBuildPrologue(small, buildKeys, carried, ctx, 'bparts'));
  const columns = output.map((_, i) => (carried[i] ? `env.compactColumn(bc${i}, true)` : 'null')).join(', ');
  // Batches taken whole (bparts, bulk-build-parts.ts), then the rows of the others.
  const source = `const bparts = []; const bk = [];${kept.map((i) => ` const bc${i} = [];`).join('')}
${body}
return [...bparts, [env.keyRunOf(env.compactColumn(bk, false)), [${columns}]]];`;
  return mapPartitionsGenerated(small, ctx, source, site);
}

/** The probe's table: the small side's column parts put end to end. */
function buildTableOf(partitions: BuildPart[]): BuildTable {
  const width = partitions.length === 0 ? 0 : partitions[0][1].length;
  return {
    keys: concatBuildKeys(partitions.map((p) => p[0])),
    columns: Array.from({ length: width }, (_, c) => (partitions[0][1][c] === null ? null : concatJoinColumns(partitions.map((p) => p[1][c] as JoinColumn)))),
  };
}
