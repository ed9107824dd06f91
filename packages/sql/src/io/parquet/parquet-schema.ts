/**
 * Parquet schemas ↔ Spark schemas, for the flat columns Flint reads and writes: booleans,
 * 8/16/32/64-bit integers, float, double, decimal, string, binary, date, timestamp (with or
 * without a zone), as Spark's ParquetSchemaConverter maps them. Nested groups and repeated
 * fields are refused with a one-line error naming the column.
 */
import type { SchemaElement } from 'hyparquet';
import {
  BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType, LongType,
  ShortType, StringType, StructField, StructType, TimestampNTZType, TimestampType,
} from '../../types/index.js';

function columnType(e: SchemaElement, file: string): DataType {
  const logical = e.logical_type;
  const converted = e.converted_type;
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') return new DecimalType(e.precision ?? 10, e.scale ?? 0);
  switch (e.type) {
    case 'BOOLEAN':
      return new BooleanType();
    case 'INT32':
      if (converted === 'DATE' || logical?.type === 'DATE') return new DateType();
      if (converted === 'INT_8' || (logical?.type === 'INTEGER' && logical.bitWidth === 8)) return new ByteType();
      if (converted === 'INT_16' || (logical?.type === 'INTEGER' && logical.bitWidth === 16)) return new ShortType();
      if (converted === 'UINT_32' || (logical?.type === 'INTEGER' && !logical.isSigned && logical.bitWidth === 32)) return new LongType();
      return new IntegerType();
    case 'INT64':
      if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC === false ? new TimestampNTZType() : new TimestampType();
      if (converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS') return new TimestampType();
      return new LongType();
    case 'INT96':
      return new TimestampType();
    case 'FLOAT':
      return new FloatType();
    case 'DOUBLE':
      return new DoubleType();
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      if (converted === 'UTF8' || converted === 'ENUM' || converted === 'JSON' || logical?.type === 'STRING' || logical?.type === 'ENUM' || logical?.type === 'JSON') {
        return new StringType();
      }
      return new BinaryType();
    default:
      throw new Error(`Parquet column '${e.name}' in ${file} has type ${String(e.type)}, which Flint cannot read`);
  }
}

/** The Spark schema of a Parquet file's flat columns. */
export function sparkSchemaOfParquet(elements: readonly SchemaElement[], file: string): StructType {
  const [root, ...columns] = elements;
  if (columns.length !== (root.num_children ?? 0)) {
    const nested = columns.find((c) => c.num_children !== undefined && c.num_children > 0);
    throw new Error(`Parquet column '${nested?.name ?? '?'}' in ${file} is nested; Flint reads flat Parquet columns only`);
  }
  return new StructType(
    columns.map((e) => {
      if (e.repetition_type === 'REPEATED') throw new Error(`Parquet column '${e.name}' in ${file} is repeated; Flint reads flat Parquet columns only`);
      return new StructField(e.name, columnType(e, file), e.repetition_type !== 'REQUIRED');
    }),
  );
}

/** The Parquet schema Flint writes for a Spark schema (the types DuckDB and Spark read back). */
export function parquetSchemaOf(schema: StructType): SchemaElement[] {
  const element = (f: StructField): SchemaElement => {
    const base = { name: f.name, repetition_type: f.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const) };
    const t = f.dataType;
    switch (t.typeName()) {
      case 'boolean': return { ...base, type: 'BOOLEAN' };
      case 'byte': return { ...base, type: 'INT32', converted_type: 'INT_8' };
      case 'short': return { ...base, type: 'INT32', converted_type: 'INT_16' };
      case 'integer': return { ...base, type: 'INT32' };
      case 'long': return { ...base, type: 'INT64' };
      case 'float': return { ...base, type: 'FLOAT' };
      case 'double': return { ...base, type: 'DOUBLE' };
      case 'string': return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
      case 'binary': return { ...base, type: 'BYTE_ARRAY' };
      case 'date': return { ...base, type: 'INT32', converted_type: 'DATE' };
      case 'timestamp':
        return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } };
      case 'timestamp_ntz':
        return { ...base, type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' } };
      case 'decimal': {
        const d = t as DecimalType;
        return { ...base, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', precision: d.precision, scale: d.scale };
      }
      default:
        throw new Error(`Parquet output of column '${f.name}' of type ${t.simpleString()} is not supported; Flint writes flat columns`);
    }
  };
  return [{ name: 'spark_schema', num_children: schema.fields.length }, ...schema.fields.map(element)];
}
