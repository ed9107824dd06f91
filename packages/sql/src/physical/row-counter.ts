/**
 * Spark's "number of output rows" SQL metric, counted inside generated loops: an operator's
 * RowCounter is an accumulator with an id of its own (negative, so it never meets a user's
 * accumulator); the loop adds to a plain local variable per counted operator (no call or object per
 * row) and adds the locals to the accumulators once, when the partition's loop ends. The task
 * reports its accumulator totals and the driver's status store sums them per operator.
 */
import { Accumulator } from '@flint/rdd';
import type { CodegenContext } from './codegen/codegen-context.js';

let nextMetricId = -1;

export class RowCounter {
  readonly accumulator = new Accumulator(nextMetricId--, 0, false);

  get metricId(): number {
    return this.accumulator.id;
  }
}

/** The counters of one generated loop: their locals, increments, and the flush after the loop. */
export class LoopRowCounts {
  private readonly counted: { local: string; env: string }[] = [];

  constructor(private readonly ctx: CodegenContext) {}

  /** `tN += amount;` for `counter`'s local, a temporary of the context (nothing without a counter). */
  add(counter: RowCounter | undefined, amount = '1'): string[] {
    if (!counter) return [];
    const local = this.ctx.temp();
    const env = `rowsMetric_${local}`;
    this.ctx.env[env] = counter.accumulator;
    this.counted.push({ local, env });
    return [amount === '1' ? `${local}++;` : `${local} += ${amount};`];
  }

  /** The loop with its counters declared before it and flushed after it, also when the consumer stops early (a limit). */
  around(loop: string): string {
    if (this.counted.length === 0) return loop;
    const declarations = this.counted.map((c) => `${c.local} = 0;`).join(' ');
    const flush = this.counted.map((c) => `env.${c.env}.add(${c.local});`).join(' ');
    return `${declarations}\ntry {\n${loop}\n} finally { ${flush} }`;
  }
}
