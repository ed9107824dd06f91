/**
 * Block checksums: one CRC32 per chunk of `bytesPerChecksum` bytes, stored next to the block in
 * a `.meta` file: a 12-byte header (magic "FCRC", version, bytesPerChecksum) then one
 * big-endian u32 per chunk. Readers verify whole chunks, so a range read is widened to chunk
 * boundaries before it is checked.
 */
import { crc32 } from 'node:zlib';

export const DEFAULT_BYTES_PER_CHECKSUM = 64 * 1024;
const MAGIC = 0x46435243; // "FCRC"
const VERSION = 1;
const HEADER_BYTES = 12;

/** Accumulates CRCs while a block is written in arbitrarily sized pieces. */
export class ChecksumWriter {
  private readonly crcs: number[] = [];
  private chunkCrc = 0;
  private chunkFill = 0;

  constructor(readonly bytesPerChecksum = DEFAULT_BYTES_PER_CHECKSUM) {}

  update(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(this.bytesPerChecksum - this.chunkFill, bytes.length - offset);
      this.chunkCrc = crc32(bytes.subarray(offset, offset + take), this.chunkCrc);
      this.chunkFill += take;
      offset += take;
      if (this.chunkFill === this.bytesPerChecksum) this.closeChunk();
    }
  }

  /** The meta file contents for everything written so far. */
  finish(): Buffer {
    if (this.chunkFill > 0) this.closeChunk();
    const meta = Buffer.allocUnsafe(HEADER_BYTES + 4 * this.crcs.length);
    meta.writeUInt32BE(MAGIC, 0);
    meta.writeUInt32BE(VERSION, 4);
    meta.writeUInt32BE(this.bytesPerChecksum, 8);
    this.crcs.forEach((crc, i) => meta.writeUInt32BE(crc, HEADER_BYTES + 4 * i));
    return meta;
  }

  private closeChunk(): void {
    this.crcs.push(this.chunkCrc >>> 0);
    this.chunkCrc = 0;
    this.chunkFill = 0;
  }
}

export class BlockChecksums {
  private constructor(
    readonly bytesPerChecksum: number,
    private readonly meta: Buffer,
  ) {}

  static parse(meta: Buffer): BlockChecksums {
    if (meta.length < HEADER_BYTES || meta.readUInt32BE(0) !== MAGIC || meta.readUInt32BE(4) !== VERSION) {
      throw new Error('not a checksum file');
    }
    const bytesPerChecksum = meta.readUInt32BE(8);
    if (bytesPerChecksum === 0 || (meta.length - HEADER_BYTES) % 4 !== 0) throw new Error('malformed checksum file');
    return new BlockChecksums(bytesPerChecksum, meta);
  }

  get chunkCount(): number {
    return (this.meta.length - HEADER_BYTES) / 4;
  }

  /** Whether `bytes`, starting at chunk `firstChunk`, match their stored CRCs. */
  verify(firstChunk: number, bytes: Uint8Array): boolean {
    for (let offset = 0, chunk = firstChunk; offset < bytes.length; offset += this.bytesPerChecksum, chunk++) {
      if (chunk >= this.chunkCount) return false;
      const expected = this.meta.readUInt32BE(HEADER_BYTES + 4 * chunk);
      if (crc32(bytes.subarray(offset, offset + this.bytesPerChecksum)) >>> 0 !== expected) return false;
    }
    return true;
  }
}
