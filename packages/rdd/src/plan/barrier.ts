/** Barrier stages: an RDD is computed in one when its stage's narrow lineage holds an RDDBarrier mapPartitions. */
import type { RDD } from '../rdd.js';
import { lineage, narrowDependencies } from './lineage.js';

export function isBarrier(rdd: RDD<unknown>): boolean {
  return lineage(rdd, narrowDependencies).some((current) => current.node.kind === 'mapPartitions' && current.node.barrier === true);
}
