/**
 * Broadcast hash join (Spark's BroadcastHashJoinExec): when one side is small, every task of the
 * other side (the stream side) gets all of the small side's rows, builds a hash table of them and
 * probes it with its own rows, in the stream side's stage; the big side is never shuffled.
 * The small side reaches each task as one partition (coalesced and glommed) paired with the
 * task's stream partition by a cartesian product of one-element partitions.
 */
import type { RDD } from '@flint/rdd';
import type { Expr } from '../expr/expression.js';
import type { JoinType } from '../plan/logical-plan.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import type { EquiJoinKeys } from './join.js';
import { genLoop, materialize, outputAfter, rowOf, streamPartitionsGenerated, type Pipeline } from './pipeline.js';

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
  const smallRows = materialize(small, site);
  const paired = stream.base.glom().cartesian(smallRows.coalesce(1).glom()) as unknown as RDD<unknown>;

  const ctx = new CodegenContext();
  const buildVars = new Map<number, string>(smallOutput.map((a, i) => [a.id, `b[${i}]`]));
  const keyOf = (exprs: Expr[], vars: Map<number, string> | ReadonlyMap<number, string>) => {
    const codes = exprs.map((k) => genExpr(k, vars, ctx));
    const nullable = codes.map((c, i) => (keys.nullSafe[i] ? 'false' : `(${c}) === null`));
    const key = codes.length === 1 ? codes[0] : `JSON.stringify([${codes.join(', ')}])`;
    return { key, anyNull: nullable.join(' || ') || 'false' };
  };
  const buildKey = keyOf(buildKeys, buildVars);
  const streamOutput = outputAfter(stream);
  const body = genLoop(stream, ctx, (vars) => {
    const probe = keyOf(streamKeys, vars);
    const s = rowOf(streamOutput, vars);
    const pairVars = new Map<number, string>([...streamOutput.map((a) => [a.id, vars.get(a.id)!] as const), ...smallOutput.map((a, i) => [a.id, `m[${i}]`] as const)]);
    const test = residual ? `if (${genExpr(residual, pairVars, ctx)} !== true) continue;` : '';
    const joined = build === 'right' ? `s.concat(m)` : `m.concat(s)`;
    const nulls = `[${smallOutput.map(() => 'null').join(', ')}]`;
    const unmatched = build === 'right' ? `s.concat(${nulls})` : `${nulls}.concat(s)`;
    const onMatch = joinType === 'left_semi' || joinType === 'left_anti' ? 'break;' : `yield ${joined};`;
    const after =
      joinType === 'left' || joinType === 'right'
        ? `if (!matched) yield ${unmatched};`
        : joinType === 'left_semi'
          ? 'if (matched) yield s;'
          : joinType === 'left_anti'
            ? 'if (!matched) yield s;'
            : '';
    return `const s = ${s};
  const candidates = ${probe.anyNull} ? undefined : table.get(${probe.key});
  let matched = false;
  if (candidates !== undefined) for (const m of candidates) {
    ${test}
    matched = true;
    ${onMatch}
  }
  ${after}`;
  });
  const source = `for (const pair of input) {
  const table = new Map();
  for (const b of pair[1]) {
    if (${buildKey.anyNull}) continue;
    const k = ${buildKey.key};
    const list = table.get(k);
    if (list === undefined) table.set(k, [b]); else list.push(b);
  }
  {
    const input = pair[0];
    ${body}
  }
}`;
  return streamPartitionsGenerated(paired, ctx, source, site);
}
