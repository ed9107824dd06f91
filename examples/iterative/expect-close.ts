import { expect } from 'vitest';

/**
 * Floating-point results of a Flint job differ from a sequential reference's in the last bits,
 * as partitions sum in another order; 1e-9 relative (absolute near 0) is far above that noise
 * and far below any real error.
 */
export function expectCloseTo(actual: number | undefined, expected: number, what: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (actual === undefined || !(Math.abs(actual - expected) <= tolerance)) {
    expect.fail(`${what}: got ${actual}, want ${expected} within ${tolerance}`);
  }
}

/** Element-wise `expectCloseTo` of two vectors of the same length. */
export function expectVectorCloseTo(actual: number[], expected: number[], what: string): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, index) => expectCloseTo(actual[index], x, `${what}[${index}]`));
}
