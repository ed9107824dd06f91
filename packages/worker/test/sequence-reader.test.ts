// A SequenceFile split reads the header and its own bytes, not the whole file (a file cut into 8
// splits was read 8 times), and every record comes back once, in order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RangeReader } from '@flint/dfs/client';
import { encodeSequenceFile, type SequenceCompression } from '../src/thread/sequence-file/sequence-file.js';
import { readSequenceFileSplit } from '../src/thread/sequence-file/sequence-reader.js';

/** A reader over bytes in memory that counts the bytes it hands out. */
function countingReader(bytes: Uint8Array): RangeReader & { bytesRead: number } {
  return {
    size: bytes.length,
    bytesRead: 0,
    async read(position, length) {
      const slice = bytes.subarray(position, Math.min(bytes.length, position + length));
      this.bytesRead += slice.length;
      return slice;
    },
  };
}

const pairsOf = (count: number) => Array.from({ length: count }, (_, i) => [i, `value ${i} ${'x'.repeat(i % 11)}`] as [number, string]);

// Sizes: about 1.2 MB, 0.4 MB (compressing each record costs a zlib set-up: kept small) and 0.7 MB.
describe.each<[SequenceCompression, string | undefined, number]>([
  ['NONE', undefined, 40_000],
  ['RECORD', 'org.apache.hadoop.io.compress.DefaultCodec', 12_000],
  ['BLOCK', 'org.apache.hadoop.io.compress.GzipCodec', 120_000],
])('a %s SequenceFile cut into splits', (compression, codec, count) => {
  let pairs: [number, string][];
  let file: Uint8Array;
  beforeAll(() => {
    pairs = pairsOf(count);
    file = encodeSequenceFile(pairs, { compression, codec: codec as never });
  });

  it.each([1, 8])('%i splits give every record once, in order, without reading the whole file per split', async (splits) => {
    const reader = countingReader(file);
    let read: [unknown, unknown][] = [];
    const size = Math.ceil(file.length / splits);
    for (let start = 0; start < file.length; start += size) read = read.concat(await readSequenceFileSplit(reader, 'test.seq', start, Math.min(size, file.length - start)));
    expect(read).toEqual(pairs);
    // Each split reads the header, its own bytes, the bytes up to its first sync and those after its
    // end up to the next sync (a block at most): a bounded overhead per split. Reading the whole file
    // per split, as before, exceeds this bound at 8 splits in all three formats.
    expect(reader.bytesRead).toBeLessThan(file.length + splits * 300 * 1024);
  });
});

it('a truncated file is a clear error, not a hang', async () => {
  const file = encodeSequenceFile(pairsOf(1000), { compression: 'NONE' });
  await expect(readSequenceFileSplit(countingReader(file.subarray(0, file.length - 5)), 'cut.seq', 0, file.length - 5)).rejects.toThrow('cut.seq is corrupt or truncated: a record at byte');
});
