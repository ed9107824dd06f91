/**
 * The order of rows by numeric sort keys without comparisons: each key column's doubles become
 * order-preserving 32-bit words (sign flipped, negatives inverted, inverted again when the column
 * is descending) and an index array is radix sorted 16 bits at a time, least significant word
 * first (LSD, stable). Two double keys cost at most eight linear passes, and passes whose digit
 * is the same for every row are skipped. NaN sorts above every number and -0.0 equals 0.0, as in
 * Spark's ordering of doubles.
 */

const DIGIT_BITS = 16;

/** The words of a double are read through a Uint32Array view: low word first on a little-endian machine. */
export const RADIX_ORDER_WORKS = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const BUCKETS = 1 << DIGIT_BITS;

/**
 * Row positions 0..n-1 in the order of `keys` (most significant first); `descending` per key.
 * Each pass moves the words still to be sorted on along with the positions, so every pass reads
 * its digits in order: reading them through the positions (row by row, in the order so far) was
 * a cache miss per row once the words outgrew the cache, and took most of a large sort's time.
 */
export function radixOrder(keys: readonly Float64Array[], descending: readonly boolean[]): Uint32Array {
  const count = keys.length === 0 ? 0 : keys[0].length;
  let index: Uint32Array = new Uint32Array(count);
  for (let i = 0; i < count; i++) index[i] = i;
  // The words from the least significant on: the last key's low word, its high word, ..., the first key's high word.
  const words: Uint32Array[] = [];
  for (let k = keys.length - 1; k >= 0; k--) words.push(...orderedWords(keys[k], descending[k]).reverse());
  const buckets = new Uint32Array(BUCKETS);
  const target = new Uint32Array(count);
  // Each move writes into the spare array, and the array moved from becomes the spare.
  let spare: Uint32Array = new Uint32Array(count);
  for (let w = 0; w < words.length; w++) {
    for (const shift of [0, DIGIT_BITS]) {
      if (!targets(words[w], shift, buckets, target)) continue;
      const unsorted = index;
      index = moved(unsorted, target, spare);
      spare = unsorted;
      // The words sorted on later move too (this one only before its high digit's pass).
      for (let later = shift === 0 ? w : w + 1; later < words.length; later++) {
        const from = words[later];
        words[later] = moved(from, target, spare);
        spare = from;
      }
    }
  }
  return index;
}

/** `values` moved to the `target` positions, into `into` (returned). */
function moved(values: Uint32Array, target: Uint32Array, into: Uint32Array): Uint32Array {
  for (let n = 0; n < values.length; n++) into[target[n]] = values[n];
  return into;
}

/** The high and low words of each value, ordered as unsigned integers in the key's order. */
function orderedWords(values: Float64Array, descending: boolean): [Uint32Array, Uint32Array] {
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
  return [high, low];
}

/**
 * Where one stable counting pass on the digit at `shift` of `word` puts each row, into `target`;
 * false (no pass needed) when every row has the same digit.
 */
function targets(word: Uint32Array, shift: number, buckets: Uint32Array, target: Uint32Array): boolean {
  const count = word.length;
  buckets.fill(0);
  for (let n = 0; n < count; n++) buckets[(word[n] >>> shift) & (BUCKETS - 1)]++;
  if (count === 0 || buckets[(word[0] >>> shift) & (BUCKETS - 1)] === count) return false;
  let start = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const size = buckets[b];
    buckets[b] = start;
    start += size;
  }
  for (let n = 0; n < count; n++) target[n] = buckets[(word[n] >>> shift) & (BUCKETS - 1)]++;
  return true;
}
