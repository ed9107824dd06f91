/**
 * The splits of inputs whose records are not lines, cut by size as textFile's are (local files
 * and dfs:// paths): binaryRecords' fixed-length records, with the cuts moved to record
 * boundaries, and pickleFile's object files, whose readers find their first batch by its marker.
 */
import type { TextSplit } from '@flint/rdd';
import { localTextSplits } from './text-input.js';
import { dfsTextSplits } from './dfs-text-input.js';

export interface SplitSizing {
  readonly namenode: string | undefined;
  readonly minPartitions: number;
  readonly taskSlots: number;
}

export function fixedLengthSplits(path: string, recordLength: number, sizing: SplitSizing): TextSplit[] {
  if (!Number.isSafeInteger(recordLength) || recordLength < 1) throw new RangeError(`binaryRecords: recordLength must be a positive integer, got ${recordLength}`);
  const splits = byteRangeSplits(path, sizing);
  for (const [file, size] of fileSizes(splits)) {
    if (size % recordLength !== 0) {
      throw new Error(`Byte array does not have correct length: ${file} is ${size} bytes, not a multiple of recordLength ${recordLength}`);
    }
  }
  return splits.map((split) => {
    const start = roundUp(split.start, recordLength);
    const end = roundUp(split.start + split.length, recordLength);
    return { ...split, start, length: Math.max(0, end - start), format: 'fixedLength', recordLength };
  });
}

export function objectFileSplits(path: string, sizing: SplitSizing): TextSplit[] {
  return byteRangeSplits(path, sizing).map((split) => ({ ...split, format: 'objects' }));
}

/** Byte ranges of every file under `path`, whatever its extension (no codec is applied). */
function byteRangeSplits(path: string, sizing: SplitSizing): TextSplit[] {
  return textSplits(path, sizing).map(({ format: _codec, ...split }) => split);
}

/** textFile's splits: byte ranges, and one whole split per compressed file. */
function textSplits(path: string, { namenode, minPartitions, taskSlots }: SplitSizing): TextSplit[] {
  return path.startsWith('dfs://') ? dfsTextSplits(path, namenode, minPartitions) : localTextSplits(path, minPartitions, taskSlots);
}

function fileSizes(splits: readonly TextSplit[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const split of splits) sizes.set(split.path, Math.max(sizes.get(split.path) ?? 0, split.start + split.length));
  return sizes;
}

function roundUp(offset: number, multiple: number): number {
  return Math.ceil(offset / multiple) * multiple;
}

const INPUT_FORMATS: Record<string, 'sequence' | 'offsetLines'> = {
  'org.apache.hadoop.mapred.TextInputFormat': 'offsetLines',
  'org.apache.hadoop.mapreduce.lib.input.TextInputFormat': 'offsetLines',
  'org.apache.hadoop.mapred.SequenceFileInputFormat': 'sequence',
  'org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat': 'sequence',
};

/**
 * Splits read through a Hadoop input format: SequenceFileInputFormat ([key, value] pairs, whose
 * readers find their first record by the file's sync marker) or TextInputFormat ([byte offset,
 * line] pairs).
 */
export function hadoopInputSplits(path: string, inputFormatClass: string, sizing: SplitSizing, operation: string): TextSplit[] {
  const format = INPUT_FORMATS[inputFormatClass];
  if (!format) throw new Error(`${operation}: input format ${inputFormatClass} is not supported: use one of ${Object.keys(INPUT_FORMATS).join(', ')}`);
  if (format === 'sequence') return byteRangeSplits(path, sizing).map((split) => ({ ...split, format }));
  // TextInputFormat reads a .gz or .deflate file whole, as textFile does: one split per file.
  return textSplits(path, sizing).map(({ format: codec, ...split }) => ({ ...split, format, ...((codec === 'gzip' || codec === 'deflate') && { compression: codec }) }));
}

/** The input directory a Hadoop job conf names (new-API name, or the old mapred one). */
export function inputPathFromConf(conf: Readonly<Record<string, string>> | undefined, operation: string): string {
  const path = conf?.['mapreduce.input.fileinputformat.inputdir'] ?? conf?.['mapred.input.dir'];
  if (path === undefined) throw new Error(`${operation}: the conf names no input directory (mapreduce.input.fileinputformat.inputdir)`);
  return path;
}
