/**
 * `rdd.toDF(schema?)`: RDD gains toDF through module augmentation of @flint/rdd. A schema is a
 * StructType, a DDL string, or column names; without types, they are inferred from the data when
 * the driver holds it (a parallelized collection), as PySpark infers them from the first rows.
 */
import { RDD } from '@flint/rdd';
import { StructField, StructType, inferSchema } from './types/index.js';
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
  const struct = schema instanceof StructType ? schema : typeof schema === 'string' ? StructType.fromDDL(schema) : inferFromDriverData(this, schema);
  return session.relation(struct, new RddRows(this.map(rowToEngine(struct)) as RDD<unknown[]>));
}

function inferFromDriverData(rdd: RDD<unknown>, names: readonly string[] | undefined): StructType {
  if (rdd.node.kind !== 'parallelize') {
    throw new Error(
      'toDF() can infer column types only for parallelized data; pass a schema, e.g. rdd.toDF("name STRING, age BIGINT") or a StructType',
    );
  }
  const rows = rdd.node.slices.flat();
  const inferred = inferSchema(rows, names);
  return names === undefined ? inferred : new StructType(inferred.fields.map((f, i) => new StructField(names[i] ?? f.name, f.dataType, f.nullable)));
}

(RDD.prototype as unknown as { toDF: typeof toDF }).toDF = toDF;
