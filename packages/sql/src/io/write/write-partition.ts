/**
 * A task's share of `df.write`: its rows go to one part file per Hive-style partition directory
 * (`col=value/`, the partition columns left out of the file, as Spark writes them), named
 * `part-<task>-<job>.c000.<ext>` so appends from later jobs never collide.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataTypeFromJson, StructType, type DataType } from '../../types/index.js';
import { readyToCompress, type WriteCodec } from '../parquet/page-compressors.js';
import { writeParquetBuffer } from '../parquet/parquet-write.js';
import { rowsToCsv } from './csv-writer.js';
import { rowsToJsonLines } from './json-writer.js';
import { scalarText } from './value-text.js';

export type OutputFormat = 'csv' | 'json' | 'parquet' | 'text';

export interface WriteEnv {
  dir: string;
  format: OutputFormat;
  /** The DataFrame's schema as `StructType.json()`. */
  schema: string;
  options: Record<string, string>;
  /** The session's time zone, where timestamps are written (sent only if a column holds timestamps and the options name no zone). */
  sessionTimeZone?: string;
  /** Positions of the partitionBy columns. */
  partitionColumns: number[];
  jobId: string;
  /** Parquet's page codec, resolved from the options on the driver. */
  parquetCodec?: WriteCodec;
}

export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/** Hive's escaping of partition values in paths (ExternalCatalogUtils.escapePathName). */
function escapePathName(text: string): string {
  return text.replace(/["#%'*/:=?\\\x7f{[\]^]|[\x00-\x1f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function partitionDirectory(row: unknown[], columns: readonly number[], schema: StructType): string {
  return columns
    .map((i) => {
      const v = row[i];
      const text = v === null || v === undefined ? HIVE_DEFAULT_PARTITION : escapePathName(scalarText(v, schema.fields[i].dataType as DataType));
      return `${escapePathName(schema.fields[i].name)}=${text}`;
    })
    .join('/');
}

function fileBytes(format: OutputFormat, schema: StructType, rows: unknown[][], env: WriteEnv): string | Uint8Array {
  // No zone sent: no timestamp to write, or the options name the zone.
  const timeZone = env.sessionTimeZone ?? 'UTC';
  switch (format) {
    case 'csv': return rowsToCsv(schema, rows, env.options, timeZone);
    case 'json': return rowsToJsonLines(schema, rows, env.options, timeZone);
    case 'parquet': return writeParquetBuffer(schema, rows, undefined, env.parquetCodec);
    case 'text': return rows.map((r) => `${r[0] ?? ''}\n`).join('');
  }
}

/** Writes the task's part files; a promise first when the codec's compressor still loads on this thread. */
export function writePartition(task: number, rows: Iterable<unknown[]>, env: WriteEnv): string[] | Promise<string[]> {
  const ready = env.parquetCodec === undefined ? undefined : readyToCompress(env.parquetCodec);
  return ready === undefined ? writeFiles(task, rows, env) : ready.then(() => writeFiles(task, rows, env));
}

function writeFiles(task: number, rows: Iterable<unknown[]>, env: WriteEnv): string[] {
  const schema = dataTypeFromJson(env.schema) as StructType;
  const partitioned = new Set(env.partitionColumns);
  const dataPositions = schema.fields.map((_, i) => i).filter((i) => !partitioned.has(i));
  const dataSchema = new StructType(dataPositions.map((i) => schema.fields[i]));
  const byDirectory = new Map<string, unknown[][]>();
  for (const row of rows) {
    const dir = partitionDirectory(row, env.partitionColumns, schema);
    let group = byDirectory.get(dir);
    if (!group) byDirectory.set(dir, (group = []));
    group.push(partitioned.size === 0 ? row : dataPositions.map((i) => row[i]));
  }
  // As Spark's FileFormatWriter (SPARK-23271): task 0 writes its part file even with no rows, so an empty output
  // keeps its schema (a CSV header, a Parquet footer); a partitioned write's empty tasks make no directory.
  if (task === 0 && partitioned.size === 0 && byDirectory.size === 0) byDirectory.set('', []);
  const written: string[] = [];
  for (const [dir, group] of byDirectory) {
    const target = join(env.dir, dir);
    mkdirSync(target, { recursive: true });
    const file = join(target, `part-${String(task).padStart(5, '0')}-${env.jobId}.c000.${env.format === 'text' ? 'txt' : env.format}`);
    writeFileSync(file, fileBytes(env.format, dataSchema, group, env));
    written.push(file);
  }
  return written;
}
