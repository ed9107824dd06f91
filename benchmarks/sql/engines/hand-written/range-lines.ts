/** Reads the lines of a byte range of a file chunk by chunk (latin1: the generated CSV is ASCII). */
import { closeSync, openSync, readSync } from 'node:fs';
import type { ByteRange } from '../../../wordcount/byte-range.js';

const CHUNK_BYTES = 16 * 1024 * 1024;

export function forEachLine({ path, start, end }: ByteRange, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    let carry = '';
    for (let offset = start; offset < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, end - offset), offset);
      if (read === 0) throw new Error(`${path} ended at byte ${offset}, before ${end}`);
      offset += read;
      const text = carry + buffer.toString('latin1', 0, read);
      let lineStart = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', lineStart)) {
        if (newline > lineStart) onLine(text.slice(lineStart, newline));
        lineStart = newline + 1;
      }
      carry = text.slice(lineStart);
    }
    if (carry.length > 0) onLine(carry);
  } finally {
    closeSync(fd);
  }
}
