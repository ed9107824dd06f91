/** `range(start, end, step, numPartitions)` as a row source: one bigint column `id`, computed on the workers. */
import { FnRef, type RDD } from '@flint/rdd';
import type { RowSource } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';
import { LONG_HELPERS, type LongValue } from '../types/long-value.js';

export class RangeRows implements RowSource {
  /** How many ids: ceil((end - start) / step), none when the step points away from end. */
  private readonly count: number;

  constructor(
    readonly start: LongValue,
    readonly end: LongValue,
    readonly step: LongValue,
    readonly numPartitions: number | undefined,
  ) {
    const [from, to, by] = [BigInt(start), BigInt(end), BigInt(step)];
    const span = by > 0n ? to - from : from - to;
    this.count = span <= 0n ? 0 : Number((span + (by > 0n ? by : -by) - 1n) / (by > 0n ? by : -by));
  }

  get description(): string {
    return `Range (${this.start}, ${this.end}, step=${this.step}, splits=${this.numPartitions ?? 'default'})`;
  }

  get sizeInBytes(): number {
    return this.count * 8;
  }

  toRdd(host: SqlHost): RDD<unknown[]> {
    const count = this.count;
    const slices = this.numPartitions ?? host.defaultParallelism;
    // One element per slice: its index; each task generates its own share of the ids.
    const indices = host.parallelize(Array.from({ length: slices }, (_, i) => i), slices);
    // Ids past 2^53 (either end, or the step) are made in BigInt, each in the engine's form (types/long-value.ts).
    const safe = [this.start, this.end, this.step].every((v) => Number.isSafeInteger(v));
    const id = safe ? `${this.start} + i * ${this.step}` : `sqlLong(${BigInt(this.start)}n + BigInt(i) * ${BigInt(this.step)}n)`;
    // A generator: rows are made as the consumer asks for them, and are garbage right after.
    const source = `function* (input, env) {
  ${safe ? '' : LONG_HELPERS.sqlLong}
  for (const slice of input) {
    const from = Math.floor(slice * ${count} / ${slices});
    const to = Math.floor((slice + 1) * ${count} / ${slices});
    for (let i = from; i < to; i++) yield [${id}];
  }
}`;
    return indices.mapPartitions(FnRef.generated(source, {}, 'range') as unknown as (input: Iterable<number>) => Iterable<unknown[]>);
  }
}
