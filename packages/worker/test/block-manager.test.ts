import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockManager } from '../src/executor/block-manager.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function manager(budget: number): { blocks: BlockManager; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flint-block-manager-'));
  dirs.push(dir);
  return { blocks: new BlockManager(dir, budget), dir };
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('block manager', () => {
  it('keeps blocks in memory within its budget', () => {
    const { blocks } = manager(100);
    blocks.put('a', bytes(40, 1), 'memoryOnly');
    blocks.put('b', bytes(40, 2), 'memoryAndDisk');
    expect(blocks.stats()).toMatchObject({ memoryBytes: 80, diskBytes: 0, blocks: 2 });
    expect(blocks.get('a')).toEqual(bytes(40, 1));
  });

  it('over budget, spills the least recently used disk-capable block and drops memory-only ones', () => {
    const { blocks, dir } = manager(100);
    blocks.put('old-disk', bytes(40, 1), 'memoryAndDisk');
    blocks.put('old-memory', bytes(40, 2), 'memoryOnly');
    blocks.put('new', bytes(40, 3), 'memoryOnly');
    expect(existsSync(join(dir, 'old-disk'))).toBe(true);
    expect(readFileSync(join(dir, 'old-disk'))).toEqual(Buffer.from(bytes(40, 1)));
    expect(blocks.get('old-disk')).toEqual(Buffer.from(bytes(40, 1)));
    blocks.put('newest', bytes(40, 4), 'memoryOnly');
    expect(blocks.has('old-memory')).toBe(false);
    expect(blocks.stats().droppedBlocks).toBe(1);
    expect(blocks.stats().memoryBytes).toBeLessThanOrEqual(100);
  });

  it('never evicts a partition of the same RDD to cache another: the new one is dropped instead', () => {
    const { blocks } = manager(100);
    blocks.put('app1_rdd_3_0', bytes(40, 1), 'memoryOnly');
    blocks.put('app1_rdd_4_0', bytes(40, 2), 'memoryOnly');
    blocks.put('app1_rdd_3_1', bytes(40, 3), 'memoryOnly');
    // Room came from the other RDD, not from partition 0 of the same one.
    expect(blocks.has('app1_rdd_3_0')).toBe(true);
    expect(blocks.has('app1_rdd_4_0')).toBe(false);
    blocks.put('app1_rdd_3_2', bytes(40, 4), 'memoryOnly');
    expect(blocks.has('app1_rdd_3_2')).toBe(false);
    expect([blocks.has('app1_rdd_3_0'), blocks.has('app1_rdd_3_1')]).toEqual([true, true]);
    // A MEMORY_AND_DISK partition that does not fit goes to disk rather than away.
    blocks.put('app1_rdd_3_3', bytes(40, 5), 'memoryAndDisk');
    expect(blocks.get('app1_rdd_3_3')).toEqual(Buffer.from(bytes(40, 5)));
    expect(blocks.stats().memoryBytes).toBeLessThanOrEqual(100);
  });

  it('reports each dropped block once, by prefix, unless it was stored again', () => {
    const { blocks } = manager(100);
    blocks.put('app1_rdd_3_0', bytes(40, 1), 'memoryOnly');
    blocks.put('app2_rdd_3_0', bytes(40, 2), 'memoryOnly');
    blocks.put('app1_rdd_5_0', bytes(40, 3), 'memoryOnly');
    blocks.put('app1_rdd_6_0', bytes(40, 4), 'memoryOnly');
    expect(blocks.takeDropped('app1_rdd_')).toEqual(['app1_rdd_3_0']);
    expect(blocks.takeDropped('app1_rdd_')).toEqual([]);
    expect(blocks.takeDropped('app2_rdd_')).toEqual(['app2_rdd_3_0']);
    blocks.put('app1_rdd_3_0', bytes(40, 1), 'memoryOnly');
    expect(blocks.takeDropped('app1_rdd_')).toEqual(['app1_rdd_5_0']);
  });

  it('writes disk-only blocks straight to disk, and removes files with their blocks', () => {
    const { blocks, dir } = manager(1_000);
    blocks.put('d', bytes(10, 9), 'diskOnly');
    expect(blocks.stats()).toMatchObject({ memoryBytes: 0, diskBytes: 10 });
    expect(blocks.get('d')).toEqual(Buffer.from(bytes(10, 9)));
    blocks.removeWhere((key) => key === 'd');
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });

  it('never writes or reads through a symbolic link in its directory', () => {
    const { blocks, dir } = manager(1_000);
    const outside = join(dir, '..', `${dir.split('/').pop()}-outside`);
    dirs.push(outside);
    writeFileSync(outside, 'not a block');
    symlinkSync(outside, join(dir, 'planted'));
    blocks.put('planted', bytes(10, 7), 'diskOnly');
    expect(readFileSync(outside, 'utf8')).toBe('not a block');
    expect(lstatSync(join(dir, 'planted')).isFile()).toBe(true);
    expect(blocks.get('planted')).toEqual(Buffer.from(bytes(10, 7)));
    // A link put in place of a stored block is not followed on read.
    rmSync(join(dir, 'planted'));
    symlinkSync(outside, join(dir, 'planted'));
    expect(() => blocks.get('planted')).toThrow(/ELOOP/);
  });
});
