/**
 * Seeded randomness for the data generators: the same seed gives the same bytes on every
 * machine, so a test's input (and a benchmark's) can be regenerated instead of shipped.
 */

/** Flint's own seedable PRNG (mulberry32), the one its sampling uses; floats in [0, 1). */
export { seededRandom } from '@flint/rdd';

/** A uniform integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Draws ranks 0..n-1 with Zipf's law: P(rank k) ∝ 1 / (k + 1)^exponent, as word frequencies in
 * natural text roughly are. Sampling is a binary search over the cumulative weights.
 */
export function zipfSampler(n: number, random: () => number, exponent = 1): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / Math.pow(k + 1, exponent);
    cumulative[k] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
