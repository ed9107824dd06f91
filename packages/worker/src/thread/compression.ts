/**
 * Hadoop's two zlib codecs for text files: GzipCodec (`.gz`) and DefaultCodec (`.deflate`, a zlib
 * stream), and the zlib calls of the thread's other formats. node:zlib is loaded at the first call:
 * most task threads never compress, and importing it was part of every thread's start.
 */
import type { TextCodec } from '@flint/rdd';

const zlib = () => process.getBuiltinModule('node:zlib');
export const deflate = (bytes: Uint8Array): Buffer => zlib().deflateSync(bytes);
export const inflate = (bytes: Uint8Array): Buffer => zlib().inflateSync(bytes);
export const gzip = (bytes: Uint8Array): Buffer => zlib().gzipSync(bytes);
export const gunzip = (bytes: Uint8Array): Buffer => zlib().gunzipSync(bytes);

export const CODEC_EXTENSIONS: Record<TextCodec, string> = { gzip: '.gz', deflate: '.deflate' };

export function compress(bytes: Uint8Array, codec: TextCodec): Uint8Array {
  return codec === 'gzip' ? gzip(bytes) : deflate(bytes);
}

export function decompress(bytes: Uint8Array, codec: TextCodec, path: string): Buffer {
  try {
    return codec === 'gzip' ? gunzip(bytes) : inflate(bytes);
  } catch (error) {
    throw new Error(`Cannot decompress ${path} as ${codec}: ${(error as Error).message}`);
  }
}
