import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFileSplits, localFileRangeReader, readLineSplit, type RangeReader } from '../src/index.js';

/** The sequential reference: every line of the whole text, split on \n, \r\n and \r. */
function referenceLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}

function memoryReader(bytes: Uint8Array): RangeReader {
  return { size: bytes.length, read: async (position, length) => bytes.slice(position, position + length) };
}

async function linesOfCuts(reader: RangeReader, cuts: number[], readAheadBytes: number): Promise<string[]> {
  const bounds = [0, ...cuts, reader.size];
  const lines: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    lines.push(...(await readLineSplit(reader, bounds[i], bounds[i + 1] - bounds[i], { readAheadBytes })));
  }
  return lines;
}

const samples: Record<string, string> = {
  'empty': '',
  'one line without newline': 'hello',
  'one line with newline': 'hello\n',
  'only newlines': '\n\n\n',
  'unix lines, no final newline': 'a\nbb\nccc\n\ndddd',
  'windows lines': 'one\r\ntwo\r\n\r\nthree\r\n',
  'old mac lines': 'one\rtwo\r\rthree',
  'mixed terminators': 'a\r\n\rb\n\r\nc\r\r\nd',
  'multi-byte utf-8': 'zürich\n東京 tōkyō\r\n🙂🙂\r€ end',
};

describe('readLineSplit', () => {
  for (const [name, text] of Object.entries(samples)) {
    it(`gives every line exactly once for every cut: ${name}`, async () => {
      const reader = memoryReader(new TextEncoder().encode(text));
      const expected = referenceLines(text);
      for (const readAheadBytes of [1, 2, 3, 7, 64]) {
        // Cuts start at 1: two splits both starting at offset 0 would both own the first line.
        for (let cut = 1; cut <= reader.size; cut++) {
          expect(await linesOfCuts(reader, [cut], readAheadBytes)).toEqual(expected);
        }
        for (let splitSize = 1; splitSize <= reader.size + 1; splitSize++) {
          const cuts = computeFileSplits(reader.size, splitSize).map((s) => s.start).slice(1);
          expect(await linesOfCuts(reader, cuts, readAheadBytes)).toEqual(expected);
        }
      }
    });
  }

  it('gives every line exactly once for random cuts of a large random text', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'b', ' ', 'é', '東', '🙂', '\n', '\r\n', '\r', '\n\n'];
    let text = '';
    while (text.length < 100_000) text += alphabet[Math.floor(random() * alphabet.length)];
    const reader = memoryReader(new TextEncoder().encode(text));
    const expected = referenceLines(text);
    for (let round = 0; round < 12; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 30) }, () => 1 + Math.floor(random() * reader.size));
      cuts.sort((a, b) => a - b);
      expect(await linesOfCuts(reader, cuts, 1 + Math.floor(random() * 5000))).toEqual(expected);
    }
  });

  it('rejects a negative range', async () => {
    await expect(readLineSplit(memoryReader(new Uint8Array(4)), -1, 2)).rejects.toThrow(/invalid split/);
  });
});

describe('localFileRangeReader', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'flint-splits-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads lines of a local file through 64 KiB splits', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)} ü`).join('\n');
    const path = join(dir, 'lines.txt');
    await writeFile(path, text);
    const reader = await localFileRangeReader(path);
    try {
      const lines: string[] = [];
      for (const split of computeFileSplits(reader.size, 64 * 1024)) {
        lines.push(...(await readLineSplit(reader, split.start, split.length)));
      }
      expect(lines).toEqual(referenceLines(text));
    } finally {
      await reader.close();
    }
  });
});

describe('computeFileSplits', () => {
  it('covers the file with consecutive ranges', () => {
    expect(computeFileSplits(10, 4)).toEqual([{ start: 0, length: 4 }, { start: 4, length: 4 }, { start: 8, length: 2 }]);
    expect(computeFileSplits(8, 4)).toEqual([{ start: 0, length: 4 }, { start: 4, length: 4 }]);
  });
  it('gives an empty file one empty split', () => {
    expect(computeFileSplits(0, 4)).toEqual([{ start: 0, length: 0 }]);
  });
  it('rejects a non-positive split size', () => {
    expect(() => computeFileSplits(10, 0)).toThrow(/invalid split size/);
  });
});
