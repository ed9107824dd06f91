/**
 * `rdd.toDF(schema?)`: RDD gains toDF through module augmentation of @flint/rdd. A schema is a
 * StructType, a DDL string, or column names (dataframe/rdd-schema.ts).
 */
import { RDD } from '@flint/rdd';
import type { StructType } from './types/index.js';
import type { DataFrame } from './dataframe/dataframe.js';
import { sessionFor } from './session-registry.js';
import type { SqlHost } from './session-host.js';

declare module '@flint/rdd' {
  interface RDD<T> {
    /** This RDD's elements (objects or arrays) as a DataFrame. */
    toDF(schema?: StructType | string | readonly string[]): DataFrame;
  }
}

function toDF(this: RDD<unknown>, schema?: StructType | string | readonly string[]): DataFrame {
  return sessionFor(this.context as SqlHost).fromRdd(this, schema, 'toDF()');
}

(RDD.prototype as unknown as { toDF: typeof toDF }).toDF = toDF;
