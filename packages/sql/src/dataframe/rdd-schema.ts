/**
 * The schema of a DataFrame over an RDD (`rdd.toDF(schema?)`, `fc.createDataFrame(rdd, schema?)`):
 * a StructType, a DDL string, or column names; without types, they are inferred from the data when
 * the driver holds it (a parallelized collection), as PySpark infers them from the first rows.
 */
import type { RDD } from '@flint/rdd';
import { StructField, StructType, inferSchema } from '../types/index.js';

export function rddSchema(rdd: RDD<unknown>, schema: StructType | string | readonly string[] | undefined, caller: string): StructType {
  if (schema instanceof StructType) return schema;
  if (typeof schema === 'string') return StructType.fromDDL(schema);
  if (rdd.node.kind !== 'parallelize') {
    throw new Error(`${caller} can infer column types only for parallelized data; pass a schema, e.g. "name STRING, age BIGINT" or a StructType`);
  }
  const rows = rdd.node.slices.flat();
  const inferred = inferSchema(rows, schema);
  return schema === undefined ? inferred : new StructType(inferred.fields.map((f, i) => new StructField(schema[i] ?? f.name, f.dataType, f.nullable)));
}
