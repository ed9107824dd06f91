/** Reducers fetch shuffle buckets with at most MAX_BYTES_IN_FLIGHT unfinished: the bound and the order of results. */
import { describe, expect, it } from 'vitest';
import { boundedInFlight } from '../src/executor/bounded-in-flight.js';

/** Runs boundedInFlight over `sizes` with fetches that finish in a scrambled order, recording the bytes in flight. */
async function run(sizes: number[], maxBytes: number) {
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  const results = await boundedInFlight(
    sizes.map((size, index) => ({ size, index })),
    maxBytes,
    async ({ size, index }) => {
      started.push(index);
      inFlight += size;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (index * 7) % 5));
      inFlight -= size;
      return `block ${index}`;
    },
  );
  return { results, peak, started };
}

describe('boundedInFlight', () => {
  it('keeps the bytes of unfinished fetches under the bound, starts them in order and returns results in item order', async () => {
    const sizes = Array.from({ length: 40 }, (_, i) => 1 + ((i * 13) % 10));
    const { results, peak, started } = await run(sizes, 20);
    expect(results).toEqual(sizes.map((_, i) => `block ${i}`));
    expect(started).toEqual(sizes.map((_, i) => i));
    expect(peak).toBeLessThanOrEqual(20);
    expect(peak).toBeGreaterThan(10);
  });

  it('runs a fetch larger than the bound alone', async () => {
    const { results, peak } = await run([5, 50, 5], 20);
    expect(results).toEqual(['block 0', 'block 1', 'block 2']);
    expect(peak).toBe(50);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const failing = boundedInFlight([0, 1, 2, 3, 4].map((index) => ({ size: 10, index })), 10, async ({ index }) => {
      started.push(index);
      if (index === 1) throw new Error('fetch 1 failed');
      return index;
    });
    await expect(failing).rejects.toThrow('fetch 1 failed');
    expect(started).toEqual([0, 1]);
  });

  it('answers an empty list at once', async () => {
    expect(await boundedInFlight([], 10, async () => 1)).toEqual([]);
  });
});
