/**
 * `fc.read`: PySpark's DataFrameReader builder — `format`, `schema`, `option(s)`, `load`, and the
 * `csv`/`json`/`text`/`parquet` shorthands that also take options as an object.
 */
import { StructType } from '../types/index.js';
import type { SqlSession } from '../session.js';
import type { DataFrame } from './dataframe.js';
import { formatReader } from './data-sources.js';
import { RDD } from '@flint/rdd';
import { jsonFromRdd } from './json-rdd-source.js';

type OptionValue = string | number | boolean | StructType | null | undefined;
type SchemaOrOptions = StructType | string | Record<string, OptionValue>;

/** A schema (a StructType or a DDL string) given where PySpark puts it, or the options object in its place. */
function schemaAndOptions(schema: SchemaOrOptions | undefined, options: Record<string, OptionValue>): [StructType | string | undefined, Record<string, OptionValue>] {
  if (schema === undefined || typeof schema === 'string' || schema instanceof StructType) return [schema, options];
  return [undefined, { ...schema, ...options }];
}

export class DataFrameReader {
  private sourceFormat = 'parquet';
  private userSchema: StructType | undefined;
  private readonly extraOptions: Record<string, string> = {};

  constructor(private readonly session: SqlSession) {}

  format(source: string): this {
    this.sourceFormat = source;
    return this;
  }
  schema(schema: StructType | string): this {
    this.userSchema = typeof schema === 'string' ? StructType.fromDDL(schema) : schema;
    return this;
  }
  option(key: string, value: OptionValue): this {
    if (key === 'schema' && value !== undefined && value !== null) return this.schema(value as StructType | string);
    if (value !== undefined && value !== null) this.extraOptions[key] = String(value);
    return this;
  }
  options(options: Record<string, OptionValue>): this {
    for (const [k, v] of Object.entries(options)) this.option(k, v);
    return this;
  }

  load(path?: string | string[], format?: string, schema?: StructType | string, options: Record<string, OptionValue> = {}): DataFrame {
    if (format !== undefined) this.format(format);
    if (schema !== undefined) this.schema(schema);
    this.options(options);
    const paths = path === undefined ? [] : Array.isArray(path) ? path : [path];
    if (paths.length === 0) throw new Error(`[PATH_NOT_FOUND] load() needs a path to read ${this.sourceFormat} from`);
    return formatReader(this.sourceFormat)(this.session, paths, { ...this.extraOptions }, this.userSchema);
  }

  /** `csv(path, schema?, options?)` or `csv(path, options)`: PySpark's `schema` comes second, its keyword arguments as an object. */
  csv(path: string | string[], schema?: SchemaOrOptions, options: Record<string, OptionValue> = {}): DataFrame {
    return this.load(path, 'csv', ...schemaAndOptions(schema, options));
  }
  /** JSON lines files, or an RDD of JSON strings (`df.toJSON()`), as PySpark's `read.json` takes either; `schema` as for csv. */
  json(path: string | string[] | RDD<string>, schema?: SchemaOrOptions, options: Record<string, OptionValue> = {}): DataFrame {
    const [userSchema, rest] = schemaAndOptions(schema, options);
    if (path instanceof RDD) {
      if (userSchema !== undefined) this.schema(userSchema);
      this.options(rest);
      return jsonFromRdd(path, { ...this.extraOptions }, this.userSchema);
    }
    return this.load(path, 'json', userSchema, rest);
  }
  text(path: string | string[], options: Record<string, OptionValue> = {}): DataFrame {
    return this.load(path, 'text', undefined, options);
  }
  parquet(path: string | string[], options: Record<string, OptionValue> = {}): DataFrame {
    return this.load(path, 'parquet', undefined, options);
  }
  table(name: string): DataFrame {
    return this.session.table(name);
  }
}
