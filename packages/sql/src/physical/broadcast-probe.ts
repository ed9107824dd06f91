/**
 * An inner broadcast hash join fused into the stream side's stage: a pipeline step (see
 * pipeline.ts) that looks each row's key up in the broadcast table and runs the steps after it,
 * and whatever consumes the stage's rows (an aggregation buffer update, a sort batch), once per
 * matching build row, in a nested loop. No joined row is built as an array and no generator
 * hands rows from the join to the next operator (Spark's BroadcastHashJoinExec under
 * whole-stage codegen). The table reaches the stage's function in a pre-job step.
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
  /** The build side's columns, in the order of the table's rows. */
  readonly buildOutput: readonly Attr[];
  /** The join's output: both sides' columns, left first. */
  readonly output: readonly Attr[];
  readonly residual: Expr | undefined;
  /** The broadcast table (key → build rows); loaded once, by the first job that needs it. */
  readonly table: () => Promise<Broadcast<Map<unknown, unknown[][]>>>;
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
  hoisted.push(`const ${name}table = env.${probeTableName(index)}.value;`);
  lines.push(...keys);
  lines.push(`const ${name}rows = ${anyNull.length === 0 ? '' : `${anyNull.join(' || ')} ? undefined : `}${name}table.get(${key});`);
  lines.push(`if (${name}rows === undefined) continue;`);
  lines.push(`for (let ${name}i = 0; ${name}i < ${name}rows.length; ${name}i++) {`);
  lines.push(`const ${name}m = ${name}rows[${name}i];`);
  const next = new Map(vars);
  probe.buildOutput.forEach((a, i) => next.set(a.id, `${name}m[${i}]`));
  if (probe.residual !== undefined) lines.push(`if (${genExpr(probe.residual, next, ctx)} !== true) continue;`);
  return next;
}
