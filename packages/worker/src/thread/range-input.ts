/**
 * Splits read as byte ranges of a local or DFS file, whose records are not lines: fixed-length
 * records (binaryRecords) and Flint's object files (pickleFile). A record belongs to the split
 * it starts in, and the last one is read past the split's end.
 */
import { localFileRangeReader, parseDfsUrl, type RangeReader } from '@flint/dfs/client';
import type { RangeSplitFormat, TextSplit } from '@flint/rdd';
import { dfsClientFor } from './dfs-input.js';
import { readObjectFileSplit } from './object-file.js';

export async function readRangeSplit(split: TextSplit, format: RangeSplitFormat): Promise<unknown[]> {
  const reader = await openRange(split.path);
  try {
    return format === 'objects' ? await readObjectFileSplit(reader, split.path, split.start, split.length) : await readFixedLength(reader, split);
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

async function openRange(path: string): Promise<RangeReader & { close?(): Promise<void> }> {
  if (path.startsWith('dfs://')) {
    const url = parseDfsUrl(path);
    return (await dfsClientFor(url)).open(url.path);
  }
  return localFileRangeReader(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `Input path does not exist: ${path}` : `Cannot read ${path}: ${error.message}`);
  });
}
