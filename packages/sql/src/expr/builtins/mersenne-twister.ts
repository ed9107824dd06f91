/**
 * The random indices behind Spark's shuffle(array, seed) (catalyst's RandomIndicesGenerator): an
 * "inside-out" Fisher-Yates permutation drawn from Apache Commons Math's MersenneTwister seeded
 * with a long, so that a seeded shuffle gives Spark's order. Self-contained like
 * xorshift-random.ts: generated code inlines its source text and calls it in the task.
 */
export interface RandomIndices {
  /** A permutation of 0..length-1. */
  next(length: number): number[];
}

export function randomIndices(seed: number | bigint): RandomIndices {
  const N = 624;
  const M = 397;
  const mt = new Int32Array(N);
  let mti = N;
  // MersenneTwister.setSeed(int): Knuth's linear initialisation.
  let x = 19650218;
  mt[0] = x;
  for (let i = 1; i < N; i++) {
    x = (Math.imul(1812433253, x ^ (x >>> 30)) + i) >>> 0;
    mt[i] = x;
  }
  // setSeed(long) is setSeed(int[] { high word, low word }).
  const long = BigInt.asUintN(64, BigInt(seed));
  const key = [Number(long >> 32n) | 0, Number(long & 0xffffffffn) | 0];
  const word = (i: number) => mt[i]! >>> 0;
  let i = 1;
  let j = 0;
  for (let k = N; k !== 0; k--) {
    const l1 = word(i - 1);
    mt[i] = ((word(i) ^ Math.imul(l1 ^ (l1 >>> 30), 1664525)) >>> 0) + key[j]! + j;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k !== 0; k--) {
    const l1 = word(i - 1);
    mt[i] = ((word(i) ^ Math.imul(l1 ^ (l1 >>> 30), 1566083941)) >>> 0) - i;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000 | 0;
  const mag = (y: number) => ((y & 1) === 0 ? 0 : 0x9908b0df);
  const next = (bits: number): number => {
    if (mti >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ mag(y);
      }
      mti = 0;
    }
    let y = mt[mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> (32 - bits);
  };
  // BitsStreamGenerator.nextInt(n): a power of two from the high bits, else rejection sampling.
  const nextInt = (n: number): number => {
    if ((n & -n) === n) return Number((BigInt(n) * BigInt(next(31))) >> 31n);
    let bits: number;
    let value: number;
    do {
      bits = next(31);
      value = bits % n;
    } while (((bits - value + (n - 1)) | 0) < 0);
    return value;
  };
  return {
    next(length: number): number[] {
      const indices = new Array<number>(length);
      for (let k = 0; k < length; k++) {
        const r = nextInt(k + 1);
        if (r !== k) indices[k] = indices[r]!;
        indices[r] = k;
      }
      return indices;
    },
  };
}

export const RANDOM_INDICES_SOURCE = `const randomIndices = ${randomIndices.toString()};`;
