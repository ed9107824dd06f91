/** Leaf row sources: rows held by the driver (createDataFrame) and existing RDDs (rdd.toDF). */
import type { RDD } from '@flint/rdd';
import type { RowSource } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';

/** Rows given by the user, already in the engine's form, parallelized when a job needs them. */
export class LocalRows implements RowSource {
  readonly description = 'LocalRelation';
  constructor(readonly rows: readonly unknown[][]) {}
  get sizeInBytes(): number {
    return this.rows.length * 64;
  }
  toRdd(host: SqlHost): RDD<unknown[]> {
    const slices = Math.max(1, Math.min(host.defaultParallelism, this.rows.length));
    return host.parallelize(this.rows as unknown[][], slices);
  }
}

/** An RDD of engine rows (arrays in column order). */
export class RddRows implements RowSource {
  readonly description = 'LogicalRDD';
  constructor(readonly rdd: RDD<unknown[]>) {}
  toRdd(): RDD<unknown[]> {
    return this.rdd;
  }
}
