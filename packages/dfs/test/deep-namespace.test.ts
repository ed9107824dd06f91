/**
 * A namespace far deeper than the namenode lets clients create (an edit log from before the
 * limits): walking, deleting, checkpointing and loading it neither recurse nor blow up.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Namespace, type FileNode } from '../src/namenode/namespace.js';
import { loadImage, saveImage } from '../src/namenode/fsimage.js';

const DEPTH = 50_000;
const deepPath = (depth: number): string => `/${Array.from({ length: depth }, (_, i) => `d${i}`).join('/')}`;
const leaf = (): FileNode => ({ kind: 'file', replication: 2, blockSize: 8, blocks: [{ blockId: 'blk_leaf', length: 5 }], modificationTime: 7 });

function deepNamespace(): Namespace {
  const namespace = new Namespace();
  namespace.mkdirs(deepPath(DEPTH), 3);
  namespace.addFile(`${deepPath(DEPTH)}/leaf`, leaf(), false);
  namespace.addFile('/side/a', { ...leaf(), blocks: [] }, false);
  return namespace;
}

describe('a namespace 50,000 directories deep', () => {
  it('is walked iteratively, parents before children, children by name', () => {
    const namespace = deepNamespace();
    let directories = 0;
    let files = 0;
    let previousLength = 0;
    for (const [path, node] of namespace.walk('/d0')) {
      if (node.kind === 'directory') directories++;
      else files++;
      // Each path extends the one before: one chain, top down (length only: reading every path is quadratic).
      expect(path.length).toBeGreaterThan(previousLength);
      previousLength = path.length;
    }
    expect([directories, files]).toEqual([DEPTH, 1]);
    expect([...namespace.walk('/')].map(([path]) => path).slice(0, 3)).toEqual(['/', '/d0', '/d0/d1']);
    expect([...namespace.files()].map((f) => f.blocks.length).sort()).toEqual([0, 1]);
  });

  it('survives an fsimage round trip with every node, time and block', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flint-deep-image-'));
    saveImage(dir, deepNamespace(), 42);
    const { namespace, lastTxid } = loadImage(dir);
    expect(lastTxid).toBe(42);
    const file = namespace.getFile(`${deepPath(DEPTH)}/leaf`);
    expect(file).toEqual(leaf());
    expect(namespace.lookup('/d0')?.modificationTime).toBe(3);
    // Adding the leaf touched its directory.
    expect(namespace.lookup(deepPath(DEPTH))?.modificationTime).toBe(7);
    expect(namespace.list('/').map((s) => s.path)).toEqual(['/d0', '/side']);
  });

  it('is deleted recursively, returning its files', () => {
    const namespace = deepNamespace();
    expect(namespace.delete('/d0', true, 9).map((f) => f.blocks[0].blockId)).toEqual(['blk_leaf']);
    expect(namespace.lookup('/d0')).toBeUndefined();
  });
});

describe('fsimage format', () => {
  it('still loads an image of the first format (full paths)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flint-image-v1-'));
    const entries = [
      { type: 'mkdirs', path: '/a', time: 5 },
      { type: 'addFile', path: '/a/b/f', replication: 3, blockSize: 16, blocks: [{ blockId: 'blk_1', length: 9 }], time: 6, overwrite: false },
    ];
    writeFileSync(join(dir, 'fsimage.json'), JSON.stringify({ version: 'flint-fsimage-1', lastTxid: 12, entries }));
    const { namespace, lastTxid } = loadImage(dir);
    expect(lastTxid).toBe(12);
    expect(namespace.getFile('/a/b/f').blocks).toEqual([{ blockId: 'blk_1', length: 9 }]);
    expect(namespace.lookup('/a')?.modificationTime).toBe(5);
  });

  it('refuses an entry whose parent is not an earlier directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flint-image-bad-'));
    const entries = [{ type: 'file', parent: 0, name: 'f', replication: 1, blockSize: 1, blocks: [], time: 1 }, { type: 'directory', parent: 1, name: 'under-a-file', time: 1 }];
    writeFileSync(join(dir, 'fsimage.json'), JSON.stringify({ version: 'flint-fsimage-2', lastTxid: 1, entries }));
    expect(() => loadImage(dir)).toThrow(/entry 1 \(under-a-file\) names a parent that is not an earlier directory/);
  });
});
