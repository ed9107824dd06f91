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

  csv(path: string | string[], options: Record<string, OptionValue> = {}): DataFrame {
    return this.load(path, 'csv', undefined, options);
  }
  /** JSON lines files, or an RDD of JSON strings (`df.toJSON()`), as PySpark's `read.json` takes either. */
  json(path: string | string[] | RDD<string>, options: Record<string, OptionValue> = {}): DataFrame {
    if (path instanceof RDD) {
      this.options(options);
      return jsonFromRdd(path, { ...this.extraOptions }, this.userSchema);
    }
    return this.load(path, 'json', undefined, options);
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
