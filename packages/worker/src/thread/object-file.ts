/**
 * Flint's object files (rdd.saveAsPickleFile / fc.pickleFile): records encoded with Flint's codec
 * (msgpack, not Python pickle), in batches. As in Hadoop's SequenceFile, a random 16-byte sync
 * marker, written in the header, precedes every batch, so a reader that starts anywhere in the
 * file finds the next batch; a batch belongs to the split its marker starts in.
 *
 *   header:  "FLINTOBJ" | version (1 byte) | sync marker (16 bytes)
 *   batch:   sync marker | byte length (u32 LE) | msgpack array of up to batchSize records
 */
import { decode, eachRecord, encode } from '@flint/rdd';
import type { RangeReader } from '@flint/dfs/paths';

const MAGIC = Buffer.from('FLINTOBJ');
const VERSION = 1;
const SYNC_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + SYNC_BYTES;
const FRAME_BYTES = SYNC_BYTES + 4;
const SCAN_BYTES = 64 * 1024;
const READ_AHEAD_BYTES = 1024 * 1024;

export function encodeObjectFile(records: Iterable<unknown>, batchSize: number): Uint8Array {
  // node:crypto loaded here, not by every task thread's start.
  const sync = process.getBuiltinModule('node:crypto').randomBytes(SYNC_BYTES);
  const pieces: Uint8Array[] = [MAGIC, Uint8Array.of(VERSION), sync];
  let batch: unknown[] = [];
  const flush = (): void => {
    const bytes = encode(batch);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    pieces.push(sync, length, bytes);
    batch = [];
  };
  eachRecord(records, (record) => {
    if (batch.push(record) >= batchSize) flush();
  });
  if (batch.length > 0) flush();
  return Buffer.concat(pieces);
}

/** The records of the batches whose markers start in [start, start + length). */
export async function readObjectFileSplit(file: RangeReader, path: string, start: number, length: number): Promise<unknown[]> {
  if (file.size === 0) return [];
  const reader = readAhead(file);
  const header = asBuffer(await reader.read(0, HEADER_BYTES));
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error(`${path} is not a Flint object file (rdd.saveAsPickleFile writes them)`);
  }
  if (header[MAGIC.length] !== VERSION) throw new Error(`${path}: object file version ${header[MAGIC.length]} is not supported (expected ${VERSION})`);
  const sync = header.subarray(MAGIC.length + 1);
  const end = start + length;
  let position = start <= HEADER_BYTES ? HEADER_BYTES : await findSync(reader, sync, start, end);
  const records: unknown[] = [];
  while (position < end && position < reader.size) {
    const frame = asBuffer(await reader.read(position, FRAME_BYTES));
    if (frame.length < FRAME_BYTES || !frame.subarray(0, SYNC_BYTES).equals(sync)) throw new Error(`${path} is corrupt: no batch marker at byte ${position}`);
    const batchBytes = frame.readUInt32LE(SYNC_BYTES);
    const batch = await reader.read(position + FRAME_BYTES, batchBytes);
    if (batch.length < batchBytes) throw new Error(`${path} is truncated: the batch at byte ${position} needs ${batchBytes} bytes, ${batch.length} are left`);
    for (const record of decode<unknown[]>(batch)) records.push(record);
    position += FRAME_BYTES + batchBytes;
  }
  return records;
}

/** Where the first marker at or after `from` starts; Infinity when none starts before `end`. */
async function findSync(reader: RangeReader, sync: Buffer, from: number, end: number): Promise<number> {
  let position = from;
  while (position < end && position < reader.size) {
    // Overlapping reads, so that a marker straddling two reads is still found.
    const bytes = asBuffer(await reader.read(position, SCAN_BYTES + SYNC_BYTES - 1));
    const found = bytes.indexOf(sync);
    if (found >= 0) return position + found;
    if (bytes.length < SCAN_BYTES + SYNC_BYTES - 1) break;
    position += SCAN_BYTES;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Serves the reader's many small reads (a frame, then its batch) from 1 MiB reads: on DFS each
 * read is a request to a datanode.
 */
function readAhead(reader: RangeReader): RangeReader {
  let windowStart = 0;
  let window: Uint8Array = new Uint8Array(0);
  return {
    size: reader.size,
    async read(position, length) {
      if (position < windowStart || position + length > windowStart + window.length) {
        window = await reader.read(position, Math.max(length, READ_AHEAD_BYTES));
        windowStart = position;
      }
      const offset = position - windowStart;
      return window.subarray(offset, Math.min(offset + length, window.length));
    },
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
