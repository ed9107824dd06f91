/**
 * The Parquet writer's codecs, named as Spark names them in `df.write.option('compression', c)`
 * (ParquetOptions: the `compression` option, then `parquet.compression`, then the session's
 * `spark.sql.parquet.compression.codec`, snappy by default), and their page compressors.
 * SNAPPY is hyparquet-writer's; GZIP and BROTLI node:zlib's; ZSTD libzstd's, built to WebAssembly
 * (@bokuweb/zstd-wasm: Node 20's zlib has no zstd), whose module is compiled once per thread by
 * `readyToCompress` before a write uses it; LZ4_RAW lz4_flex's (lz4-napi, native, the worker's
 * shuffle codec), loaded by the first such write.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { CompressionCodec } from 'hyparquet';
import type { ParquetWriteOptions } from 'hyparquet-writer';

export type WriteCodec = Extract<CompressionCodec, 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI' | 'ZSTD' | 'LZ4_RAW'>;

/** Spark's short names (ParquetCompressionCodec), in the order Spark lists them in its error. */
const SPARK_CODECS: ReadonlyMap<string, CompressionCodec> = new Map([
  ['brotli', 'BROTLI'], ['uncompressed', 'UNCOMPRESSED'], ['lzo', 'LZO'], ['snappy', 'SNAPPY'],
  ['lz4_raw', 'LZ4_RAW'], ['none', 'UNCOMPRESSED'], ['zstd', 'ZSTD'], ['lz4', 'LZ4'], ['gzip', 'GZIP'],
]);
const WRITTEN: readonly CompressionCodec[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4_RAW'];
/** libzstd's default level, as parquet-mr's ZSTD codec writes. */
const ZSTD_LEVEL = 3;

function option(options: Record<string, string>, key: string): string | undefined {
  const found = Object.keys(options).find((k) => k.toLowerCase() === key);
  return found === undefined ? undefined : options[found];
}

/** The codec a Parquet write uses, from its options and the session's default; Spark's error for an unknown name. */
export function parquetWriteCodec(options: Record<string, string>, sessionDefault = 'snappy'): WriteCodec {
  const name = (option(options, 'compression') ?? option(options, 'parquet.compression') ?? sessionDefault).toLowerCase();
  const codec = SPARK_CODECS.get(name);
  if (codec === undefined) {
    throw new Error(`[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec ${name} is not available. Available codecs are ${[...SPARK_CODECS.keys()].join(', ')}. SQLSTATE: 56038`);
  }
  if (!WRITTEN.includes(codec)) {
    throw new Error(`Flint does not write Parquet compressed with ${codec} (compression '${name}'); it writes ${['none', 'uncompressed', 'snappy', 'gzip', 'brotli', 'zstd', 'lz4_raw'].join(', ')}`);
  }
  return codec as WriteCodec;
}

type ZstdWasm = typeof import('@bokuweb/zstd-wasm');
let zstd: ZstdWasm | undefined;
let zstdReady: Promise<void> | undefined;

/** Resolves once `codec`'s compressor can run (ZSTD's WebAssembly module compiled on this thread). */
export function readyToCompress(codec: WriteCodec): Promise<void> | undefined {
  if (codec !== 'ZSTD' || zstd !== undefined) return undefined;
  return (zstdReady ??= (async () => {
    const module = createRequire(import.meta.url)('@bokuweb/zstd-wasm') as ZstdWasm;
    await module.init();
    zstd = module;
  })());
}

const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** Page compressors for hyparquet-writer (which has SNAPPY's itself). */
export function pageCompressors(codec: WriteCodec): ParquetWriteOptions['compressors'] {
  switch (codec) {
    case 'GZIP': return { GZIP: (input) => asBytes(gzipSync(input)) };
    case 'BROTLI': return { BROTLI: (input) => asBytes(brotliCompressSync(input)) };
    case 'ZSTD': {
      if (zstd === undefined) throw new Error('Parquet ZSTD compression used before readyToCompress(ZSTD) resolved');
      const { compress } = zstd;
      return { ZSTD: (input) => compress(input, ZSTD_LEVEL) };
    }
    case 'LZ4_RAW': {
      const { compressSync } = createRequire(import.meta.url)('lz4-napi') as { compressSync(data: Buffer): Buffer };
      // lz4_flex prefixes the block with its uncompressed size (4 bytes); LZ4_RAW is the bare block.
      return { LZ4_RAW: (input) => asBytes(compressSync(Buffer.from(input.buffer, input.byteOffset, input.byteLength)).subarray(4)) };
    }
    default: return {};
  }
}
