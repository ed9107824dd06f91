/** Barrier stages: an RDD is computed in one when its stage's narrow lineage holds an RDDBarrier mapPartitions. */
import type { RDD } from '../rdd.js';
import { dependencies } from './node-properties.js';

export function isBarrier(rdd: RDD<unknown>): boolean {
  const seen = new Set<number>();
  const pending = [rdd];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (seen.has(current.id())) continue;
    seen.add(current.id());
    if (current.node.kind === 'mapPartitions' && current.node.barrier) return true;
    for (const dep of dependencies(current)) if (!dep.shuffle) pending.push(dep.rdd);
  }
  return false;
}
