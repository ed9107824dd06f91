/**
 * Parquet's RLE / bit-packed hybrid encoding (dictionary indices, definition levels), decoded
 * from the bytes directly into a typed array: runs of one value are filled, bit-packed groups
 * of eight values unpacked by code made for their width. Dictionary indices may be looked up as
 * they are unpacked, so that a page's values land in the column in one pass, without an array
 * of indices written and read again. Widths over 24 bits, which the accumulator cannot hold, are
 * unpacked value by value.
 */

/** A dictionary of numbers, looked up by the decoded values (an Int32Array into an Int32Array, a Float64Array into a Float64Array). */
export type NumberDictionary = Int32Array | Float64Array;

/**
 * Decodes `count` values of the hybrid-encoded run that starts at `bytes[start]` and ends before
 * `end`, each `width` bits wide, into out[at..at + count): the values themselves, or with
 * `dictionary` the entries they index. Returns how many values the bytes held, up to `count`
 * (fewer when their runs end early; a bit-packed run cut short reads zeros, as hyparquet's does).
 */
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array): number;
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array, at: number, count: number, dictionary?: Int32Array): number;
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Float64Array, at: number, count: number, dictionary: Float64Array): number;
export function decodeRleHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  out: Int32Array | Float64Array,
  at = 0,
  count = out.length - at,
  dictionary?: NumberDictionary,
): number {
  // Width 0 (a dictionary of one entry): every value is 0, whatever the bytes say.
  if (width === 0) {
    out.fill(dictionary === undefined ? 0 : dictionary[0], at, at + count);
    return count;
  }
  const unpack = width > 24 ? undefined : unpackerOf(width, dictionary === undefined ? 'values' : dictionary instanceof Float64Array ? 'float64' : 'int32');
  const valueBytes = (width + 7) >> 3;
  let pos = start;
  let seen = 0;
  while (seen < count && pos < end) {
    let header = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[pos++];
      header |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if ((header & 1) === 0) {
      // A run: one value (little-endian, in whole bytes) repeated.
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= bytes[pos++] << (8 * i);
      value >>>= 0; // unsigned past 31 bits
      const stop = Math.min(count, seen + (header >>> 1));
      out.fill(dictionary === undefined ? value : dictionary[value], at + seen, at + stop);
      seen = stop;
      continue;
    }
    // Bit-packed: header >> 1 groups of eight values, least significant bits first.
    const groupBytes = (header >>> 1) * width;
    const stop = Math.min(count, seen + (header >>> 1) * 8);
    const groups = Math.min((stop - seen) >> 3, Math.floor((end - pos) / width));
    if (unpack === undefined) seen = unpackWide(bytes, pos, end, width, out, at, seen, stop, dictionary);
    else {
      unpack(bytes, pos, out, at + seen, groups, dictionary);
      seen = unpackByBytes(bytes, pos + groups * width, end, width, out, at, seen + groups * 8, stop, dictionary);
    }
    pos += groupBytes;
  }
  return seen;
}

/**
 * Bit-packed values over 24 bits wide (indices into a dictionary of over 16M entries), one at a
 * time in double arithmetic (a value and its bit offset span up to 5 bytes, past what 32-bit
 * integer operations hold; hyparquet's decoder loses the high bits there), bytes past `end` read
 * as 0. Returns `stop`.
 */
function unpackWide(bytes: Uint8Array, pos: number, end: number, width: number, out: Int32Array | Float64Array, at: number, seen: number, stop: number, dictionary: NumberDictionary | undefined): number {
  const range = 2 ** width;
  for (let i = seen, bit = 0; i < stop; i++, bit += width) {
    const first = pos + Math.floor(bit / 8);
    let word = 0;
    for (let b = 4; b >= 0; b--) word = word * 256 + (first + b < end ? bytes[first + b] : 0);
    const value = Math.floor(word / 2 ** (bit % 8)) % range;
    out[at + i] = dictionary === undefined ? value : dictionary[value];
  }
  return stop;
}

/** What an unpacker writes: the values, or the entries of an Int32Array or Float64Array dictionary they index. */
type UnpackInto = 'values' | 'int32' | 'float64';

