/**
 * Some RDDs need a small job before they can be computed, as in Spark: a range partitioner samples
 * its bounds, and zipWithIndex counts the records of every partition. The driver calls `prepare`
 * on an RDD before running a job over it; it runs those jobs for every unprepared ancestor.
 */
import type { RDD } from '../rdd.js';
import type { FnRef } from '../fn/fn-ref.js';
import { boundsFromSamples, type RangePartitioner } from '../partitioner/partitioner.js';
import { dependencies } from './node-properties.js';
import { runtimePartitions } from '../ops/narrow.js';

/** Spark samples about 20 keys per output partition, oversampled 3x to cope with skew. */
const SAMPLES_PER_PARTITION = 60;

export async function prepare(root: RDD<unknown>): Promise<void> {
  const visited = new Set<number>();
  const visit = async (rdd: RDD<unknown>): Promise<void> => {
    if (visited.has(rdd.id)) return;
    visited.add(rdd.id);
    for (const dep of dependencies(rdd)) await visit(dep.rdd);
    const node = rdd.node;
    if (node.kind === 'shuffled' && node.partitioner.kind === 'range' && node.partitioner.bounds === undefined) {
      await sampleBounds(node.parent, node.partitioner);
    }
    if (node.kind === 'mapPartitions' && node.fn.source === 'runtime:zipWithIndex') {
      await countStartIndices(node.parent, node.fn);
    }
  };
  await visit(root);
}

async function sampleBounds(parent: RDD<unknown>, partitioner: RangePartitioner): Promise<void> {
  const perPartition = Math.ceil((SAMPLES_PER_PARTITION * partitioner.numPartitions) / Math.max(parent.getNumPartitions(), 1));
  const sampler = runtimePartitions<unknown>(parent, 'sampleKeys', { num: perPartition, keyfunc: partitioner.keyfunc }, { withIndex: true });
  const samples = (await parent.context.runJob<unknown>(sampler, { description: 'sortByKey (sample range bounds)' })).flat();
  partitioner.bounds = boundsFromSamples(samples, partitioner.numPartitions);
}

async function countStartIndices(parent: RDD<unknown>, fn: FnRef): Promise<void> {
  const env = fn.env as { startIndices: number[] | null };
  if (env.startIndices !== null) return;
  const counter = runtimePartitions<number>(parent, 'countPartition');
  const counts = (await parent.context.runJob<number>(counter, { description: 'zipWithIndex (count partitions)' })).flat();
  const starts = [0];
  for (let i = 0; i < counts.length - 1; i++) starts.push(starts[i] + counts[i]);
  env.startIndices = starts;
}
