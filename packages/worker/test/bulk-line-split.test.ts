import { describe, expect, it } from 'vitest';
import { readLineSplit, type RangeReader } from '@flint/dfs';
import { readLinesInBulk } from '../src/thread/bulk-line-split.js';

function memoryReader(bytes: Uint8Array): RangeReader {
  return { size: bytes.length, read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)) };
}

/** Every way of cutting the file into splits of `size` bytes must give each line exactly once, in order. */
async function linesBySplits(read: typeof readLinesInBulk, bytes: Uint8Array, size: number): Promise<string[]> {
  const lines: string[] = [];
  for (let start = 0; start < Math.max(bytes.length, 1); start += size) {
    lines.push(...(await read(memoryReader(bytes), start, Math.min(size, bytes.length - start))));
  }
  return lines;
}

const texts = {
  'LF lines': 'alpha\nbeta\n\ngamma delta\nepsilon\n',
  'no final newline': 'one\ntwo\nthree',
  'CRLF and lone CR': 'a\r\nbb\r\n\r\nccc\rdddd\r\n',
  'multi-byte characters': 'héllo wörld\n日本語のテキスト\nemoji 🎉🎉\nend',
  'one long line': 'x'.repeat(300),
  'empty file': '',
};

describe('bulk line splits follow the same line rule as readLineSplit', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(name, async () => {
      const bytes = new TextEncoder().encode(text);
      for (let size = 1; size <= bytes.length + 1; size++) {
        const bulk = await linesBySplits(readLinesInBulk, bytes, size);
        const reference = await linesBySplits(readLineSplit, bytes, size);
        expect(bulk, `split size ${size}`).toEqual(reference);
      }
    });
  }
});
