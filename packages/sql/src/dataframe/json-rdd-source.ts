/**
 * `fc.read.json(rdd)`: an RDD of JSON strings (what `df.toJSON()` gives) as a DataFrame, as
 * PySpark's `spark.read.json(rdd)` reads one. Each string is read by from_json with the reader's
 * options; blank strings are skipped. Without a schema, the schema is inferred from the strings
 * when the driver holds them (a parallelized collection), as the JSON reader infers a file's.
 * DROPMALFORMED (which from_json refuses) reads PERMISSIVE into a hidden corrupt-record column
 * and drops the rows that have one.
 */
import type { RDD } from '@flint/rdd';
import { StringType, StructField, StructType } from '../types/index.js';
import { Column } from '../column.js';
import { callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { jsonSchema } from '../io/json/json-reader.js';
import { parseJsonOptions } from '../io/json/json-options.js';
import type { DataFrame } from './dataframe.js';

const MALFORMED = '__flint_malformed_json';

function schemaOfDriverData(rdd: RDD<string>, options: Record<string, string>): StructType {
  if (rdd.node.kind !== 'parallelize') {
    throw new Error("read.json(rdd) infers the schema only from parallelized strings; pass one, e.g. fc.read.schema('a BIGINT, b STRING').json(rdd)");
  }
  const text = rdd.node.slices.flat().map(String).join('\n');
  return jsonSchema([{ path: 'the RDD given to read.json', text }], options);
}

function optionsExpr(options: Record<string, string>): Expr {
  return callOf('map', Object.entries(options).flatMap(([k, v]) => [literalExpr(k), literalExpr(v)]));
}

export function jsonFromRdd(rdd: RDD<string>, options: Record<string, string>, userSchema: StructType | undefined): DataFrame {
  const parsed = parseJsonOptions(options);
  const schema = userSchema ?? parsed.schema ?? schemaOfDriverData(rdd, options);
  const dropMalformed = parsed.mode === 'DROPMALFORMED';
  const readSchema = dropMalformed ? new StructType([...schema.fields, new StructField(MALFORMED, new StringType(), true)]) : schema;
  const fromJsonOptions = dropMalformed ? { ...options, mode: 'PERMISSIVE', columnNameOfCorruptRecord: MALFORMED } : options;
  const lines = rdd.map((s) => [s]).toDF('value STRING').where("trim(value) <> ''");
  const struct = new Column(callOf('from_json', [lines.col('value').expr, literalExpr(readSchema.json()), optionsExpr(fromJsonOptions)]));
  const rows = lines.select(struct.alias('json')).select('json.*');
  return dropMalformed ? rows.where(`\`${MALFORMED}\` IS NULL`).drop(MALFORMED) : rows;
}
