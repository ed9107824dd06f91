/**
 * Reading a byte range of a local text file (file-partitions.ts cuts files into them) with
 * Hadoop's line rule: a line belongs to the range it starts in, so a range after the first skips
 * its partial first line and every range reads its last line to the end.
 */
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface ByteSplit {
  path: string;
  start: number;
  length: number;
  /** Values of the partition columns (from `col=value` directories), appended to each row. */
  partitionValues?: unknown[];
}

/**
 * Bytes as text: UTF-8, through the ASCII decoder when every byte is ASCII (the same text):
 * Node's UTF-8 decoding ran at about 50 MB/s on CSV text, the ASCII one over ten times faster.
 */
function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('ascii') : bytes.toString('utf8');
}

function readBytes(fd: number, start: number, length: number): Buffer {
  return readInto(fd, Buffer.allocUnsafe(length), start, length);
}

/** The offset just past the newline that ends the line running through `offset` (or the file's end). */
function lineEndAfter(fd: number, offset: number, size: number): number {
  if (offset >= size) return size;
  const last = readBytes(fd, offset - 1, 1);
  if (last[0] === 0x0a) return offset;
  for (let pos = offset; pos < size; pos += 64 * 1024) {
    const chunk = readBytes(fd, pos, Math.min(64 * 1024, size - pos));
    const newline = chunk.indexOf(0x0a);
    if (newline >= 0) return pos + newline + 1;
  }
  return size;
}

/**
 * The text of the lines that start in the split (the last one read to its end), and the byte
 * offset in the file where that text starts.
 */
export function splitText(split: ByteSplit): { text: string; offset: number } {
  const fd = openSync(split.path, 'r');
  try {
    const size = statSync(split.path).size;
    // Start one byte early: if that byte is a newline, the split's first line is whole.
    const from = split.start === 0 ? 0 : split.start - 1;
    const end = lineEndAfter(fd, split.start + split.length, size);
    const bytes = readBytes(fd, from, end - from);
    if (split.start === 0) return { text: decodeText(bytes), offset: 0 };
    const firstNewline = bytes.indexOf(0x0a);
    if (firstNewline < 0) return { text: '', offset: end };
    return { text: decodeText(bytes.subarray(firstNewline + 1)), offset: from + firstNewline + 1 };
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a split's lines in pieces of about this many bytes (whole lines each): under V8's
 * largest regular object (128 KiB), so each piece's string is a young object that dies young
 * rather than a fresh large-object page (4 MiB pieces: 13 % more CPU, 67 MiB more peak).
 */
export const TEXT_PIECE_BYTES = 120 * 1024;

/**
 * The split's text (as splitText cuts it) piece by piece, each piece whole lines of about
 * `pieceBytes` with its byte offset in the file, read through one reused buffer. A task reading
 * a 128 MB split this way never holds the split's bytes and its decoded text at once: page
 * faults on those fresh buffers and the decoding of one huge string cost more than parsing it.
 */
export function* splitTextPieces(split: ByteSplit, pieceBytes = TEXT_PIECE_BYTES): Generator<{ text: string; offset: number }> {
  const fd = openSync(split.path, 'r');
  try {
    const size = statSync(split.path).size;
    const end = lineEndAfter(fd, split.start + split.length, size);
    // A split after the first skips its partial first line.
    let pos = split.start === 0 ? 0 : Math.min(lineEndAfter(fd, split.start, size), end);
    let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(pieceBytes, end - pos)));
    while (pos < end) {
      const bytes = readInto(fd, buffer, pos, Math.min(buffer.length, end - pos));
      if (bytes.length === 0) return;
      const last = pos + bytes.length >= end ? bytes.length - 1 : bytes.lastIndexOf(0x0a);
      if (last < 0) {
        // A line longer than the buffer: read again with room for it.
        buffer = Buffer.allocUnsafe(buffer.length * 2);
        continue;
      }
      yield { text: decodeText(bytes.subarray(0, last + 1)), offset: pos };
      pos += last + 1;
    }
  } finally {
    closeSync(fd);
  }
}

function readInto(fd: number, buffer: Buffer, start: number, length: number): Buffer {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/** The 1-based line number at byte `offset` (for error messages only: it reads the file's prefix). */
export function lineNumberAt(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  try {
    let line = 1;
    const chunk = 1 << 20;
    for (let pos = 0; pos < offset; pos += chunk) {
      const bytes = readBytes(fd, pos, Math.min(chunk, offset - pos));
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/**
 * A sample of the split for a sort's range bounds (range-sort.ts): the text of the whole lines in
 * `count` chunks of `chunkBytes` spread evenly over it, each chunk's first partial line dropped
 * (and its last one cut off), with whether a chunk starts the file (its header line). The whole
 * split when it is not much bigger than the chunks together.
 */
export function sampleChunks(split: ByteSplit, count: number, chunkBytes: number): { text: string; fileStart: boolean }[] {
  if (split.length <= 2 * count * chunkBytes) return [{ text: splitText(split).text, fileStart: split.start === 0 }];
  const fd = openSync(split.path, 'r');
  try {
    const stride = Math.floor(split.length / count);
    return Array.from({ length: count }, (_, i) => {
      const start = split.start + i * stride;
      const bytes = readBytes(fd, start === 0 ? 0 : start - 1, chunkBytes);
      const first = start === 0 ? 0 : bytes.indexOf(0x0a) + 1;
      const last = bytes.lastIndexOf(0x0a);
      return { text: first > 0 || start === 0 ? decodeText(bytes.subarray(first, Math.max(first, last))) : '', fileStart: start === 0 };
    });
  } finally {
    closeSync(fd);
  }
}
