/**
 * Shuffle map stages run on their own, before the rest of the query is planned for good (Spark's
 * ShuffleQueryStage): a job over one reduce partition runs the map stages and registers their
 * outputs, whose sizes the context then reports. The job that follows reuses those outputs.
 */
import type { RDD } from '@flint/rdd';
import { CodegenContext } from '../codegen/codegen-context.js';
import { mapPartitionsGenerated } from '../pipeline.js';

/**
 * Per shuffle, the bytes written for each reduce partition by each map task (`[map][reduce]`), or
 * undefined when the context cannot say. The shuffles not run yet (they share a partitioner) run
 * in one job, side by side.
 */
export async function materializeShuffles(shuffles: readonly RDD<unknown>[], stage: number): Promise<number[][][] | undefined> {
  const context = shuffles[0].context;
  const ids = shuffles.map((s) => (s.node.kind === 'shuffled' ? s.node.shuffleId : undefined));
  if (context.mapOutputSizes === undefined || ids.some((id) => id === undefined)) return undefined;
  const sizesOf = (id: number | undefined) => context.mapOutputSizes!(id!);
  const pending = shuffles.filter((_, i) => !sizesOf(ids[i]));
  if (pending.length > 0) {
    const probe = mapPartitionsGenerated(pending.reduce((a, b) => a.union(b)), new CodegenContext(), 'return [];', 'adaptive execution');
    const measured = pending.map((s) => (s.node as { shuffleId: number }).shuffleId).join(', ');
    await context.submitJob(probe, { partitions: [0], description: `ShuffleQueryStage ${stage}: shuffle ${measured} measured for adaptive execution` });
  }
  const sizes = ids.map(sizesOf);
  return sizes.every((s) => s !== undefined) ? (sizes as number[][][]) : undefined;
}

/** Bytes per reduce partition, summed over the map tasks. */
export function reduceSizes(sizes: readonly (readonly number[])[], reducePartitions: number): number[] {
  const totals = new Array<number>(reducePartitions).fill(0);
  for (const map of sizes) map.forEach((bytes, r) => (totals[r] += bytes));
  return totals;
}
