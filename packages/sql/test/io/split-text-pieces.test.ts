/**
 * A split's text read piece by piece (byte-splits.ts splitTextPieces): the pieces, end to end,
 * are exactly splitText's text for every way of cutting the file into splits; each piece is whole
 * lines starting at its stated byte offset; and a line longer than a piece still comes whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitText, splitTextPieces } from '../../src/io/files/byte-splits.js';
import { fileRanges } from '../../src/io/files/file-partitions.js';

const dir = mkdtempSync(join(tmpdir(), 'flint-split-pieces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Lines of varying length, multi-byte characters, and one line far longer than a piece.
const lines = Array.from({ length: 3000 }, (_, i) => (i === 1700 ? 'y'.repeat(5000) : `${i},${'é'.repeat(i % 7)}${'x'.repeat(i % 31)}`));
const path = join(dir, 'data.csv');
writeFileSync(path, `${lines.join('\n')}\n`);
const bytes = readFileSync(path);
const byteSplits = (splitBytes: number) => fileRanges(bytes.length, splitBytes, true).map((range) => ({ path, ...range }));

describe('splitTextPieces', () => {
  it.each([1 << 20, 7_001, 20_000])('pieces of every split add up to splitText, whole lines at their offsets (splits of %i bytes)', (splitBytes) => {
    const texts: string[] = [];
    for (const split of byteSplits(splitBytes)) {
      const pieces = [...splitTextPieces(split, 1024)];
      expect(pieces.map((p) => p.text).join('')).toBe(splitText(split).text);
      for (const piece of pieces) {
        expect(piece.text.endsWith('\n')).toBe(true);
        expect(bytes.subarray(piece.offset, piece.offset + Buffer.byteLength(piece.text)).toString('utf8')).toBe(piece.text);
      }
      texts.push(...pieces.map((p) => p.text));
    }
    expect(texts.join('')).toBe(bytes.toString('utf8'));
  });

  it('cuts a split into many pieces', () => {
    const [split] = byteSplits(1 << 20);
    expect([...splitTextPieces(split, 1024)].length).toBeGreaterThan(40);
  });
});
