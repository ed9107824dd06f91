/**
 * The lineage as text, in Spark's layout: one line per RDD, `|` for a narrow dependency and an
 * indented `+-` where a shuffle starts a new stage.
 *
 *   (2) ShuffledRDD[4] combineValuesByKey []
 *    +-(2) MapPartitionsRDD[3] combineValuesByKey []
 *       |  ParallelCollectionRDD[0] []
 */
import type { RDD } from '../rdd.js';
import type { PlanKind } from './plan-node.js';
import { dependencies } from './node-properties.js';

const CLASS_NAMES: Record<PlanKind, string> = {
  parallelize: 'ParallelCollectionRDD',
  range: 'RangeRDD',
  textFile: 'TextFileRDD',
  empty: 'EmptyRDD',
  elementwise: 'MapPartitionsRDD',
  mapPartitions: 'MapPartitionsRDD',
  union: 'UnionRDD',
  coalesce: 'CoalescedRDD',
  zip: 'ZippedPartitionsRDD',
  cartesian: 'CartesianRDD',
  pipe: 'PipedRDD',
  shuffled: 'ShuffledRDD',
};

export function describeRdd(rdd: RDD<unknown>): string {
  const className = rdd.storedPartitions ? 'CheckpointRDD' : CLASS_NAMES[rdd.node.kind];
  const name = rdd.name() ? `${rdd.name()} ` : '';
  const step = rdd.node.kind === 'elementwise' ? ` ${rdd.node.step.op}` : rdd.node.kind === 'mapPartitions' ? ` ${operationName(rdd.node.fn.site)}` : '';
  const level = rdd.isCached ? rdd.storageLevel.name : '';
  return `${name}${className}[${rdd.id()}]${step} [${level}]`;
}

function operationName(site: string): string {
  return site.split(' ')[0];
}

export function toDebugString(root: RDD<unknown>): string {
  const lines = [`(${root.getNumPartitions()}) ${describeRdd(root)}`];
  const visitParents = (rdd: RDD<unknown>, base: string): void => {
    for (const dep of dependencies(rdd)) {
      if (dep.shuffle) {
        lines.push(`${base} +-(${dep.rdd.getNumPartitions()}) ${describeRdd(dep.rdd)}`);
        visitParents(dep.rdd, `${base}   `);
      } else {
        lines.push(`${base} |  ${describeRdd(dep.rdd)}`);
        visitParents(dep.rdd, base);
      }
    }
  };
  visitParents(root, '');
  return lines.join('\n');
}
