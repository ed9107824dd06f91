/** A datanode's block store on a temporary directory: a stored replica is never written again. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlockStore } from '../src/datanode/block-store.js';

const root = mkdtempSync(join(tmpdir(), 'flint-block-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function readAll(store: BlockStore, blockId: string): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of store.read(blockId, 0, 1 << 20)) parts.push(part);
  return Buffer.concat(parts).toString();
}

describe('BlockStore', () => {
  it('refuses to write a block it stores, and of two writes at once the first to finish keeps its bytes', async () => {
    const store = await BlockStore.open(join(root, 'dn'));
    const first = await store.createWriter('blk_1');
    const second = await store.createWriter('blk_1');
    await first.write(Buffer.from('first'));
    await second.write(Buffer.from('other'));
    await first.finalize();
    await expect(second.finalize()).rejects.toThrow('Block blk_1 already exists in state FINALIZED and thus cannot be created.');
    await expect(store.createWriter('blk_1')).rejects.toThrow('Block blk_1 already exists in state FINALIZED and thus cannot be created.');
    expect(await readAll(store, 'blk_1')).toBe('first');
    expect(readdirSync(join(root, 'dn', 'tmp'))).toEqual([]);

    // Deleted, it may be written again (a replica re-replicated back to this node).
    await store.delete('blk_1');
    const again = await store.createWriter('blk_1');
    await again.write(Buffer.from('again'));
    await again.finalize();
    expect(await readAll(store, 'blk_1')).toBe('again');
  });

  it('never reads or writes through a symbolic link: a linked block is not loaded, and a link where a write lands is replaced', async () => {
    const dir = join(root, 'linked');
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'not a block');
    const store = await BlockStore.open(dir);
    for (const id of ['blk_2', 'blk_3']) {
      const writer = await store.createWriter(id);
      await writer.write(Buffer.from('not a block'));
      await writer.finalize();
    }
    // blk_2's bytes become a link to a file elsewhere (with the same bytes, so checksums would pass).
    rmSync(join(dir, 'current', 'blk_2'));
    symlinkSync(outside, join(dir, 'current', 'blk_2'));
    await expect(readAll(store, 'blk_2')).rejects.toThrow(/ELOOP/);
    const reopened = await BlockStore.open(dir);
    expect(reopened.has('blk_2')).toBe(false);
    expect(reopened.has('blk_3')).toBe(true);
    // A link planted where the next write's checksums go is replaced, not written through.
    symlinkSync(outside, join(dir, 'tmp', 'blk_4.0.meta'));
    const writer = await reopened.createWriter('blk_4');
    await writer.write(Buffer.from('new block'));
    await writer.finalize();
    expect(readFileSync(outside, 'utf8')).toBe('not a block');
    expect(await readAll(reopened, 'blk_4')).toBe('new block');
  });
});
