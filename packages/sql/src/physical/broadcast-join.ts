/**
 * Broadcast hash join (Spark's BroadcastHashJoinExec): when one side is small, its rows are
 * keyed in its own tasks (generated key code), collected, grouped by key into a hash table on
 * the driver and sent to the workers once as a broadcast, in a pre-job step of the join (see
 * @flint/rdd's plan/prepare.ts) that runs when the join's first job starts. Every task of the
 * other side (the stream side) probes that table with its rows, as they stream, in the stream
 * side's stage; the big side is never shuffled, and the small side is computed once (a task
 * thread decodes the table once and reuses it for all its tasks). An inner join is fused into the
 * stream side's pipeline instead (fusedBroadcastJoin, broadcast-probe.ts).
 */
import { FnRef, type Broadcast, type RDD } from '@flint/rdd';
import type { Expr } from '../expr/expression.js';
import type { JoinType } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import type { EquiJoinKeys } from './join.js';
import { addPreJobStep, genLoop, outputAfter, rowOf, streamPartitionsGenerated, withStep, type Pipeline } from './pipeline.js';
import type { BroadcastProbe } from './broadcast-probe.js';

/** Which side may be broadcast for each join type: the side whose unmatched rows are not kept. */
export function broadcastableSides(joinType: JoinType): ('left' | 'right')[] {
  switch (joinType) {
    case 'inner':
    case 'cross':
      return ['right', 'left'];
    case 'left':
    case 'left_semi':
    case 'left_anti':
      return ['right'];
    case 'right':
      return ['left'];
    case 'full':
      return [];
  }
}

export function broadcastHashJoin(
  left: Pipeline,
  right: Pipeline,
  build: 'left' | 'right',
  joinType: JoinType,
  keys: EquiJoinKeys,
  residual: Expr | undefined,
  site: string,
): RDD<unknown[]> {
  const [stream, small] = build === 'right' ? [left, right] : [right, left];
  const streamKeys = build === 'right' ? keys.leftKeys : keys.rightKeys;
  const buildKeys = build === 'right' ? keys.rightKeys : keys.leftKeys;
  const smallOutput = outputAfter(small);

  const ctx = new CodegenContext();
  const keyOf = (exprs: Expr[], vars: ReadonlyMap<number, string>) => {
    const codes = exprs.map((k) => genExpr(k, vars, ctx));
    const nullable = codes.map((c, i) => (keys.nullSafe[i] ? 'false' : `(${c}) === null`));
    const key = codes.length === 1 ? codes[0] : `JSON.stringify([${codes.join(', ')}])`;
    return { key, anyNull: nullable.join(' || ') || 'false' };
  };
  const streamOutput = outputAfter(stream);
  const body = genLoop(stream, ctx, (vars) => {
    const probe = keyOf(streamKeys, vars);
    const streamValues = streamOutput.map((a) => vars.get(a.id)!);
    const pairVars = new Map<number, string>([...streamOutput.map((a) => [a.id, vars.get(a.id)!] as const), ...smallOutput.map((a, i) => [a.id, `m[${i}]`] as const)]);
    const test = residual ? `if (${genExpr(residual, pairVars, ctx)} !== true) continue;` : '';
    // Output rows are built as one array literal each (no intermediate stream-row array to concat).
    const rowWith = (smallValues: string[]) => `[${(build === 'right' ? [...streamValues, ...smallValues] : [...smallValues, ...streamValues]).join(', ')}]`;
    const joined = rowWith(smallOutput.map((_, i) => `m[${i}]`));
    const unmatched = rowWith(smallOutput.map(() => 'null'));
    const s = `[${streamValues.join(', ')}]`;
    const onMatch = joinType === 'left_semi' || joinType === 'left_anti' ? 'break;' : `yield ${joined};`;
    const after =
      joinType === 'left' || joinType === 'right'
        ? `if (!matched) yield ${unmatched};`
        : joinType === 'left_semi'
          ? `if (matched) yield ${s};`
          : joinType === 'left_anti'
            ? `if (!matched) yield ${s};`
            : '';
    return `const candidates = ${probe.anyNull} ? undefined : table.get(${probe.key});
  let matched = false;
  if (candidates !== undefined) for (const m of candidates) {
    ${test}
    matched = true;
    ${onMatch}
  }
  ${after}`;
  });
  const probe = streamPartitionsGenerated<unknown[]>(stream, ctx, `const table = env.buildTable.value;\n${body}`, site);
  const buildRows = keyedBuildRows(small, buildKeys, keys.nullSafe, site);
  return addPreJobStep(probe, async (node) => {
    const fn = new FnRef(node.fn.source, { ...node.fn.env, buildTable: await loadBuildTable(buildRows, site) }, node.fn.site);
    return { ...node, fn, beforeJob: undefined };
  });
}

/**
 * An inner broadcast hash join as a step of the stream side's pipeline (broadcast-probe.ts):
 * `stream` with the probe, whose table is built from `small` when the first job needs it.
 */
export function fusedBroadcastJoin(stream: Pipeline, small: Pipeline, build: 'left' | 'right', keys: EquiJoinKeys, site: string): Pipeline {
  const buildRows = keyedBuildRows(small, build === 'right' ? keys.rightKeys : keys.leftKeys, keys.nullSafe, site);
  let table: Promise<Broadcast<Map<unknown, unknown[][]>>> | undefined;
  const buildOutput = outputAfter(small);
  const probe: BroadcastProbe = {
    streamKeys: build === 'right' ? keys.leftKeys : keys.rightKeys,
    nullSafe: keys.nullSafe,
    buildOutput,
    output: build === 'right' ? [...outputAfter(stream), ...buildOutput] : [...buildOutput, ...outputAfter(stream)],
    residual: keys.residual,
    table: () => (table ??= loadBuildTable(buildRows, site)),
  };
  return withStep(stream, { kind: 'probe', probe });
}

/** `[key, row]` for each row of the small side whose key can match (no null in a key compared with `=`). */
function keyedBuildRows(small: Pipeline, buildKeys: Expr[], nullSafe: boolean[], site: string): RDD<[unknown, unknown[]]> {
  const ctx = new CodegenContext();
  const output = outputAfter(small);
  const body = genLoop(small, ctx, (vars) => {
    const codes = buildKeys.map((k) => genExpr(k, vars, ctx));
    const lines = codes.map((c, i) => `const k${i} = ${c};`);
    const anyNull = codes.map((_, i) => (nullSafe[i] ? '' : `k${i} === null`)).filter((t) => t !== '').join(' || ');
    const key = codes.length === 1 ? 'k0' : `JSON.stringify([${codes.map((_, i) => `k${i}`).join(', ')}])`;
    lines.push(`${anyNull === '' ? '' : `if (!(${anyNull})) `}yield [${key}, ${rowOf(output, vars)}];`);
    return lines.join('\n  ');
  });
  return streamPartitionsGenerated(small, ctx, body, site);
}

/** Collects the small side, groups its rows by key and broadcasts the table to the probe's tasks. */
async function loadBuildTable(buildRows: RDD<[unknown, unknown[]]>, site: string): Promise<Broadcast<Map<unknown, unknown[][]>>> {
  const partitions = await buildRows.context.submitJob<[unknown, unknown[]]>(buildRows, { description: `broadcast join: build side (${site})` });
  const table = new Map<unknown, unknown[][]>();
  for (const partition of partitions) {
    for (const [key, row] of partition) {
      const rows = table.get(key);
      if (rows === undefined) table.set(key, [row]);
      else rows.push(row);
    }
  }
  return (buildRows.context as SqlHost).broadcast(table);
}
