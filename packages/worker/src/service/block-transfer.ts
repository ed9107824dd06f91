/** Block bytes on the wire: lz4-compressed (lz4-napi; see the commit that chose it over lz4). */
import { compressSync, uncompressSync } from 'lz4-napi';

export function compressBlock(bytes: Uint8Array): Uint8Array {
  return compressSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}

export function decompressBlock(bytes: Uint8Array): Uint8Array {
  return uncompressSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}
