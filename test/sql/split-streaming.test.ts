/**
 * A task reads its CSV and JSON-lines splits piece by piece, never a split's text and rows whole:
 * with Spark's 128 MB splits that would not fit a task thread's heap. Here a 48 MB heap reads
 * one split of ~9 MB of quoted CSV (the general parser's path) and one of JSON lines; holding
 * either split's rows at once ran out of memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

const ROWS = 400_000;
// The sum of 0..ROWS-1 and the count: what every line read once gives.
const expected = { n: ROWS, s: (ROWS * (ROWS - 1)) / 2 };

describe('CSV and JSON splits stream through a small task heap', () => {
  let fc: FlintContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-split-streaming-'));
    const ids = Array.from({ length: ROWS }, (_, i) => i);
    writeFileSync(join(dir, 'quoted.csv'), ids.map((i) => `${i},"r${i % 7}","note, ${i % 13}"\n`).join(''));
    writeFileSync(join(dir, 'lines.json'), ids.map((i) => `{"id":${i},"r":"r${i % 7}"}\n`).join(''));
    fc = await FlintContext.create({ master: 'local[1]', threadHeap: 48 * 1024 * 1024 });
  });
  afterAll(async () => {
    await fc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a quoted CSV split and a JSON-lines split of ~9 MB each, every line once', async () => {
    const csv = fc.read.csv(join(dir, 'quoted.csv'), { schema: 'id BIGINT, r STRING, note STRING' });
    const json = fc.read.schema('id BIGINT, r STRING').json(join(dir, 'lines.json'));
    for (const df of [csv, json]) {
      expect(df.rdd.getNumPartitions()).toBe(1);
      expect(await df.agg(F.count('*').alias('n'), F.sum('id').alias('s')).collect()).toEqual([expected]);
    }
  });
});
