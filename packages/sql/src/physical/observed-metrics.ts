/**
 * df.observe's metrics computed by the action's own job, as Spark's CollectMetricsExec computes
 * them with an AggregatingAccumulator: the stage's generated loop folds each row into a buffer of
 * the metrics' aggregates (one per partition, made at its first row), the buffer goes to the
 * driver in a custom accumulator when the task ends, and after the job the driver merges the
 * buffers in partition order and computes the metrics (no second job over the data).
 */
import type { Accumulator } from '@flint/rdd';
import type { NamedExpr } from '../expr/expression.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import type { PlanOf } from '../plan/logical-plan.js';
import { namedToAttr } from '../plan/output.js';
import type { SqlHost } from '../session-host.js';
import { StructField, StructType } from '../types/index.js';
import { CodegenContext, functionSource } from './codegen/codegen-context.js';
import { genExpr, type Bindings } from './codegen/expr-codegen.js';
import { aggregateCalls, placeholderId, slots, withPlaceholders } from './aggregate.js';
import type { AggregateCall } from './partial-aggregate.js';

/** Each task's buffers, tagged with their partition's index. */
type PartitionBuffers = [partition: number, buffer: unknown[]][];

export class ObservedMetrics {
  private readonly metrics: readonly NamedExpr[];
  private readonly calls: AggregateCall[];
  private readonly buffers: Accumulator<PartitionBuffers>;

  constructor(host: SqlHost, readonly node: PlanOf<'collectMetrics'>) {
    this.metrics = node.metrics as readonly NamedExpr[];
    this.calls = aggregateCalls(this.metrics, 0);
    this.buffers = host.accumulator<PartitionBuffers>([], { zero: () => [], addInPlace: (a, b) => a.concat(b) });
  }

  /** Statements of the stage's loop that fold the current row (its columns in `vars`) into the partition's buffer. */
  genUpdate(vars: Bindings, ctx: CodegenContext): string {
    const buffer = ctx.temp();
    const env = `observed_${buffer}`;
    ctx.env[env] = this.buffers;
    for (const c of this.calls) ctx.addHelpers(c.def.helpers);
    const lines = [`if (${buffer} === undefined) { ${buffer} = [${this.calls.flatMap((c) => c.def.init()).join(', ')}]; env.${env}.add([[${ctx.partitionIndex()}, ${buffer}]]); }`];
    this.calls.forEach((c, ci) => {
      const args = c.call.args.map((a) => genExpr(a, vars, ctx));
      const names = args.map(() => ctx.temp());
      lines.push(`{ ${names.map((n, i) => `${n} = ${args[i]};`).join(' ')} ${c.def.update(slots(buffer, c), names, c.call.args.map(dataTypeOf))} }`);
    });
    return lines.join('\n  ');
  }

  /** The metrics' names and types. */
  get schema(): StructType {
    return new StructType(this.metrics.map(namedToAttr).map((a) => new StructField(a.name, a.dataType, a.nullable)));
  }

  /** After the job: the metrics as one row of engine values, from the buffers the tasks sent. */
  result(): unknown[] {
    const ctx = new CodegenContext();
    for (const c of this.calls) ctx.addHelpers(c.def.helpers);
    const vars = new Map<number, string>(this.calls.map((_, i) => [placeholderId(i), `f${i}`]));
    const finishes = this.calls.map((c, i) => `const f${i} = ${c.def.finish(slots('b', c), c.call.args.map(dataTypeOf), c.call.evalMode)};`);
    const outputs = this.metrics.map((m) => genExpr(withPlaceholders(m, [], this.calls), vars, ctx));
    const body = `let b = input.length === 0 ? [${this.calls.flatMap((c) => c.def.init()).join(', ')}] : input[0];
for (let i = 1; i < input.length; i++) {
  const b2 = input[i];
  ${this.calls.map((c) => c.def.merge(slots('b', c), slots('b2', c), c.call.args.map(dataTypeOf))).join('\n  ')}
}
${finishes.join('\n')}
return [${outputs.join(', ')}];`;
    const finish = new Function(`return ${functionSource(ctx, ['input', 'env'], body)}`)() as (input: unknown[][], env: Record<string, unknown>) => unknown[];
    const inPartitionOrder = [...this.buffers.value].sort((x, y) => x[0] - y[0]).map(([, buffer]) => buffer);
    return finish(inPartitionOrder, ctx.env);
  }
}
