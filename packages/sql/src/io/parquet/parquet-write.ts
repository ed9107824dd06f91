/**
 * Writing rows (engine form) as a Parquet file with hyparquet-writer: the schema from
 * parquetSchemaOf, Snappy compression unless told another codec (page-compressors.ts), statistics on (so readers, Flint's included, can skip
 * row groups), row groups of `rowGroupSize` rows.
 */
import { createRequire } from 'node:module';
import type { StructType } from '../../types/index.js';
import { pageCompressors, type WriteCodec } from './page-compressors.js';
import { parquetSchemaOf } from './parquet-schema.js';

type ParquetWriter = typeof import('hyparquet-writer');
let writer: ParquetWriter | undefined;

/** hyparquet-writer, loaded by the first write: a query that only reads never pays its start-up. */
function parquetWriter(): ParquetWriter {
  return (writer ??= createRequire(import.meta.url)('hyparquet-writer') as ParquetWriter);
}

export function writeParquetBuffer(schema: StructType, rows: readonly unknown[][], rowGroupSize = 100_000, codec: WriteCodec = 'SNAPPY'): Uint8Array {
  const columnData = schema.fields.map((f, i) => {
    const type = f.dataType.typeName();
    const data = rows.map((r) => {
      const v = r[i];
      if (v === null || v === undefined) return null;
      // INT64 columns take bigints; the engine keeps timestamps, and longs while safe, as numbers.
      if (type === 'long' || type === 'timestamp' || type === 'timestamp_ntz') return BigInt(v as number | bigint);
      return v;
    });
    // hyparquet-writer's dictionary keys values in a Map, where -0 is 0: a column with a -0 is
    // written PLAIN, so that its -0.0s stay -0.0 (parquet-mr's dictionary keys a double by its bits).
    const keepsNegativeZero = (type === 'double' || type === 'float') && data.some((v) => Object.is(v, -0));
    return { name: f.name, data, nullable: f.nullable, ...(keepsNegativeZero && { encoding: 'PLAIN' as const }) };
  });
  const buffer = parquetWriter().parquetWriteBuffer({
    columnData,
    schema: parquetSchemaOf(schema),
    rowGroupSize,
    codec,
    compressors: pageCompressors(codec),
    statisticsTruncateLength: Infinity,
    createdBy: 'Flint (hyparquet-writer)',
  });
  return new Uint8Array(buffer);
}