/**
 * The source of an unpacker of `width`-bit values, eight at a time: a group of eight takes
 * exactly `width` bytes, each read once, and each value is the OR of its bytes shifted by
 * constants — what Parquet's C++ readers do with one routine per width.
 */
function unpackerSource(width: number, into: UnpackInto): string {
  const mask = (1 << width) - 1;
  const lines: string[] = [];
  for (let b = 0; b < width; b++) lines.push(`const b${b} = bytes[pos + ${b}];`);
  for (let v = 0; v < 8; v++) {
    const first = (v * width) >> 3;
    const last = (v * width + width - 1) >> 3;
    const shift = (v * width) & 7;
    const parts = [`(b${first} >>> ${shift})`];
    for (let b = first + 1; b <= last; b++) parts.push(`(b${b} << ${8 * (b - first) - shift})`);
    const value = `(${parts.join(' | ')}) & ${mask}`;
    lines.push(`out[at + ${v}] = ${into === 'values' ? value : `dictionary[${value}]`};`);
  }
  return `for (let g = 0; g < groups; g++, pos += ${width}, at += 8) {\n${lines.join('\n')}\n}`;
}

type Unpacker = (bytes: Uint8Array, pos: number, out: Int32Array | Float64Array, at: number, groups: number, dictionary?: NumberDictionary) => void;

/**
 * One unpacker per width (1 to 24 bits) and output, made when first needed: each its own
 * function, so that each sees one kind of array and stays monomorphic.
 */
const unpackers = new Map<string, Unpacker>();

function unpackerOf(width: number, into: UnpackInto): Unpacker {
  const key = `${width} ${into}`;
  let unpacker = unpackers.get(key);
  if (unpacker === undefined) {
    unpacker = new Function('bytes', 'pos', 'out', 'at', 'groups', 'dictionary', unpackerSource(width, into)) as Unpacker;
    unpackers.set(key, unpacker);
  }
  return unpacker;
}

/**
 * Bit-packed values into out[at + seen..at + stop) through an accumulator fed byte by byte, bytes
 * past `end` read as 0: a group cut by `stop` or by the end of the bytes. Returns `stop`.
 */
function unpackByBytes(
  bytes: Uint8Array,
  pos: number,
  end: number,
  width: number,
  out: Int32Array | Float64Array,
  at: number,
  seen: number,
  stop: number,
  dictionary: NumberDictionary | undefined,
): number {
  const mask = (1 << width) - 1;
  let buffer = 0;
  let bits = 0;
  for (let i = seen; i < stop; i++) {
    while (bits < width) {
      buffer |= (pos < end ? bytes[pos] : 0) << bits;
      pos++;
      bits += 8;
    }
    out[at + i] = dictionary === undefined ? buffer & mask : dictionary[buffer & mask];
    buffer >>>= width;
    bits -= width;
  }
  return stop;
}

/**
 * Runs the decoder once per thread, at load, over tiny inputs of every kind its loop meets: a
 * repeated run and bit-packed groups, whole and cut, into each output (values, an Int32Array or a
 * Float64Array dictionary's entries), at more widths than V8 speculates on at one call site. V8
 * then optimizes decodeRleHybrid, in a row group's first page, with type feedback for every branch
 * and a call to the unpackers that is not speculated on one of them; without it, a task thread's
 * first row group deoptimized and compiled it again at each new width, array kind or branch (five
 * compilations of ~10 ms each).
 */
function primeDecoder(): void {
  for (let width = 1; width <= 5; width++) {
    // A run of two 1s, then one bit-packed group of all-ones values.
    const bytes = Uint8Array.from([2 << 1, 1, (1 << 1) | 1, ...new Array<number>(width).fill(0xff)]);
    const ints = Int32Array.from({ length: 2 ** width }, (_, i) => i);
    const doubles = Float64Array.from(ints);
    for (const count of [9, 10]) {
      decodeRleHybrid(bytes, 0, bytes.length, width, new Int32Array(count), 0, count);
      decodeRleHybrid(bytes, 0, bytes.length, width, new Int32Array(count), 0, count, ints);
      decodeRleHybrid(bytes, 0, bytes.length, width, new Float64Array(count), 0, count, doubles);
    }
  }
}
primeDecoder();
