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

/** Row positions 0..n-1 in the order of `keys` (most significant first); `descending` per key. */
export function radixOrder(keys: readonly Float64Array[], descending: readonly boolean[]): Uint32Array {
  const count = keys.length === 0 ? 0 : keys[0].length;
  let index = new Uint32Array(count);
  for (let i = 0; i < count; i++) index[i] = i;
  let spare = new Uint32Array(count);
  const buckets = new Uint32Array(BUCKETS);
  for (let k = keys.length - 1; k >= 0; k--) {
    const [high, low] = orderedWords(keys[k], descending[k]);
    for (const word of [low, high]) {
      for (const shift of [0, DIGIT_BITS]) {
        if (!radixPass(word, shift, index, spare, buckets)) continue;
        const sorted = spare;
        spare = index;
        index = sorted;
      }
    }
  }
  return index;
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

/** One stable counting pass on the digit at `shift` of `word`, from `index` into `out`; false (nothing moved) when every row has the same digit. */
function radixPass(word: Uint32Array, shift: number, index: Uint32Array, out: Uint32Array, buckets: Uint32Array): boolean {
  const count = index.length;
  buckets.fill(0);
  for (let n = 0; n < count; n++) buckets[(word[index[n]] >>> shift) & (BUCKETS - 1)]++;
  if (count === 0 || buckets[(word[index[0]] >>> shift) & (BUCKETS - 1)] === count) return false;
  let start = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const size = buckets[b];
    buckets[b] = start;
    start += size;
  }
  for (let n = 0; n < count; n++) {
    const i = index[n];
    out[buckets[(word[i] >>> shift) & (BUCKETS - 1)]++] = i;
  }
  return true;
}
