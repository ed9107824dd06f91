/**
 * Snappy decompression (the format of Parquet's SNAPPY pages) with block copies: a literal run
 * is one `set` of its bytes and a back reference that does not overlap its own output one
 * `copyWithin`, where hyparquet's decoder copies byte by byte. DuckDB's pages of bit-packed
 * dictionary indices are mostly long literals (packed bits barely compress), so this decoded
 * them at several times the speed. A run of at most 8 bytes (most of a dictionary page of
 * doubles: copies of 5-8 bytes between literals of 1-2) moves as two 4-byte words, bytes past
 * its end included: the runs after it overwrite those.
 */

/** Runs this short are copied byte by byte: a call to set/copyWithin costs more. */
const SHORT_COPY = 16;

/** Decompresses `input` into `output`, which must have exactly the uncompressed length. */
export function snappyUncompress(input: Uint8Array, output: Uint8Array): void {
  const end = input.length;
  const outEnd = output.length;
  const inWords = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const outWords = new DataView(output.buffer, output.byteOffset, output.byteLength);
  let pos = 0;
  // The preamble: the uncompressed length as a varint.
  while (pos < end && input[pos++] & 0x80);
  let out = 0;
  while (pos < end) {
    const tag = input[pos++];
    const type = tag & 3;
    if (type === 0) {
      let length = (tag >>> 2) + 1;
      if (length > 60) {
        const bytes = length - 60;
        if (pos + bytes > end) throw new Error('Snappy: literal length past the end of the input');
        // Small integer arithmetic only: a double here would make every length and position a double.
        length = 0;
        for (let i = 0; i < bytes; i++) length |= input[pos + i] << (8 * i);
        length += 1;
        pos += bytes;
      }
      if (length <= 0 || pos + length > end) throw new Error('Snappy: literal past the end of the input');
      if (length <= 8 && pos + 8 <= end && out + 8 <= outEnd) {
        outWords.setUint32(out, inWords.getUint32(pos, true), true);
        outWords.setUint32(out + 4, inWords.getUint32(pos + 4, true), true);
      } else if (length <= SHORT_COPY) for (let i = 0; i < length; i++) output[out + i] = input[pos + i];
      else output.set(input.subarray(pos, pos + length), out);
      pos += length;
      out += length;
      continue;
    }
    let length: number;
    let offset: number;
    if (type === 1) {
      length = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[pos++];
    } else if (type === 2) {
      length = (tag >>> 2) + 1;
      offset = input[pos] | (input[pos + 1] << 8);
      pos += 2;
    } else {
      length = (tag >>> 2) + 1;
      offset = input[pos] | (input[pos + 1] << 8) | (input[pos + 2] << 16) | (input[pos + 3] << 24);
      pos += 4;
    }
    if (pos > end) throw new Error('Snappy: copy past the end of the input');
    if (offset <= 0 || offset > out) throw new Error(`Snappy: invalid copy (offset ${offset} at ${out})`);
    const from = out - offset;
    // At least 8 bytes back: the 8 read are all written already.
    if (length <= 8 && offset >= 8 && out + 8 <= outEnd) {
      outWords.setUint32(out, outWords.getUint32(from, true), true);
      outWords.setUint32(out + 4, outWords.getUint32(from + 4, true), true);
    } else if (length > SHORT_COPY && offset >= length) output.copyWithin(out, from, from + length);
    else for (let i = 0; i < length; i++) output[out + i] = output[from + i];
    out += length;
  }
  // Writes past the output's end were dropped (a typed array ignores them); they show here.
  if (out !== output.length) throw new Error(`Snappy: ${out} bytes decompressed, the page header says ${output.length}`);
}

/** hyparquet's custom decompressor form: the page, decompressed into a new buffer. */
export function snappyDecompress(input: Uint8Array, size: number): Uint8Array {
  const output = new Uint8Array(size);
  snappyUncompress(input, output);
  return output;
}

/**
 * A compressed input with every kind of tag snappyUncompress takes: literals of up to 8, up to 16
 * and more bytes and one whose length takes an extra byte, copies with 1-, 2- and 4-byte offsets,
 * short and long, overlapping their output and not, and a short literal at the very end.
 */
function primingInput(): { input: Uint8Array; length: number } {
  const tags: number[] = [];
  let length = 0;
  const literal = (n: number) => {
    if (n <= 60) tags.push((n - 1) << 2);
    else tags.push(60 << 2, n - 1);
    for (let i = 0; i < n; i++) tags.push(i & 0xff);
    length += n;
  };
  const copy = (n: number, offset: number, offsetBytes: 1 | 2 | 4) => {
    if (offsetBytes === 1) tags.push(((n - 4) << 2) | ((offset >> 8) << 5) | 1, offset & 0xff);
    else tags.push(((n - 1) << 2) | (offsetBytes === 2 ? 2 : 3), offset & 0xff, offset >> 8, ...(offsetBytes === 4 ? [0, 0] : []));
    length += n;
  };
  literal(20);
  literal(5);
  literal(12);
  literal(70);
  copy(6, 10, 1);
  copy(11, 3, 1);
  copy(30, 40, 2);
  copy(8, 20, 4);
  copy(20, 5, 2);
  literal(3);
  // The preamble: the length as a varint (two bytes here).
  return { input: Uint8Array.from([(length & 0x7f) | 0x80, length >> 7, ...tags]), length };
}

/**
 * Runs snappyUncompress once per thread, at load, over primingInput: V8 then has type feedback for
 * every branch when it optimizes the function in a row group's first page, and does not
 * deoptimize it there at each kind of tag it had not met yet (four times on a column of doubles).
 */
function primeSnappy(): void {
  const { input, length } = primingInput();
  const output = new Uint8Array(length);
  for (let i = 0; i < 8; i++) snappyUncompress(input, output);
}
primeSnappy();
