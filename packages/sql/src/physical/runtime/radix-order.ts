/**
 * The order of rows by numeric sort keys without comparisons: each key column becomes
 * order-preserving unsigned 32-bit words (inverted when the column is descending) and an index
 * array is radix sorted a digit of at most 16 bits at a time, least significant first (LSD,
 * stable). A key whose values are all decimals of up to four places (integers included) within a
 * 2^32 range becomes one word holding value × 10^places minus the smallest, so a key of cents
 * or of ids up to a few million costs two passes; any other double is two words (sign flipped,
 * negatives inverted). Passes whose digit is the same for every row are skipped. NaN sorts above
 * every number and -0.0 equals 0.0, as in Spark's ordering of doubles.
 */

/** Digits of at most 16 bits: a 32-bit word in two passes; a narrower word in digits of equal width. */
const MAX_DIGIT_BITS = 16;
/** Decimal places a key may have to be sorted as scaled integers. */
const MAX_SCALE = 10_000;

/** The words of a double are read through a Uint32Array view: low word first on a little-endian machine. */
export const RADIX_ORDER_WORKS = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A key column as unsigned words in its order, most significant first, and how many low bits of each can differ. */
interface KeyWords {
  words: Uint32Array[];
  bits: number[];
}

/**
 * Row positions 0..n-1 in the order of `keys` (most significant first); `descending` per key.
 * Each pass moves the words still to be sorted on along with the positions, so every pass reads
 * its digits in order: reading them through the positions (row by row, in the order so far) was
 * a cache miss per row once the words outgrew the cache, and took most of a large sort's time.
 */
export function radixOrder(keys: readonly Float64Array[], descending: readonly boolean[]): Uint32Array {
  return radixSort(keys, descending, [], true).index!;
}

/**
 * `radixOrder`, with `payloads` (columns of the same rows) moved along with the positions in
 * every pass: they come out in sorted order without reading them at random positions afterwards.
 * The payload arrays given serve as scratch space: their contents are lost. The positions are
 * sorted and returned only when `withIndex`.
 */
export function radixSort(
  keys: readonly Float64Array[],
  descending: readonly boolean[],
  payloads: readonly Float64Array[],
  withIndex: boolean,
): { index: Uint32Array | undefined; payloads: Float64Array[] } {
  const count = keys.length === 0 ? 0 : keys[0].length;
  let index: Uint32Array = new Uint32Array(withIndex ? count : 0);
  for (let i = 0; i < index.length; i++) index[i] = i;
  // The words from the least significant on: the last key's low word, ..., the first key's high word.
  const words: Uint32Array[] = [];
  const bits: number[] = [];
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keyWords(keys[k], descending[k]);
    words.push(...key.words.reverse());
    bits.push(...key.bits.reverse());
  }
  const sorted = [...payloads];
  const buckets = new Uint32Array(1 << MAX_DIGIT_BITS);
  const target = new Uint32Array(count);
  // Each move writes into the spare array, and the array moved from becomes the spare.
  let spare: Uint32Array = new Uint32Array(count);
  let spareDoubles: Float64Array = new Float64Array(sorted.length === 0 ? 0 : count);
  for (let w = 0; w < words.length; w++) {
    const passes = Math.ceil(bits[w] / MAX_DIGIT_BITS);
    const digitBits = Math.ceil(bits[w] / passes);
    for (let pass = 0; pass < passes; pass++) {
      if (!targets(words[w], pass * digitBits, (1 << digitBits) - 1, buckets, target)) continue;
      if (withIndex) {
        const unsorted = index;
        index = moved(unsorted, target, spare);
        spare = unsorted;
      }
      // The words sorted on later move too (this one only before its last pass).
      for (let later = pass === passes - 1 ? w + 1 : w; later < words.length; later++) {
        const from = words[later];
        words[later] = moved(from, target, spare);
        spare = from;
      }
      for (let p = 0; p < sorted.length; p++) {
        const from = sorted[p];
        sorted[p] = movedDoubles(from, target, spareDoubles);
        spareDoubles = from;
      }
    }
  }
  return { index: withIndex ? index : undefined, payloads: sorted };
}

