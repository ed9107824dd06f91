/** `df.write`: PySpark's DataFrameWriter builder; the formats themselves register in data-sources.ts. */
import type { DataFrame } from './dataframe.js';
import { formatWriter, type SaveMode } from './data-sources.js';

const MODES: readonly string[] = ['error', 'errorifexists', 'overwrite', 'append', 'ignore'];

export class DataFrameWriter {
  private saveMode: SaveMode = 'error';
  private sourceFormat = 'parquet';
  private readonly extraOptions: Record<string, string> = {};
  private partitionColumns: string[] = [];

  constructor(private readonly df: DataFrame) {}

  mode(saveMode: string): this {
    const m = saveMode.toLowerCase();
    if (!MODES.includes(m)) throw new Error(`[INVALID_SAVE_MODE] The specified save mode "${saveMode}" is invalid. Valid save modes include "append", "overwrite", "ignore", "error", "errorifexists", and "default".`);
    this.saveMode = m as SaveMode;
    return this;
  }
  format(source: string): this {
    this.sourceFormat = source;
    return this;
  }
  option(key: string, value: string | number | boolean): this {
    this.extraOptions[key] = String(value);
    return this;
  }
  options(options: Record<string, string | number | boolean>): this {
    for (const [k, v] of Object.entries(options)) this.option(k, v);
    return this;
  }
  partitionBy(...cols: (string | string[])[]): this {
    this.partitionColumns = cols.flat();
    return this;
  }
  save(path: string, format?: string, mode?: string): Promise<void> {
    if (format !== undefined) this.format(format);
    if (mode !== undefined) this.mode(mode);
    return formatWriter(this.sourceFormat)({ df: this.df, path, mode: this.saveMode, options: { ...this.extraOptions }, partitionBy: this.partitionColumns });
  }
  csv(path: string, mode?: string): Promise<void> {
    return this.save(path, 'csv', mode);
  }
  json(path: string, mode?: string): Promise<void> {
    return this.save(path, 'json', mode);
  }
  text(path: string, mode?: string): Promise<void> {
    return this.save(path, 'text', mode);
  }
  parquet(path: string, mode?: string): Promise<void> {
    return this.save(path, 'parquet', mode);
  }
}
