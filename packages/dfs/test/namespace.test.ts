import { describe, expect, it } from 'vitest';
import { Namespace, normalizePath, type FileNode } from '../src/namenode/namespace.js';

const file = (length: number, time = 1): FileNode => ({
  kind: 'file',
  replication: 3,
  blockSize: 10,
  blocks: length > 0 ? [{ blockId: `blk_${length}`, length }] : [],
  modificationTime: time,
});

describe('Namespace', () => {
  it('normalizes paths and rejects relative ones and dot components', () => {
    expect(normalizePath('//a///b/')).toBe('/a/b');
    expect(normalizePath('/')).toBe('/');
    expect(() => normalizePath('a/b')).toThrow(/not absolute/);
    expect(() => normalizePath('/a/../b')).toThrow(/must not contain/);
  });

  it('creates parents for files and lists entries sorted by name', () => {
    const namespace = new Namespace();
    namespace.addFile('/d/b', file(5), false);
    namespace.addFile('/d/a', file(7), false);
    expect(namespace.list('/d').map((s) => [s.path, s.kind, s.length])).toEqual([
      ['/d/a', 'file', 7],
      ['/d/b', 'file', 5],
    ]);
    expect(namespace.list('/d/a')).toHaveLength(1);
    expect(namespace.list('/')[0]).toMatchObject({ path: '/d', kind: 'directory' });
  });

  it('refuses to create over a file or under a file, and replaces only with overwrite', () => {
    const namespace = new Namespace();
    namespace.addFile('/f', file(1), false);
    expect(() => namespace.checkCreatable('/f', false)).toThrow(/already exists/);
    expect(() => namespace.checkCreatable('/f/child', true)).toThrow(/is a file, not a directory/);
    expect(() => namespace.mkdirs('/f/dir', 1)).toThrow(/is a file/);
    expect(namespace.addFile('/f', file(2), true)?.blocks[0].blockId).toBe('blk_1');
    expect(namespace.getFile('/f').blocks[0].blockId).toBe('blk_2');
  });

  it('deletes recursively only when asked, returning the removed files', () => {
    const namespace = new Namespace();
    namespace.addFile('/d/x/1', file(1), false);
    namespace.addFile('/d/2', file(2), false);
    expect(() => namespace.delete('/d', false, 2)).toThrow(/non-empty directory/);
    expect(() => namespace.delete('/', true, 2)).toThrow(/root/);
    expect(() => namespace.delete('/nope', true, 2)).toThrow(/no such file/);
    expect(namespace.delete('/d', true, 2).map((f) => f.blocks[0].length).sort()).toEqual([1, 2]);
    expect(namespace.lookup('/d')).toBeUndefined();
  });
});
