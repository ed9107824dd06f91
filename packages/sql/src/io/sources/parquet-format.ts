/**
 * The `parquet` format of `fc.read`: the driver reads each file's footer (schema, row groups)
 * and makes one split per row group; tasks read only the columns the query uses. Hive-style
 * partition directories add their columns.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parquetMetadata } from 'hyparquet';
import { registerFormatReader } from '../../dataframe/data-sources.js';
import { StructType } from '../../types/index.js';
import { discoverPartitions } from '../files/partition-discovery.js';
import { expandLocalPaths } from '../files/local-paths.js';
import type { ParquetRowGroupSplit } from '../io-runtime.js';
import { rowGroupRanges } from '../parquet/parquet-read.js';
import { sparkSchemaOfParquet } from '../parquet/parquet-schema.js';
import { FileScan } from './file-scan.js';

/** The footer of a local Parquet file, read synchronously (the reader API is synchronous). */
function footerOf(path: string): { schema: StructType; ranges: { rowStart: number; rowEnd: number }[]; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 8));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (size < 12 || tail.toString('latin1', 4) !== 'PAR1') throw new Error(`${path} is not a Parquet file (no PAR1 footer)`);
    const footerLength = tail.readUInt32LE(0) + 8;
    const bytes = Buffer.alloc(Math.min(size, footerLength));
    readSync(fd, bytes, 0, bytes.length, size - bytes.length);
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { schema: sparkSchemaOfParquet(metadata.schema, path), ranges: rowGroupRanges(metadata), size };
  } finally {
    closeSync(fd);
  }
}

registerFormatReader('parquet', (session, paths, options, userSchema) => {
  const files = expandLocalPaths(paths);
  const partitioning = discoverPartitions(paths, files);
  const footers = files.map((path) => ({ path, ...footerOf(path) }));
  const partitionNames = new Set(partitioning.schema.fieldNames());
  const fileSchema = userSchema ? new StructType(userSchema.fields.filter((f) => !partitionNames.has(f.name))) : footers[0]?.schema;
  if (!fileSchema) throw new Error(`[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet. It must be specified manually.`);
  for (const f of footers) {
    if (f.schema.simpleString() !== footers[0].schema.simpleString()) {
      throw new Error(`Parquet files have different schemas: ${footers[0].path} has ${footers[0].schema.simpleString()}, ${f.path} has ${f.schema.simpleString()}`);
    }
  }
  const splits: ParquetRowGroupSplit[] = footers.flatMap((f) =>
    f.ranges.map((r) => ({ path: f.path, ...r, partitionValues: partitioning.valuesOf(f.path) })),
  );
  const size = footers.reduce((n, f) => n + f.size, 0);
  const schema = new StructType([...fileSchema.fields, ...partitioning.schema.fields]);
  return session.relation(schema, new FileScan('parquet', paths, fileSchema, splits, 'readParquetRowGroups', { ...options }, size));
});
