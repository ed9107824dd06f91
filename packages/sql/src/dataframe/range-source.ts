/** `range(start, end, step, numPartitions)` as a row source: one bigint column `id`, computed on the workers. */
import { FnRef, type RDD } from '@flint/rdd';
import type { RowSource } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';

export class RangeRows implements RowSource {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly step: number,
    readonly numPartitions: number | undefined,
  ) {}

  get description(): string {
    return `Range (${this.start}, ${this.end}, step=${this.step}, splits=${this.numPartitions ?? 'default'})`;
  }

  get sizeInBytes(): number {
    return Math.max(0, Math.ceil((this.end - this.start) / this.step)) * 8;
  }

  toRdd(host: SqlHost): RDD<unknown[]> {
    const count = Math.max(0, Math.ceil((this.end - this.start) / this.step));
    const slices = this.numPartitions ?? host.defaultParallelism;
    // One element per slice: its index; each task generates its own share of the ids.
    const indices = host.parallelize(Array.from({ length: slices }, (_, i) => i), slices);
    // A generator: rows are made as the consumer asks for them, and are garbage right after.
    const source = `function* (input, env) {
  for (const slice of input) {
    const from = Math.floor(slice * ${count} / ${slices});
    const to = Math.floor((slice + 1) * ${count} / ${slices});
    for (let i = from; i < to; i++) yield [${this.start} + i * ${this.step}];
  }
}`;
    return indices.mapPartitions(FnRef.generated(source, {}, 'range') as unknown as (input: Iterable<number>) => Iterable<unknown[]>);
  }
}
