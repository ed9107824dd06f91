import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localTextSplits } from '../src/context/text-input.js';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'flint-text-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sparse file of the given size: only sizes matter to split planning. */
function fileOfSize(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

const lengths = (path: string, minPartitions: number, slots: number) => localTextSplits(path, minPartitions, slots).map((s) => s.length);

describe('local text splits', () => {
  it('cut a file of several local blocks into whole rounds of task slots', () => {
    const path = fileOfSize('100mib', 100 * MiB);
    expect(lengths(path, 2, 2)).toEqual([25 * MiB, 25 * MiB, 25 * MiB, 25 * MiB]);
    expect(lengths(path, 2, 3).length).toBe(6);
    expect(lengths(path, 1, 1)).toEqual([25 * MiB, 25 * MiB, 25 * MiB, 25 * MiB]);
    expect(lengths(path, 8, 2)).toEqual(Array(8).fill(12.5 * MiB));
  });

  it('keep Hadoop’s count for inputs of one block or less', () => {
    const path = fileOfSize('10mib', 10 * MiB);
    expect(lengths(path, 2, 4)).toEqual([5 * MiB, 5 * MiB]);
    expect(lengths(path, 1, 4)).toEqual([10 * MiB]);
  });

  it('cover every byte of the input exactly once', () => {
    const path = fileOfSize('odd', 77 * MiB + 12345);
    const splits = localTextSplits(path, 2, 2);
    let next = 0;
    for (const split of splits) {
      expect(split.start).toBe(next);
      next += split.length;
    }
    expect(next).toBe(77 * MiB + 12345);
    expect(splits.length % 2).toBe(0);
  });
});
