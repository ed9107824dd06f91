/**
 * Spark's BroadcastNestedLoopJoinExec when the broadcast side is one whose unmatched rows the join
 * keeps or decides on (its defaultJoin): LEFT OUTER, LEFT SEMI, LEFT ANTI or an existence join
 * (a subquery's flag) building the left side,
 * RIGHT OUTER building the right, FULL OUTER building either — a keyless join whose other side is
 * too big to broadcast. The small side's rows are collected and broadcast once; each task of the
 * big (stream) side tests its rows against all of them. Whether a small row matched is known only
 * after every stream task, so, as in Spark, the stream side is read twice: once for the joined
 * pairs (and, in a full join, the unmatched stream rows), once for which small rows matched, whose
 * flags one task merges to emit the small rows that matched (semi), did not (anti), did not,
 * padded with nulls (outer), or each with whether it matched (existence).
 */
import { FnRef, type RDD } from '@flint/rdd';
import type { Expr } from '../expr/expression.js';
import type { JoinType } from '../plan/logical-plan.js';
import { CodegenContext } from './codegen/codegen-context.js';
import { genExpr } from './codegen/expr-codegen.js';
import { onceBroadcastJob } from './broadcast-join.js';
import { addPreJobStep, genLoop, materialize, mapPartitionsGenerated, outputAfter, streamPartitionsGenerated, type Pipeline } from './pipeline.js';

/** Whether a keyless join building `build` needs the small side's matches across all stream tasks. */
export function buildsKeptSide(joinType: JoinType, build: 'left' | 'right'): boolean {
  if (joinType === 'full') return true;
  if (build === 'left') return joinType === 'left' || joinType === 'left_semi' || joinType === 'left_anti' || joinType === 'existence';
  return joinType === 'right';
}

export function keptSideNestedLoopJoin(left: Pipeline, right: Pipeline, build: 'left' | 'right', joinType: JoinType, condition: Expr | undefined, site: string): RDD<unknown[]> {
  const [stream, small] = build === 'left' ? [right, left] : [left, right];
  const rows = onceBroadcastJob(materialize(small, site), site, (parts) => parts);
  const smallWidth = outputAfter(small).length;
  const streamWidth = outputAfter(stream).length;
  // A joined row in the join's column order (left, then right).
  const joined = (streamRow: string[], smallRow: string[]) => `[${(build === 'left' ? [...smallRow, ...streamRow] : [...streamRow, ...smallRow]).join(', ')}]`;
  const smallValues = Array.from({ length: smallWidth }, (_, i) => `b[${i}]`);
  const nulls = (n: number) => Array.from({ length: n }, () => 'null');
  const pairLoop = (ctx: CodegenContext, onPair: string, after: string) =>
    genLoop(stream, ctx, (vars) => {
      const streamOutput = outputAfter(stream);
      const pairVars = new Map<number, string>([...streamOutput.map((a) => [a.id, vars.get(a.id)!] as const), ...outputAfter(small).map((a, i) => [a.id, smallValues[i]!] as const)]);
      const test = condition ? `if (${genExpr(condition, pairVars, ctx)} !== true) continue;` : '';
      const streamValues = streamOutput.map((a) => vars.get(a.id)!);
      return `let matched = false;
  for (let j = 0; j < bs.length; j++) {
    const b = bs[j];
    ${test}
    matched = true;
    ${onPair.replaceAll('$PAIR', joined(streamValues, smallValues))}
  }
  ${after.replaceAll('$UNMATCHED', joined(streamValues, nulls(smallWidth)))}`;
    });
  const withRows = <T>(rdd: RDD<T>): RDD<T> =>
    addPreJobStep(rdd, async (node) => ({ ...node, fn: new FnRef(node.fn.source, { ...node.fn.env, buildRows: await rows() }, node.fn.site), beforeJob: undefined }));

  // Which small rows some stream row matched: one array of flags per stream task, merged in one task.
  const flagsCtx = new CodegenContext();
  const flags = mapPartitionsGenerated<number[]>(stream, flagsCtx, `const bs = env.buildRows.value;
const seen = new Array(bs.length).fill(0);
${pairLoop(flagsCtx, 'seen[j] = 1;', '')}
return [seen];`, site);
  // An existence join keeps every small row, with its flag.
  const keep = joinType === 'left_semi' ? 'seen[j] === 1' : joinType === 'existence' ? 'true' : 'seen[j] === 0';
  const emitted = joinType === 'left_semi' || joinType === 'left_anti' ? 'b' : joinType === 'existence' ? `[${[...smallValues, 'seen[j] === 1'].join(', ')}]` : joined(nulls(streamWidth), smallValues);
  const smallRows = streamPartitionsGenerated<unknown[]>(withRows(flags).coalesce(1), new CodegenContext(), `const bs = env.buildRows.value;
const seen = new Array(bs.length).fill(0);
for (const flagged of input) for (let j = 0; j < bs.length; j++) if (flagged[j] === 1) seen[j] = 1;
for (let j = 0; j < bs.length; j++) {
  const b = bs[j];
  if (${keep}) yield ${emitted};
}`, site);
  if (joinType === 'left_semi' || joinType === 'left_anti' || joinType === 'existence') return withRows(smallRows);

  const pairsCtx = new CodegenContext();
  const pairs = streamPartitionsGenerated<unknown[]>(stream, pairsCtx, `const bs = env.buildRows.value;
${pairLoop(pairsCtx, 'yield $PAIR;', joinType === 'full' ? 'if (!matched) yield $UNMATCHED;' : '')}`, site);
  return withRows(pairs).union(withRows(smallRows));
}
