/**
 * maxResultSize (Spark's spark.driver.maxResultSize): an action whose tasks send back more bytes
 * than the limit fails with Spark's message; 0 lifts the limit; a small action under it runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext | undefined;
afterEach(async () => {
  await fc?.stop();
  fc = undefined;
});

/** 8 partitions of 50 strings of 1,000 characters: about 400 KB of results. */
const bigCollect = (context: FlintContext): Promise<string[]> =>
  context
    .range(400, undefined, undefined, 8)
    .map((i) => String(i % 10).repeat(1000))
    .collect();

describe('maxResultSize', () => {
  it('fails an action whose results pass the limit, with Spark message', async () => {
    fc = await FlintContext.create({ master: 'local[2]', maxResultSize: 100 * 1024 });
    await expect(bigCollect(fc)).rejects.toThrow(
      /^Total size of serialized results of [2-3] tasks \(1\d\d\.\d KiB\) is bigger than spark\.driver\.maxResultSize \(100\.0 KiB\); raise the maxResultSize option/,
    );
    // Under the limit, the context keeps working.
    expect(await fc.range(10).sum()).toBe(45);
  });

  it('0 means no limit', async () => {
    fc = await FlintContext.create({ master: 'local[2]', maxResultSize: 0 });
    const rows = await bigCollect(fc);
    expect(rows.length).toBe(400);
    expect(rows[399]).toBe('9'.repeat(1000));
  });

  it('is also read from flint submit --conf', async () => {
    const previous = process.env.FLINT_CONF;
    process.env.FLINT_CONF = JSON.stringify({ maxResultSize: '64k' });
    try {
      fc = await FlintContext.create({ master: 'local[2]' });
    } finally {
      if (previous === undefined) delete process.env.FLINT_CONF;
      else process.env.FLINT_CONF = previous;
    }
    await expect(bigCollect(fc)).rejects.toThrow(/is bigger than spark\.driver\.maxResultSize \(64\.0 KiB\)/);
  });
});
