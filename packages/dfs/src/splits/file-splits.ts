/** Cutting a file of known size into byte-range splits (Hadoop's FileInputFormat, without slop). */

export interface ByteRange {
  start: number;
  length: number;
}

/**
 * Consecutive ranges of `splitSize` bytes covering `size` bytes; the last may be shorter.
 * An empty file still gets one empty split, as in Hadoop, so it yields one (empty) partition.
 */
export function computeFileSplits(size: number, splitSize: number): ByteRange[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`invalid file size ${size}`);
  if (!Number.isSafeInteger(splitSize) || splitSize <= 0) throw new RangeError(`invalid split size ${splitSize}`);
  if (size === 0) return [{ start: 0, length: 0 }];
  const splits: ByteRange[] = [];
  for (let start = 0; start < size; start += splitSize) {
    splits.push({ start, length: Math.min(splitSize, size - start) });
  }
  return splits;
}
