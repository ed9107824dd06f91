// Errors a user can act on: a user error inside a function, bad master URLs, missing input paths,
// and misuse Spark rejects (zip of mismatched RDDs). Each must be one clear error, never a hang.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-errors' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-errors-'));
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The rejection of a promise-returning call, whether it throws synchronously or rejects. */
async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return e as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('a user error inside a function', () => {
  it('rejects the action with the user\'s message, the stage, partition and attempt', async () => {
    const err = await failure(() =>
      fc
        .parallelize([1, 2, 3, 4], 2)
        .map((x) => {
          if (x === 3) throw new Error('boom: bad record 3');
          return x;
        })
        .collect(),
    );
    const text = `${err.message}\n${err.stack ?? ''}`;
    expect(err.message).toContain('boom: bad record 3');
    expect(text).toMatch(/stage/i);
    expect(text).toMatch(/partition/i);
    expect(text).toMatch(/attempt/i);
  }, 30_000);

  it('also fails a job whose error is in a shuffle-side function', async () => {
    const err = await failure(() =>
      fc
        .parallelize(['a', 'b', 'a'], 2)
        .map((w) => [w, 1] as [string, number])
        .reduceByKey((): number => {
          throw new TypeError('cannot merge counts');
        })
        .collect(),
    );
    expect(err.message).toContain('cannot merge counts');
  }, 30_000);

  it('propagates through toLocalIterator (test_rdd.py, SPARK-27548)', async () => {
    const rdd = fc.range(10).map((): number => {
      throw new Error('local iterator error');
    });
    const err = await failure(async () => {
      for await (const x of rdd.toLocalIterator()) void x;
    });
    expect(err.message).toContain('local iterator error');
  }, 30_000);

  it('leaves the context usable for the next job', async () => {
    await failure(() =>
      fc
        .parallelize([1], 1)
        .map((): number => {
          throw new Error('first job fails');
        })
        .count(),
    );
    expect(await fc.parallelize([1, 2, 3], 2).map((x) => x + 1).collect()).toEqual([2, 3, 4]);
  }, 30_000);
});

describe('bad master URLs', () => {
  for (const master of ['nonsense', 'local[two]', 'spark//missing-colon:7077', 'local-cluster[2]']) {
    it(`rejects FlintContext.create with a message naming "${master}"`, async () => {
      const err = await failure(() => FlintContext.create({ master, appName: 'bad-master' }));
      expect(err.message).toContain(master);
    }, 20_000);
  }
});

describe('missing input paths', () => {
  it('textFile of a missing file fails with a message naming the path', async () => {
    const missing = path.join(tmp, 'does-not-exist.txt');
    const err = await failure(() => fc.textFile(missing).collect());
    expect(err.message).toContain(missing);
  }, 20_000);

  it('textFile of a glob that matches nothing fails with a message naming the pattern', async () => {
    const pattern = path.join(tmp, 'nothing-here-*.log');
    const err = await failure(() => fc.textFile(pattern).count());
    expect(err.message).toContain(pattern);
  }, 20_000);
});

describe('zip misuse', () => {
  it('zip of RDDs with different partition counts fails', async () => {
    const err = await failure(async () => fc.parallelize([1, 2, 3], 3).zip(fc.parallelize([1, 2, 3], 2)).collect());
    expect(err.message).toMatch(/partition/i);
  }, 20_000);

  it('zip of RDDs with different element counts per partition fails', async () => {
    const err = await failure(async () => fc.parallelize([1, 2, 3, 4], 2).zip(fc.parallelize([1, 2, 3], 2)).collect());
    expect(err.message).toMatch(/element|same number/i);
  }, 20_000);
});
