/** Standard normal draws from a uniform source, by the Box–Muller transform. */
export function gaussianSampler(random: () => number): () => number {
  return () => {
    // 1 - random() is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    return radius * Math.cos(2 * Math.PI * random());
  };
}
