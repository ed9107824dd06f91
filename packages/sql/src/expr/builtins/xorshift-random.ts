/**
 * Spark's random number generator (org.apache.spark.util.random.XORShiftRandom), so that
 * rand(seed), randn(seed) and seeded samples give the numbers Spark gives: the seed is scrambled
 * with Scala's MurmurHash3 over its 8 big-endian bytes, each draw is a 64-bit xorshift step, and
 * nextDouble/nextGaussian are java.util.Random's on top of it. The function is self-contained:
 * generated code inlines its source text (XORSHIFT_RANDOM_SOURCE) and calls it in the task.
 */
export interface XorShiftRandom {
  nextDouble(): number;
  nextGaussian(): number;
  /** java.util.Random.nextInt(): 32 random bits as a signed int. */
  nextInt(): number;
}

export function xorShiftRandom(seed: number | bigint): XorShiftRandom {
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  const mix = (h: number, k: number) => {
    k = Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
    return (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;
  };
  // Scala's MurmurHash3.bytesHash over 8 bytes: two little-endian words, then the finalizer.
  const bytesHash = (bytes: Uint8Array, hashSeed: number) => {
    const view = new DataView(bytes.buffer);
    let h = mix(mix(hashSeed, view.getInt32(0, true)), view.getInt32(4, true)) ^ 8;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, BigInt(seed)));
  const low = bytesHash(bytes, 0x3c074a61);
  const high = bytesHash(bytes, low);
  const MASK = 0xffffffffffffffffn;
  let state = ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) & MASK;
  const next = (bits: bigint) => {
    state ^= (state << 21n) & MASK;
    state ^= state >> 35n;
    state ^= (state << 4n) & MASK;
    return Number(state & ((1n << bits) - 1n));
  };
  const nextDouble = () => (next(26n) * 134217728 + next(27n)) / 9007199254740992;
  let nextNextGaussian: number | undefined;
  // java.util.Random.nextGaussian: the polar method, its second value kept for the next call.
  const nextGaussian = () => {
    if (nextNextGaussian !== undefined) {
      const value = nextNextGaussian;
      nextNextGaussian = undefined;
      return value;
    }
    let v1: number, v2: number, s: number;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    nextNextGaussian = v2 * multiplier;
    return v1 * multiplier;
  };
  const nextInt = () => next(32n) | 0;
  return { nextDouble, nextGaussian, nextInt };
}

export const XORSHIFT_RANDOM_SOURCE = `const xorShiftRandom = ${xorShiftRandom.toString()};`;
