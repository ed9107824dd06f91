/**
 * Splits read as byte ranges of a local or DFS file, whose records are not lines: fixed-length
 * records (binaryRecords) and Flint's object files (pickleFile). A record belongs to the split
 * it starts in, and the last one is read past the split's end.
 */
import { localFileRangeReader, parseDfsUrl, type RangeReader } from '@flint/dfs/paths';
import type { RangeSplitFormat, TextSplit } from '@flint/rdd';
import { dfsClientFor } from './dfs-input.js';
import { readObjectFileSplit } from './object-file.js';
import { readSequenceFileSplit } from './sequence-file/sequence-reader.js';
import { decompress } from './compression.js';

export async function readRangeSplit(split: TextSplit, format: RangeSplitFormat): Promise<unknown[]> {
  const reader = await openRange(split.path);
  try {
    switch (format) {
      case 'objects':
        return await readObjectFileSplit(reader, split.path, split.start, split.length);
      case 'fixedLength':
        return await readFixedLength(reader, split);
      case 'sequence':
        return await readSequenceFileSplit(reader, split.path, split.start, split.length);
      case 'offsetLines':
        return await readOffsetLines(reader, split);
      default:
        throw new Error(`unknown range split format ${String(format)}`);
    }
  } finally {
    await reader.close?.();
  }
}

/** The records starting in the split, each `recordLength` bytes (a view into one read). */
async function readFixedLength(reader: RangeReader, split: TextSplit): Promise<Uint8Array[]> {
  const recordLength = split.recordLength;
  if (!recordLength) throw new Error(`fixed-length split of ${split.path} has no record length`);
  const first = Math.ceil(split.start / recordLength) * recordLength;
  const last = Math.min(Math.ceil((split.start + split.length) / recordLength) * recordLength, reader.size);
  if (first >= last) return [];
  const bytes = await reader.read(first, last - first);
  if (bytes.length % recordLength !== 0) {
    throw new Error(`Byte array does not have correct length: ${split.path} ends with a partial record of ${bytes.length % recordLength} bytes (recordLength ${recordLength})`);
  }
  const records: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += recordLength) records.push(bytes.subarray(offset, offset + recordLength));
  return records;
}

/**
 * Hadoop's TextInputFormat: [byte offset, line] for each line that starts in the split (the
 * first line of a later split starts after a line terminator), the last one read past the split's
 * end. Lines end at LF, CR or CR LF, as Hadoop's LineReader ends them. A compressed file is one
 * split, read whole: its offsets are into the decompressed text.
 */
async function readOffsetLines(reader: RangeReader, split: TextSplit): Promise<[number, string][]> {
  if (split.compression) return offsetLinesIn(decompress(await reader.read(0, reader.size), split.compression, split.path), 0, 0, Number.POSITIVE_INFINITY);
  const from = Math.max(0, split.start - 1);
  let bytes = Buffer.from(await reader.read(from, split.start + split.length - from));
  // Past the split's end up to the terminator of the last line starting in it.
  const lastTerminator = () => Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
  for (let end = from + bytes.length; end < reader.size && lastTerminator() < split.start + split.length - from - 1; end = from + bytes.length) {
    bytes = Buffer.concat([bytes, Buffer.from(await reader.read(end, Math.min(TAIL_BYTES, reader.size - end)))]);
  }
  return offsetLinesIn(bytes, from, split.start, split.start + split.length);
}

/** The lines of `bytes` (file bytes from offset `from`) that start in [start, end). */
function offsetLinesIn(bytes: Buffer, from: number, start: number, end: number): [number, string][] {
  const terminators = new LineTerminators(bytes);
  // Reading from the byte before the split: a line starts in it right after any terminator.
  let at = start === 0 ? 0 : terminators.after(0)[1];
  if (start !== 0 && at >= bytes.length) return [];
  const lines: [number, string][] = [];
  while (at < bytes.length && from + at < end) {
    const [lineEnd, next] = terminators.after(at);
    lines.push([from + at, bytes.toString('utf8', at, lineEnd)]);
    at = next;
  }
  return lines;
}

/** Finds line terminators (LF, CR, CR LF) in order, remembering where the next CR and LF are so the scan stays linear. */
class LineTerminators {
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly bytes: Buffer) {}

  /** [end of the line starting at `at`, start of the line after it]. */
  after(at: number): [number, number] {
    if (this.nextLf !== -1 && this.nextLf < at) this.nextLf = this.bytes.indexOf(LF, at);
    if (this.nextCr !== -1 && this.nextCr < at) this.nextCr = this.bytes.indexOf(CR, at);
    const [lf, cr] = [this.nextLf < 0 ? Infinity : this.nextLf, this.nextCr < 0 ? Infinity : this.nextCr];
    if (lf === Infinity && cr === Infinity) return [this.bytes.length, this.bytes.length];
    if (lf < cr) return [lf, lf + 1];
    return [cr, this.bytes[cr + 1] === LF ? cr + 2 : cr + 1];
  }
}

const LF = 0x0a;
const CR = 0x0d;
const TAIL_BYTES = 64 * 1024;

async function openRange(path: string): Promise<RangeReader & { close?(): Promise<void> }> {
  if (path.startsWith('dfs://')) {
    const url = parseDfsUrl(path);
    return (await dfsClientFor(url)).open(url.path);
  }
  return localFileRangeReader(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `Input path does not exist: ${path}` : `Cannot read ${path}: ${error.message}`);
  });
}
