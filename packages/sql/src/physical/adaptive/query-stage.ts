/**
 * A shuffle's map stage run on its own, before the rest of the query is planned for good (Spark's
 * ShuffleQueryStage): a job over one reduce partition runs the whole map stage and registers
 * its outputs, whose sizes the context then reports. The job that follows reuses those outputs.
 */
import type { RDD } from '@flint/rdd';
import { CodegenContext } from '../codegen/codegen-context.js';
import { mapPartitionsGenerated } from '../pipeline.js';

/** The bytes written for each reduce partition by each map task (`[map][reduce]`), or undefined when the context cannot say. */
export async function materializeShuffle(shuffled: RDD<unknown>, stage: number): Promise<number[][] | undefined> {
  const node = shuffled.node;
  const context = shuffled.context;
  if (node.kind !== 'shuffled' || context.mapOutputSizes === undefined) return undefined;
  const known = context.mapOutputSizes(node.shuffleId);
  if (known) return known;
  const probe = mapPartitionsGenerated(shuffled, new CodegenContext(), 'return [];', 'adaptive execution');
  await context.submitJob(probe, { partitions: [0], description: `ShuffleQueryStage ${stage}: shuffle ${node.shuffleId} measured for adaptive execution` });
  return context.mapOutputSizes(node.shuffleId);
}

/** Bytes per reduce partition, summed over the map tasks `from` to `to` (all by default). */
export function reduceSizes(sizes: readonly (readonly number[])[], reducePartitions: number, from = 0, to = sizes.length): number[] {
  const totals = new Array<number>(reducePartitions).fill(0);
  for (let m = from; m < to; m++) sizes[m].forEach((bytes, r) => (totals[r] += bytes));
  return totals;
}