function keyWords(values: Float64Array, descending: boolean): KeyWords {
  return scaledIntegerWords(values, descending) ?? doubleWords(values, descending);
}

/**
 * The values as one word each, value × scale minus the smallest (the largest minus it when
 * descending), when one scale of 1, 10, ... MAX_SCALE makes every value an integer that divides
 * back to it exactly and their range fits 32 bits; else undefined. The map is order-preserving
 * and one-to-one: multiplying and rounding keep order, and dividing back tells values apart.
 */
function scaledIntegerWords(values: Float64Array, descending: boolean): KeyWords | undefined {
  const count = values.length;
  let scale = 1;
  let smallest = Infinity;
  let largest = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    while (Math.round(v * scale) / scale !== v) {
      if (scale === MAX_SCALE) return undefined;
      scale *= 10;
    }
    if (v < smallest) smallest = v;
    if (v > largest) largest = v;
  }
  // Scaling keeps order, so the extremes scale to the extremes.
  const min = Math.round(smallest * scale);
  const max = Math.round(largest * scale);
  // Infinities pass the scale check; integers past 2^53 are not exact.
  if (!(max - min < 2 ** 32 && Math.max(-min, max) <= Number.MAX_SAFE_INTEGER)) return undefined;
  const word = new Uint32Array(count);
  if (descending) for (let i = 0; i < count; i++) word[i] = max - Math.round(values[i] * scale);
  else for (let i = 0; i < count; i++) word[i] = Math.round(values[i] * scale) - min;
  return { words: [word], bits: [32 - Math.clz32(max - min)] };
}

/** The high and low words of each value, ordered as unsigned integers in the key's order. */
function doubleWords(values: Float64Array, descending: boolean): KeyWords {
  const count = values.length;
  const canonical = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[i];
    canonical[i] = v !== v ? NaN : v === 0 ? 0 : v;
  }
  const halves = new Uint32Array(canonical.buffer);
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  const flip = descending ? 0xffffffff : 0;
  for (let i = 0; i < count; i++) {
    const lo = halves[2 * i];
    const hi = halves[2 * i + 1];
    const negative = hi >>> 31 === 1;
    high[i] = ((negative ? ~hi : hi | 0x80000000) ^ flip) >>> 0;
    low[i] = ((negative ? ~lo : lo) ^ flip) >>> 0;
  }
  return { words: [high, low], bits: [32, 32] };
}

/** `values` moved to the `target` positions, into `into` (returned). */
function moved(values: Uint32Array, target: Uint32Array, into: Uint32Array): Uint32Array {
  for (let n = 0; n < values.length; n++) into[target[n]] = values[n];
  return into;
}

function movedDoubles(values: Float64Array, target: Uint32Array, into: Float64Array): Float64Array {
  for (let n = 0; n < values.length; n++) into[target[n]] = values[n];
  return into;
}

/**
 * Where one stable counting pass on the digit `(word >>> shift) & mask` puts each row, into
 * `target`; false (no pass needed) when every row has the same digit.
 */
function targets(word: Uint32Array, shift: number, mask: number, buckets: Uint32Array, target: Uint32Array): boolean {
  const count = word.length;
  const size = mask + 1;
  buckets.fill(0, 0, size);
  for (let n = 0; n < count; n++) buckets[(word[n] >>> shift) & mask]++;
  if (count === 0 || buckets[(word[0] >>> shift) & mask] === count) return false;
  let start = 0;
  for (let b = 0; b < size; b++) {
    const inBucket = buckets[b];
    buckets[b] = start;
    start += inBucket;
  }
  for (let n = 0; n < count; n++) target[n] = buckets[(word[n] >>> shift) & mask]++;
  return true;
}
