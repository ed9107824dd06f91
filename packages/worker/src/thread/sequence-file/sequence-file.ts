/**
 * Hadoop's SequenceFile (org.apache.hadoop.io.SequenceFile, version 6), written and read byte for
 * byte as Hadoop does, so that Hadoop and Spark read Flint's files and Flint reads theirs:
 *
 *   header: "SEQ" 6 | key class | value class (Text.writeString: vint length, UTF-8) |
 *           compressed? | block-compressed? (1 byte each) | [codec class] | metadata count (int32,
 *           0 here) | sync hash (16 random bytes)
 *   NONE/RECORD: record = total length (int32) | key length (int32) | key | value (RECORD: the
 *           value compressed by the codec); a sync (int32 -1, then the hash) every 100 KiB
 *   BLOCK:  sync | record count (vint) | then key lengths, keys, value lengths, values: each a
 *           vint size and that many bytes compressed by the codec (lengths are vints); a block
 *           is cut after 1,000,000 bytes of keys and values
 *
 * sequence-reader.ts reads a split of such a file.
 */
import { eachRecord } from '@flint/rdd';
import { deflate, gunzip, gzip, inflate } from '../compression.js';
import { isWritableClass, supportedWritables, writableClassFor, writeVLong, writeWritable, type WritableClass } from './writables.js';

export type SequenceCompression = 'NONE' | 'RECORD' | 'BLOCK';

export const SEQUENCE_CODECS = {
  'org.apache.hadoop.io.compress.DefaultCodec': { compress: deflate, decompress: inflate },
  'org.apache.hadoop.io.compress.GzipCodec': { compress: gzip, decompress: gunzip },
} as const;
export type SequenceCodec = keyof typeof SEQUENCE_CODECS;

export interface SequenceFileOptions {
  readonly keyClass?: string;
  readonly valueClass?: string;
  readonly compression: SequenceCompression;
  readonly codec?: SequenceCodec;
}

export const MAGIC = Buffer.from('SEQ');
export const VERSION = 6;
export const SYNC_ESCAPE = -1;
export const SYNC_HASH_BYTES = 16;
const SYNC_INTERVAL = 5 * 1024 * (4 + SYNC_HASH_BYTES);
const BLOCK_BYTES = 1_000_000;

/** A partition of [key, value] pairs as one SequenceFile. */
export function encodeSequenceFile(records: Iterable<unknown>, options: SequenceFileOptions): Uint8Array {
  const pairs: [unknown, unknown][] = [];
  eachRecord(records, (record) => {
    if (!Array.isArray(record) || record.length !== 2) throw new TypeError(`a SequenceFile stores [key, value] pairs, got ${Array.isArray(record) ? `an array of ${record.length}` : typeof record}`);
    pairs.push(record as [unknown, unknown]);
  });
  const keyClass = chosenClass(options.keyClass, pairs, 0);
  const valueClass = chosenClass(options.valueClass, pairs, 1);
  const codec = options.compression === 'NONE' ? undefined : SEQUENCE_CODECS[options.codec ?? 'org.apache.hadoop.io.compress.DefaultCodec'];
  // node:crypto loaded here, not by every task thread's start.
  const sync = process.getBuiltinModule('node:crypto').randomBytes(SYNC_HASH_BYTES);
  const out = new Output();
  out.push(MAGIC, Uint8Array.of(VERSION), text(keyClass), text(valueClass), Uint8Array.of(codec ? 1 : 0, options.compression === 'BLOCK' ? 1 : 0));
  if (codec) out.push(text(options.codec ?? 'org.apache.hadoop.io.compress.DefaultCodec'));
  out.push(int32(0), sync);
  const writeSync = (): void => {
    if (out.lastSync === out.length) return;
    out.push(int32(SYNC_ESCAPE), sync);
    out.lastSync = out.length;
  };
  if (options.compression === 'BLOCK') {
    for (let first = 0; first < pairs.length; ) {
      const block: Uint8Array[][] = [[], [], [], []];
      let bytes = 0;
      let last = first;
      for (; last < pairs.length && bytes < BLOCK_BYTES; last++) {
        const key = writeWritable(keyClass, pairs[last][0]);
        const value = writeWritable(valueClass, pairs[last][1]);
        block[0].push(writeVLong(key.length));
        block[1].push(key);
        block[2].push(writeVLong(value.length));
        block[3].push(value);
        bytes += key.length + value.length;
      }
      writeSync();
      out.push(writeVLong(last - first));
      for (const part of block) {
        const compressed = codec!.compress(Buffer.concat(part));
        out.push(writeVLong(compressed.length), compressed);
      }
      first = last;
    }
  } else {
    for (const [key, value] of pairs) {
      const keyBytes = writeWritable(keyClass, key);
      const valueBytes = codec ? codec.compress(writeWritable(valueClass, value)) : writeWritable(valueClass, value);
      if (out.length >= out.lastSync + SYNC_INTERVAL) writeSync();
      out.push(int32(keyBytes.length + valueBytes.length), int32(keyBytes.length), keyBytes, valueBytes);
    }
  }
  return out.bytes();
}

function chosenClass(given: string | undefined, pairs: readonly [unknown, unknown][], column: 0 | 1): WritableClass {
  const name = column === 0 ? 'key' : 'value';
  if (given === undefined) return writableClassFor(pairs.map((pair) => pair[column]), name);
  if (!isWritableClass(given)) throw new Error(`${name} class ${given} is not supported: Flint writes ${supportedWritables()}`);
  return given;
}

function text(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([writeVLong(bytes.length), bytes]);
}

export function int32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(value);
  return out;
}

/** Pieces of the file, and its length so far. */
class Output {
  private readonly pieces: Uint8Array[] = [];
  length = 0;
  lastSync = 0;

  push(...pieces: Uint8Array[]): void {
    for (const piece of pieces) {
      this.pieces.push(piece);
      this.length += piece.length;
    }
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.pieces);
  }
}
