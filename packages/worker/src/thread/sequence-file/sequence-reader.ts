/**
 * Reading one split of a SequenceFile (the format is described in sequence-file.ts) as Hadoop's
 * SequenceFileRecordReader does: the split owns the records from its first sync at or after its
 * start (the header, for the first split) up to the first sync at or after its end. Only the
 * header and the split's own bytes (plus the tail of its last record or block) are read, so a
 * file read with N splits is read about once, not N times.
 */
import type { RangeReader } from '@flint/dfs/paths';
import { readVLong, readWritable, isWritableClass, supportedWritables, type WritableClass } from './writables.js';
import { MAGIC, SEQUENCE_CODECS, SYNC_ESCAPE, SYNC_HASH_BYTES, VERSION, int32, type SequenceCodec } from './sequence-file.js';

/** Bytes past the split's end read at first: more than the writer's sync interval, so the records to the next sync usually fit. */
const FIRST_TAIL_BYTES = 128 * 1024;
const FIRST_HEADER_BYTES = 16 * 1024;

interface Header {
  readonly keyClass: WritableClass;
  readonly valueClass: WritableClass;
  readonly block: boolean;
  readonly codec?: (typeof SEQUENCE_CODECS)[SequenceCodec];
  readonly sync: Buffer;
  readonly end: number;
}

/** The [key, value] pairs of the split [start, start + length) of the SequenceFile behind `reader`. */
export async function readSequenceFileSplit(reader: RangeReader, path: string, start: number, length: number): Promise<[unknown, unknown][]> {
  const header = await parseWhole(await Window.read(reader, 0, FIRST_HEADER_BYTES, path), parseHeader);
  const from = start === 0 ? header.end : start;
  return parseWhole(await Window.read(reader, from, start + length + FIRST_TAIL_BYTES - from, path), (window) => readRecords(window, header, start === 0, start + length));
}

/** `parse(window)`, with the window grown (doubling what it adds) until the parse needs no more bytes. */
async function parseWhole<T>(window: Window, parse: (window: Window) => T): Promise<T> {
  for (let more = FIRST_TAIL_BYTES; ; more *= 2) {
    try {
      return parse(window);
    } catch (error) {
      if (error !== WINDOW_EXHAUSTED) throw error;
    }
    window = await window.grown(more);
  }
}

function readRecords(window: Window, header: Header, atHeader: boolean, end: number): [unknown, unknown][] {
  const { sync, keyClass, valueClass } = header;
  const marker = Buffer.concat([int32(SYNC_ESCAPE), sync]);
  let position = atHeader ? window.from : window.indexOf(marker, end);
  const pairs: [unknown, unknown][] = [];
  while (position >= 0 && position < window.fileEnd) {
    const recordLength = window.int32(position);
    if (recordLength === SYNC_ESCAPE) {
      if (position >= end) break;
      if (!window.slice(position + 4, SYNC_HASH_BYTES).equals(sync)) throw new Error(`${window.path} is corrupt: a sync escape at byte ${position} is not followed by the file's sync hash`);
      position += marker.length;
      if (header.block) position = readBlock(window, position, header, pairs);
      continue;
    }
    if (header.block) throw new Error(`${window.path} is corrupt: no sync before the block at byte ${position}`);
    const keyLength = window.int32(position + 4);
    const record = window.slice(position + 8, recordLength);
    const valueBytes = record.subarray(keyLength);
    pairs.push([readWritable(keyClass, record.subarray(0, keyLength)), readWritable(valueClass, header.codec ? header.codec.decompress(valueBytes) : valueBytes)]);
    position += 8 + recordLength;
  }
  return pairs;
}

/** Reads the block after a sync into `pairs`; the position after it. */
function readBlock(window: Window, position: number, header: Header, pairs: [unknown, unknown][]): number {
  const [count, afterCount] = window.vlong(position);
  position = afterCount;
  const parts: Buffer[] = [];
  for (let i = 0; i < 4; i++) {
    const [size, start] = window.vlong(position);
    parts.push(header.codec!.decompress(window.slice(start, size)));
    position = start + size;
  }
  const [keyLengths, keys, valueLengths, values] = parts;
  let [keyLengthAt, keyAt, valueLengthAt, valueAt] = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    const [keyLength, nextKeyLength] = readVLong(keyLengths, keyLengthAt);
    const [valueLength, nextValueLength] = readVLong(valueLengths, valueLengthAt);
    pairs.push([readWritable(header.keyClass, keys.subarray(keyAt, keyAt + keyLength)), readWritable(header.valueClass, values.subarray(valueAt, valueAt + valueLength))]);
    [keyLengthAt, keyAt, valueLengthAt, valueAt] = [nextKeyLength, keyAt + keyLength, nextValueLength, valueAt + valueLength];
  }
  return position;
}

