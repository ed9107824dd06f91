/**
 * Reads the lines of a text split in bulk: one read of the split's bytes (plus as much of the next
 * split as its last line needs), one UTF-8 decode, one string split. It follows the same Hadoop
 * line rule as @flint/dfs's readLineSplit — a split owns the lines that start in (start, end], the
 * split at 0 also the one at 0 — but without a per-line await, which matters for large inputs.
 */
import type { RangeReader } from '@flint/dfs/paths';

const LF = 0x0a;
const CR = 0x0d;
const EXTENSION_BYTES = 64 * 1024;

export async function readLinesInBulk(reader: RangeReader, start: number, length: number): Promise<string[]> {
  const end = start + length;
  if (start >= reader.size) return [];
  // One byte past the end, so that a CR LF pair straddling the end is seen whole.
  let bytes = await reader.read(start, Math.min(length + 1, reader.size - start));
  let firstLine = 0;
  if (start !== 0) {
    const terminator = indexOfTerminator(bytes, 0);
    if (terminator < 0) return [];
    firstLine = terminator + (bytes[terminator] === CR && bytes[terminator + 1] === LF ? 2 : 1);
  }
  if (start + firstLine > end) return [];
  // The last owned line ends at the first terminator at or after `end`; read on until one is found.
  let regionEnd = -1;
  let searchFrom = Math.max(end - start, firstLine);
  while (regionEnd < 0) {
    const terminator = indexOfTerminator(bytes, searchFrom);
    if (terminator >= 0) {
      regionEnd = terminator + (bytes[terminator] === CR && bytes[terminator + 1] === LF ? 2 : 1);
      if (bytes[terminator] === CR && terminator + 1 === bytes.length && start + bytes.length < reader.size) {
        bytes = concat(bytes, await reader.read(start + bytes.length, 1));
        regionEnd = terminator + (bytes[terminator + 1] === LF ? 2 : 1);
      }
    } else if (start + bytes.length >= reader.size) {
      regionEnd = bytes.length;
    } else {
      searchFrom = bytes.length;
      bytes = concat(bytes, await reader.read(start + bytes.length, EXTENSION_BYTES));
    }
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, regionEnd).toString('utf8', firstLine, regionEnd);
  if (text.length === 0) return [];
  // Splitting on a one-character string is much faster than on the regular expression.
  const lines = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
  if (lines[lines.length - 1] === '' && /[\r\n]$/.test(text)) lines.pop();
  return lines;
}

function indexOfTerminator(bytes: Uint8Array, from: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const lf = buffer.indexOf(LF, from);
  const cr = buffer.indexOf(CR, from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return Buffer.concat([a, b]);
}
