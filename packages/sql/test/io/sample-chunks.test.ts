/**
 * The sample of a CSV split that a sort's range bounds are drawn from (byte-splits.ts
 * sampleChunks): whole lines only, from chunks spread over the split, the header flagged; a
 * split not much bigger than the chunks is read whole. Checked against the file's own lines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleChunks } from '../../src/io/files/byte-splits.js';

const dir = mkdtempSync(join(tmpdir(), 'flint-sample-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Lines of varying length (and a multi-byte character), so chunk edges fall mid-line.
const lines = ['id,name', ...Array.from({ length: 20_000 }, (_, i) => `${i},${'é'.repeat(i % 7)}${'x'.repeat(i % 13)}`)];
const path = join(dir, 'data.csv');
writeFileSync(path, `${lines.join('\n')}\n`);
const size = Buffer.byteLength(`${lines.join('\n')}\n`);
const known = new Set(lines);

const linesOf = (chunks: { text: string }[]) => chunks.flatMap((c) => c.text.split('\n').filter((l) => l !== ''));

describe('sampleChunks', () => {
  it('reads whole lines from evenly spread chunks of a split, and flags the chunk with the header', () => {
    const chunks = sampleChunks({ path, start: 0, length: size }, 8, 4096);
    expect(chunks).toHaveLength(8);
    expect(chunks.map((c) => c.fileStart)).toEqual([true, false, false, false, false, false, false, false]);
    const sampled = linesOf(chunks);
    expect(sampled.every((line) => known.has(line))).toBe(true);
    // Each chunk holds the consecutive lines of its stretch of the file, and the chunks move through it.
    const ids = linesOf(chunks.slice(1)).map((line) => Number(line.split(',')[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[ids.length - 1]).toBeGreaterThan(17_000);
    expect(sampled.length).toBeLessThan(lines.length / 5);
    expect(sampled[0]).toBe('id,name');
  });

  it('samples a split in the middle of the file from its own bytes on', () => {
    const start = Math.floor(size / 2);
    const chunks = sampleChunks({ path, start, length: size - start }, 4, 2048);
    expect(chunks.every((c) => !c.fileStart)).toBe(true);
    const ids = linesOf(chunks).map((line) => Number(line.split(',')[0]));
    expect(linesOf(chunks).every((line) => known.has(line))).toBe(true);
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(9_000);
  });

  it('reads a split not much bigger than its chunks whole', () => {
    const chunks = sampleChunks({ path, start: 0, length: size }, 8, size);
    expect(chunks).toEqual([{ text: `${lines.join('\n')}\n`, fileStart: true }]);
  });
});