function parseHeader(window: Window): Header {
  const path = window.path;
  if (window.fileEnd < 4 || !window.slice(0, 3).equals(MAGIC)) throw new Error(`${path} is not a SequenceFile (it does not start with "SEQ")`);
  const version = window.slice(3, 1)[0];
  if (version !== VERSION) throw new Error(`${path}: SequenceFile version ${version} is not supported (Flint reads version ${VERSION}, what Hadoop 0.20 and later write)`);
  let position = 4;
  const readText = (): string => {
    const [length, start] = window.vlong(position);
    position = start + length;
    return window.slice(start, length).toString('utf8');
  };
  const [keyClass, valueClass] = [readText(), readText()];
  for (const name of [keyClass, valueClass]) {
    if (!isWritableClass(name)) throw new Error(`${path}: Flint reads SequenceFiles of ${supportedWritables()}; this one holds ${name}`);
  }
  const [compressed, block] = [...window.slice(position, 2)].map((flag) => flag !== 0);
  position += 2;
  let codec: Header['codec'];
  if (compressed) {
    const name = readText();
    if (!Object.hasOwn(SEQUENCE_CODECS, name)) throw new Error(`${path}: compression codec ${name} is not supported: use one of ${Object.keys(SEQUENCE_CODECS).join(', ')}`);
    codec = SEQUENCE_CODECS[name as SequenceCodec];
  }
  const entries = window.int32(position);
  position += 4;
  for (let i = 0; i < 2 * entries; i++) readText();
  const sync = Buffer.from(window.slice(position, SYNC_HASH_BYTES));
  return { keyClass: keyClass as WritableClass, valueClass: valueClass as WritableClass, block, codec, sync, end: position + SYNC_HASH_BYTES };
}

/** Thrown when a read reaches past the bytes read so far but not past the file: read more and parse again. */
const WINDOW_EXHAUSTED = new Error('sequence file window exhausted');

/** Bytes [from, from + bytes.length) of a file, addressed by file position. */
class Window {
  private constructor(
    private readonly reader: RangeReader,
    private readonly bytes: Buffer,
    readonly from: number,
    readonly path: string,
  ) {}

  static async read(reader: RangeReader, from: number, length: number, path: string): Promise<Window> {
    const to = Math.min(reader.size, from + Math.max(0, length));
    return new Window(reader, Buffer.from(await reader.read(from, Math.max(0, to - from))), from, path);
  }

  /** This window with up to `more` bytes read after it. */
  async grown(more: number): Promise<Window> {
    const end = this.from + this.bytes.length;
    const tail = await this.reader.read(end, Math.min(more, this.reader.size - end));
    return new Window(this.reader, Buffer.concat([this.bytes, tail]), this.from, this.path);
  }

  /** Whether the bytes reach the end of the file. */
  private get atEof(): boolean {
    return this.from + this.bytes.length >= this.reader.size;
  }

  /** The end of what can be read: the file's, or past the window (more is there). */
  get fileEnd(): number {
    return this.atEof ? this.from + this.bytes.length : Number.POSITIVE_INFINITY;
  }

  slice(position: number, length: number): Buffer {
    if (length < 0) throw new Error(`${this.path} is corrupt: a negative length at byte ${position}`);
    if (position + length > this.from + this.bytes.length) {
      if (this.atEof) throw new Error(`${this.path} is corrupt or truncated: a record at byte ${position} runs past the end of the file`);
      throw WINDOW_EXHAUSTED;
    }
    return this.bytes.subarray(position - this.from, position - this.from + length);
  }

  int32(position: number): number {
    return this.slice(position, 4).readInt32BE(0);
  }

  /** Hadoop's WritableUtils.readVLong at `position`: [value, position after it]. */
  vlong(position: number): [number, number] {
    const first = this.slice(position, 1).readInt8(0);
    const size = first >= -112 ? 0 : first < -120 ? -(first + 120) : -(first + 112);
    const [value] = readVLong(this.slice(position, 1 + size), 0);
    return [value, position + 1 + size];
  }

  /** The position of the first `marker` in the window, or -1 when none starts before `before`. */
  indexOf(marker: Buffer, before: number): number {
    const at = this.bytes.indexOf(marker);
    if (at >= 0) return this.from + at;
    if (this.atEof || this.from + this.bytes.length >= before + marker.length) return -1;
    throw WINDOW_EXHAUSTED;
  }
}
