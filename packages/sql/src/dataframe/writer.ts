/** `df.write`: PySpark's DataFrameWriter builder; the formats themselves register in data-sources.ts. */
import type { DataFrame } from './dataframe.js';
import { formatWriter, type SaveMode } from './data-sources.js';

/** Spark's save modes; `default` is `errorifexists`, as in DataFrameWriter.mode. */
const MODES: Record<string, SaveMode> = { error: 'error', errorifexists: 'errorifexists', default: 'error', overwrite: 'overwrite', append: 'append', ignore: 'ignore' };

type OptionValue = string | number | boolean;
/**
 * PySpark's keyword arguments of `csv`/`json`/`parquet`/`text`/`save` as an object: `mode`,
 * `partitionBy`, and any writer option (`header`, `sep`, `compression`, ...).
 */
export type WriterCallOptions = { readonly mode?: string; readonly partitionBy?: string | readonly string[] } & Readonly<Record<string, OptionValue | readonly string[] | undefined>>;

export class DataFrameWriter {
  private saveMode: SaveMode = 'error';
  private sourceFormat = 'parquet';
  private readonly extraOptions: Record<string, string> = {};
  private partitionColumns: string[] = [];

  constructor(private readonly df: DataFrame) {}

  mode(saveMode: string): this {
    const m = typeof saveMode === 'string' ? MODES[saveMode.toLowerCase()] : undefined;
    if (!m) throw new Error(`[INVALID_SAVE_MODE] The specified save mode "${saveMode}" is invalid. Valid save modes include "append", "overwrite", "ignore", "error", "errorifexists", and "default".`);
    this.saveMode = m;
    return this;
  }
  format(source: string): this {
    this.sourceFormat = source;
    return this;
  }
  option(key: string, value: OptionValue): this {
    this.extraOptions[key] = String(value);
    return this;
  }
  options(options: Record<string, OptionValue>): this {
    for (const [k, v] of Object.entries(options)) this.option(k, v);
    return this;
  }
  partitionBy(...cols: (string | readonly string[])[]): this {
    this.partitionColumns = cols.flat();
    return this;
  }
  /** `save(path, format?, mode?, options?)`; the mode may also be given as the options object. */
  save(path: string, format?: string, mode?: string | WriterCallOptions, options?: WriterCallOptions): Promise<void> {
    if (format !== undefined) this.format(format);
    this.applyCallOptions(typeof mode === 'object' ? mode : { ...options, ...(mode === undefined ? {} : { mode }) });
    return formatWriter(this.sourceFormat)({ df: this.df, path, mode: this.saveMode, options: { ...this.extraOptions }, partitionBy: this.partitionColumns });
  }
  /** `csv(path, mode?, options?)` or `csv(path, { header: true, mode: 'overwrite', ... })`, as PySpark's keyword arguments. */
  csv(path: string, mode?: string | WriterCallOptions, options?: WriterCallOptions): Promise<void> {
    return this.save(path, 'csv', mode, options);
  }
  json(path: string, mode?: string | WriterCallOptions, options?: WriterCallOptions): Promise<void> {
    return this.save(path, 'json', mode, options);
  }
  text(path: string, mode?: string | WriterCallOptions, options?: WriterCallOptions): Promise<void> {
    return this.save(path, 'text', mode, options);
  }
  parquet(path: string, mode?: string | WriterCallOptions, options?: WriterCallOptions): Promise<void> {
    return this.save(path, 'parquet', mode, options);
  }

  private applyCallOptions({ mode, partitionBy, ...rest }: WriterCallOptions): void {
    if (mode !== undefined) this.mode(mode);
    if (partitionBy !== undefined) this.partitionBy(partitionBy);
    for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== null) this.option(k, v as OptionValue);
  }
}
