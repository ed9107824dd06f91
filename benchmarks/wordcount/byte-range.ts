import { closeSync, openSync, readSync } from 'node:fs';

/** A byte range `[start, end)` of a file, cut at line starts. */
export interface ByteRange {
  path: string;
  start: number;
  end: number;
}

const SCAN_BYTES = 64 * 1024;

/** The first position at or after `position` where a line starts (the file size if none does). */
export function lineStartAtOrAfter(path: string, position: number, fileSize: number): number {
  if (position === 0) return 0;
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(SCAN_BYTES);
    // A line starts right after a '\n', so look for one from the byte before `position`.
    for (let offset = position - 1; offset < fileSize; offset += SCAN_BYTES) {
      const read = readSync(fd, buffer, 0, SCAN_BYTES, offset);
      const newline = buffer.subarray(0, read).indexOf(0x0a);
      if (newline !== -1) return offset + newline + 1;
    }
    return fileSize;
  } finally {
    closeSync(fd);
  }
}

export function readRange({ path, start, end }: ByteRange): Buffer {
  const buffer = Buffer.allocUnsafe(end - start);
  const fd = openSync(path, 'r');
  try {
    for (let filled = 0; filled < buffer.length; ) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, start + filled);
      if (read === 0) throw new Error(`${path} ended at byte ${start + filled}, before ${end}`);
      filled += read;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}
