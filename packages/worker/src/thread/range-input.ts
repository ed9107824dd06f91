/**
 * Splits read as byte ranges of a local or DFS file, whose records are not lines: fixed-length
 * records (binaryRecords) and Flint's object files (pickleFile). A record belongs to the split
 * it starts in, and the last one is read past the split's end.
 */
import { localFileRangeReader, parseDfsUrl, type RangeReader } from '@flint/dfs/client';
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
 * first line of a later split starts after a newline), the last one read past the split's end.
 * A compressed file is one split, read whole: its offsets are into the decompressed text.
 */
async function readOffsetLines(reader: RangeReader, split: TextSplit): Promise<[number, string][]> {
  if (split.compression) return offsetLinesIn(decompress(await reader.read(0, reader.size), split.compression, split.path), 0, 0, Number.POSITIVE_INFINITY);
  const from = Math.max(0, split.start - 1);
  let bytes = Buffer.from(await reader.read(from, split.start + split.length - from));
  // Past the split's end up to the newline that ends the last line starting in it.
  for (let end = from + bytes.length; end < reader.size && bytes.lastIndexOf(NEWLINE) < split.start + split.length - from - 1; end = from + bytes.length) {
    bytes = Buffer.concat([bytes, Buffer.from(await reader.read(end, Math.min(TAIL_BYTES, reader.size - end)))]);
  }
  return offsetLinesIn(bytes, from, split.start, split.start + split.length);
}

/** The lines of `bytes` (file bytes from offset `from`) that start in [start, end). */
function offsetLinesIn(bytes: Buffer, from: number, start: number, end: number): [number, string][] {
  // Reading from the byte before the split: a line starts in it right after any newline.
  let at = start === 0 ? 0 : bytes.indexOf(NEWLINE) + 1;
  if (start !== 0 && at === 0) return [];
  const lines: [number, string][] = [];
  while (at < bytes.length && from + at < end) {
    const newline = bytes.indexOf(NEWLINE, at);
    const lineEnd = newline < 0 ? bytes.length : newline;
    lines.push([from + at, bytes.toString('utf8', at, lineEnd > at && bytes[lineEnd - 1] === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd)]);
    at = lineEnd + 1;
  }
  return lines;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
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
