/** A datanode's block store on a temporary directory: a stored replica is never written again. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
});
