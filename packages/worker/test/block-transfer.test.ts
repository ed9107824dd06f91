import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encode } from '@flint/rdd';
import { packBlock, unpackBlock } from '../src/service/block-transfer.js';

describe('blocks on the wire', () => {
  it('are lz4-compressed when that halves them, and come back byte for byte', () => {
    const repetitive = encode(Array.from({ length: 20_000 }, (_, i) => `the same words again and again ${i % 10}`));
    const packed = packBlock(repetitive);
    expect(packed.lz4).toBe(true);
    expect(packed.bytes.length).toBeLessThan(repetitive.length / 2);
    expect(Buffer.from(unpackBlock(packed))).toEqual(Buffer.from(repetitive));
  });

  it('travel raw when compression would not pay: random bytes, floating-point partitions', () => {
    const random = randomBytes(200_000);
    const floats = encode(Array.from({ length: 20_000 }, (_, i) => [i % 2 ? 1 : -1, [1, Math.sin(i), Math.cos(i), Math.sqrt(i)]]));
    for (const bytes of [new Uint8Array(random), floats]) {
      const packed = packBlock(bytes);
      expect(packed.lz4).toBe(false);
      expect(Buffer.from(unpackBlock(packed))).toEqual(Buffer.from(bytes));
    }
  });

  it('are the only reason to load lz4-napi: a local job, which sends none, never loads it', async () => {
    const job = "import { createRequire } from 'node:module'; import { FlintContext } from '@flint/driver'; " +
      "const fc = await FlintContext.create({ master: 'local[2]', ui: false }); " +
      "const sum = await fc.parallelize([1, 2, 3, 4], 2).map((x) => [x % 2, x]).reduceByKey((a, b) => a + b).collect(); await fc.stop(); " +
      "console.log(JSON.stringify({ sum, lz4: Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('lz4-napi')) }));";
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', job], { cwd: new URL('../../..', import.meta.url).pathname });
    const { sum, lz4 } = JSON.parse(stdout);
    expect(new Map(sum)).toEqual(new Map([[0, 6], [1, 4]]));
    expect(lz4).toEqual([]);
  });

  it('handles an empty block', () => {
    const packed = packBlock(new Uint8Array(0));
    expect(unpackBlock(packed)).toHaveLength(0);
  });
});
