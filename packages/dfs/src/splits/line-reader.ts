/**
 * Record-aware text splits with Hadoop's line rule (LineRecordReader).
 *
 * A file is cut into byte ranges ("splits") without looking at its contents. Lines are then
 * assigned so that every line is read exactly once:
 *   - a line belongs to the split whose range (start, end] holds its first byte; the split at
 *     offset 0 also owns the line starting at 0;
 *   - so every split except the one at offset 0 skips its first, possibly partial, line (the
 *     previous split owns it), and every split reads past its end to finish its last line.
 * `\n`, `\r\n` and `\r` end a line, as in Hadoop's LineReader. A final line without a
 * terminator counts; a terminating newline does not produce an empty trailing line.
 *
 * I/O is abstracted behind RangeReader so the same code reads local files and DFS files.
 */
export interface RangeReader {
  readonly size: number;
  /** Reads up to `length` bytes at `position`; returns fewer only at the end of the file. */
  read(position: number, length: number): Promise<Uint8Array>;
}

const LF = 0x0a;
const CR = 0x0d;
const DEFAULT_READ_AHEAD_BYTES = 64 * 1024;

export interface LineSplitOptions {
  /** How many bytes each read asks for (default 64 KiB). */
  readAheadBytes?: number;
}

export async function localFileRangeReader(path: string): Promise<RangeReader & { close(): Promise<void> }> {
  // node:fs/promises at first use: a task thread loads this module whether or not it reads text.
  const handle = await process.getBuiltinModule('node:fs/promises').open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      const bytes = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - position)));
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}

/** Buffered forward-only byte cursor over a RangeReader. */
class ByteCursor {
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;

  constructor(
    private readonly reader: RangeReader,
    public position: number,
    private readonly readAheadBytes: number,
  ) {}

  /** The byte at the cursor, or -1 at end of file. Does not advance. */
  async peek(): Promise<number> {
    const offset = this.position - this.bufferStart;
    if (offset >= 0 && offset < this.buffer.length) return this.buffer[offset];
    if (this.position >= this.reader.size) return -1;
    this.buffer = await this.reader.read(this.position, this.readAheadBytes);
    this.bufferStart = this.position;
    if (this.buffer.length === 0) throw new Error(`unexpected end of input at byte ${this.position} of ${this.reader.size}`);
    return this.buffer[0];
  }

  /**
   * Consumes one line including its terminator and returns the line's bytes without it.
   * The bytes are gathered in pieces so a multi-byte UTF-8 character split across two reads is
   * only decoded once the whole line is known.
   */
  async readLine(): Promise<Uint8Array> {
    const pieces: Uint8Array[] = [];
    for (;;) {
      if ((await this.peek()) === -1) return concat(pieces);
      const offset = this.position - this.bufferStart;
      let end = offset;
      while (end < this.buffer.length && this.buffer[end] !== LF && this.buffer[end] !== CR) end++;
      pieces.push(this.buffer.subarray(offset, end));
      this.position += end - offset;
      if (end === this.buffer.length) continue;
      const terminator = this.buffer[end];
      this.position += 1;
      if (terminator === CR && (await this.peek()) === LF) this.position += 1;
      return concat(pieces);
    }
  }
}

function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  return Buffer.concat(pieces);
}

/** Yields the lines owned by the split [start, start + length) of the reader's file. */
export async function* iterateLineSplit(
  reader: RangeReader,
  start: number,
  length: number,
  options: LineSplitOptions = {},
): AsyncGenerator<string> {
  if (start < 0 || length < 0) throw new RangeError(`invalid split start=${start} length=${length}`);
  const decoder = new TextDecoder('utf-8');
  const end = start + length;
  const cursor = new ByteCursor(reader, start, options.readAheadBytes ?? DEFAULT_READ_AHEAD_BYTES);
  if (start !== 0) await cursor.readLine();
  while (cursor.position <= end && cursor.position < reader.size) {
    yield decoder.decode(await cursor.readLine());
  }
}

export async function readLineSplit(
  reader: RangeReader,
  start: number,
  length: number,
  options: LineSplitOptions = {},
): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of iterateLineSplit(reader, start, length, options)) lines.push(line);
  return lines;
}
