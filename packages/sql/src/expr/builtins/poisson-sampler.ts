/**
 * Spark's sampler for Dataset.sample with replacement (SampleExec over a PoissonSampler), so a
 * seeded sample keeps the rows Spark keeps on the same partitioning: partition i's seed is the
 * (i+1)-th nextLong() of java.util.Random(seed); the sampler is commons-math3's
 * PoissonDistribution(fraction), whose Well19937c generator is reseeded with it, and each row is
 * kept as many times as one draw says. A draw multiplies uniform deviates until the product falls
 * below e^-mean (commons-math's method for means under 40). For means of 40 and more commons-math
 * switches to Devroye's rejection method; here such a draw is the sum of draws of means under 40:
 * the same distribution, not Spark's numbers. The function is self-contained: generated code
 * inlines its source text (POISSON_SAMPLER_SOURCE) and calls it in the task.
 */
export interface PoissonSampler {
  /** How many copies of the next row to keep. */
  sample(): number;
}

export function poissonSampler(seed: number | bigint, partitionIndex: number, mean: number): PoissonSampler {
  if (!(mean > 0)) return { sample: () => 0 };
  // java.util.Random(seed): a 48-bit linear congruential generator; nextLong() is two next(32)s.
  const MASK48 = (1n << 48n) - 1n;
  let lcg = (BigInt.asIntN(64, BigInt(seed)) ^ 0x5deece66dn) & MASK48;
  const next32 = () => {
    lcg = (lcg * 0x5deece66dn + 0xbn) & MASK48;
    return BigInt.asIntN(32, lcg >> 16n);
  };
  let partitionSeed = 0n;
  for (let i = 0; i <= partitionIndex; i++) partitionSeed = BigInt.asIntN(64, (next32() << 32n) + next32());

  // Well19937c (AbstractWell.setSeed(long): the seed's high and low words, then Knuth's fill).
  const R = 624;
  const v = new Int32Array(R);
  v[0] = Number(BigInt.asIntN(32, partitionSeed >> 32n));
  v[1] = Number(BigInt.asIntN(32, partitionSeed));
  for (let i = 2; i < R; i++) v[i] = (Math.imul(1812433253, v[i - 2] ^ (v[i - 2] >> 30)) + i) | 0;
  let index = 0;
  const next = (bits: number) => {
    const indexRm1 = (index + R - 1) % R;
    const indexRm2 = (index + R - 2) % R;
    const v0 = v[index];
    const vM1 = v[(index + 70) % R];
    const vM2 = v[(index + 179) % R];
    const vM3 = v[(index + 449) % R];
    const z0 = (0x80000000 & v[indexRm1]) ^ (0x7fffffff & v[indexRm2]);
    const z1 = v0 ^ (v0 << 25) ^ (vM1 ^ (vM1 >>> 27));
    const z2 = (vM2 >>> 9) ^ (vM3 ^ (vM3 >>> 1));
    const z3 = z1 ^ z2;
    let z4 = z0 ^ (z1 ^ (z1 << 9)) ^ (z2 ^ (z2 << 21)) ^ (z3 ^ (z3 >>> 21));
    v[index] = z3;
    v[indexRm1] = z4;
    v[indexRm2] &= 0x80000000;
    index = indexRm1;
    // Matsumoto-Kurita tempering.
    z4 ^= (z4 << 7) & 0xe46e1700;
    z4 ^= (z4 << 15) & 0x9b868000;
    return z4 >>> (32 - bits);
  };
  // BitsStreamGenerator.nextDouble: 52 random bits.
  const nextDouble = () => (next(26) * 67108864 + next(26)) * 2 ** -52;

  const smallMeanDraw = (m: number) => {
    const limit = Math.exp(-m);
    let n = 0;
    let product = 1;
    while (n < 1000 * m) {
      product *= nextDouble();
      if (product < limit) return n;
      n++;
    }
    return n;
  };
  const PIVOT = 40;
  if (mean < PIVOT) return { sample: () => smallMeanDraw(mean) };
  const parts = Math.floor(mean / PIVOT) + 1;
  return {
    sample: () => {
      let n = 0;
      for (let i = 0; i < parts; i++) n += smallMeanDraw(mean / parts);
      return n;
    },
  };
}

export const POISSON_SAMPLER_SOURCE = `const poissonSampler = ${poissonSampler.toString()};`;
