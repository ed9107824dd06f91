/** Hadoop's two zlib codecs for text files: GzipCodec (`.gz`) and DefaultCodec (`.deflate`, a zlib stream). */
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import type { TextCodec } from '@flint/rdd';

export const CODEC_EXTENSIONS: Record<TextCodec, string> = { gzip: '.gz', deflate: '.deflate' };

export function compress(bytes: Uint8Array, codec: TextCodec): Uint8Array {
  return codec === 'gzip' ? gzipSync(bytes) : deflateSync(bytes);
}

export function decompress(bytes: Uint8Array, codec: TextCodec, path: string): Buffer {
  try {
    return codec === 'gzip' ? gunzipSync(bytes) : inflateSync(bytes);
  } catch (error) {
    throw new Error(`Cannot decompress ${path} as ${codec}: ${(error as Error).message}`);
  }
}
