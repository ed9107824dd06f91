/**
 * `rdd.toDF(schema?)`: RDD gains toDF through module augmentation of @flint/rdd. A schema is a
 * StructType, a DDL string, or column names (dataframe/rdd-schema.ts).
 */
import { RDD } from '@flint/rdd';
import type { StructType } from './types/index.js';
import { rddSchema } from './dataframe/rdd-schema.js';
import type { DataFrame } from './dataframe/dataframe.js';
import { RddRows } from './dataframe/sources.js';
import { rowToEngine } from './dataframe/rdd-conversion.js';
import { sessionFor } from './session-registry.js';
import type { SqlHost } from './session-host.js';

declare module '@flint/rdd' {
  interface RDD<T> {
    /** This RDD's elements (objects or arrays) as a DataFrame. */
    toDF(schema?: StructType | string | readonly string[]): DataFrame;
  }
}

function toDF(this: RDD<unknown>, schema?: StructType | string | readonly string[]): DataFrame {
  const session = sessionFor(this.context as SqlHost);
  const struct = rddSchema(this, schema, 'toDF()');
  return session.relation(struct, new RddRows(this.map(rowToEngine(struct)) as RDD<unknown[]>));
}

(RDD.prototype as unknown as { toDF: typeof toDF }).toDF = toDF;
