/**
 * `df.write` for csv, json, parquet and text to a local directory, as Spark writes one: each task
 * writes its part files (write/write-partition.ts), then the driver marks the output complete
 * with `_SUCCESS`. Modes: `error` (the default: an existing path is an error), `ignore` (do
 * nothing if it exists), `overwrite` (replace it), `append` (add part files).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execute } from '../../dataframe/dataframe-actions.js';
import { reportObservations } from '../../dataframe/observation.js';
import { registerFormatWriter, type WriteRequest } from '../../dataframe/data-sources.js';
import { localPath } from '../files/local-paths.js';
import { IO_RUNTIME } from '../io-runtime.js';
import { parquetWriteCodec } from '../parquet/page-compressors.js';
import type { OutputFormat, WriteEnv } from '../write/write-partition.js';
import { StructType } from '../../types/index.js';
import { shippedTimeZone } from './shipped-time-zone.js';

async function save(request: WriteRequest, format: OutputFormat): Promise<void> {
  const parquetCodec = format === 'parquet' ? parquetWriteCodec(request.options, request.df.session.conf.get('spark.sql.parquet.compression.codec')) : undefined;
  const dir = resolve(localPath(request.path));
  if (existsSync(dir)) {
    if (request.mode === 'ignore') return;
    if (request.mode === 'error' || request.mode === 'errorifexists') {
      throw new Error(`[PATH_ALREADY_EXISTS] Path file:${dir} already exists. Set mode as "overwrite" to overwrite the existing path.`);
    }
    if (request.mode === 'overwrite') rmSync(dir, { recursive: true, force: true });
  }
  const schema = request.df.schema;
  const partitionColumns = request.partitionBy.map((name) => {
    const i = schema.fieldNames().indexOf(name);
    if (i < 0) throw new Error(`[UNRESOLVED_COLUMN] partitionBy column \`${name}\` is not one of ${schema.fieldNames().map((n) => `\`${n}\``).join(', ')}`);
    return i;
  });
  if (partitionColumns.length === schema.fields.length && schema.fields.length > 0) {
    throw new Error('[ALL_PARTITION_COLUMNS_NOT_ALLOWED] Cannot use all columns for partition columns.');
  }
  const dataColumns = schema.fields.filter((_, i) => !partitionColumns.includes(i));
  if (format === 'text' && (dataColumns.length !== 1 || dataColumns[0].dataType.typeName() !== 'string')) {
    throw new Error(`[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] Text data source supports only a single string column, and you have ${dataColumns.map((f) => `${f.name} ${f.dataType.simpleString()}`).join(', ')}.`);
  }
  mkdirSync(dir, { recursive: true });
  const options = { ...request.options };
  const textual = format === 'csv' || format === 'json';
  const sessionTimeZone = textual ? shippedTimeZone(new StructType(dataColumns), undefined, options, () => request.df.session.timeZone) : undefined;
  const env: WriteEnv = { dir, format, schema: schema.json(), options, sessionTimeZone, partitionColumns, jobId: randomUUID(), ...(parquetCodec && { parquetCodec }) };
  const writeTask = IO_RUNTIME.ref('writePartition', env as unknown as Record<string, unknown>);
  const { rdd: planned, description, observed } = execute(request.df, `save ${format}`);
  // A plan of no partitions runs no task; Spark then writes one empty partition so the output keeps its schema.
  const rdd = planned.getNumPartitions() === 0 ? request.df.session.host.parallelize<unknown[]>([], 1) : planned;
  const writes = rdd.mapPartitionsWithIndex(writeTask as unknown as (task: number, rows: Iterable<unknown[]>) => string[]);
  await request.df.session.host.submitJob(writes, { description, source: rdd });
  writeFileSync(join(dir, '_SUCCESS'), '');
  reportObservations(observed);
}

for (const format of ['csv', 'json', 'parquet', 'text'] as const) registerFormatWriter(format, (request) => save(request, format));
