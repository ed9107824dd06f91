import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsTestCluster, pseudoRandomBytes, sha256 } from './cluster-harness.js';

const BLOCK = 256 * 1024;

describe('DFS round trip through put and get', () => {
  let cluster: DfsTestCluster;
  let local: string;

  beforeAll(async () => {
    cluster = await DfsTestCluster.start({ datanodes: 3 });
    local = await mkdtemp(join(tmpdir(), 'flint-dfs-local-'));
  });
  afterAll(async () => {
    await cluster?.stop();
    if (local) await rm(local, { recursive: true, force: true });
  });

  const cases: [string, number][] = [
    ['a size the block size divides', 8 * BLOCK],
    ['a size the block size does not divide', 8 * BLOCK + 12_345],
    ['a size smaller than one block', 1000],
    ['an empty file', 0],
  ];

  for (const [name, size] of cases) {
    it(`keeps every byte of ${name}`, async () => {
      const data = pseudoRandomBytes(size, size + 7);
      const source = join(local, `in-${size}`);
      const target = join(local, `out-${size}`);
      await writeFile(source, data);
      const put = await cluster.cli(['dfs', 'put', source, `/roundtrip/f-${size}`, '--block-size', String(BLOCK), '--replication', '3']);
      expect(put.stderr).toBe('');
      expect(put.code).toBe(0);

      const get = await cluster.cli(['dfs', 'get', `/roundtrip/f-${size}`, target]);
      expect(get.code).toBe(0);
      expect(sha256(await readFile(target))).toBe(sha256(data));

      const client = await cluster.client();
      const status = await client.stat(`/roundtrip/f-${size}`);
      expect(status).toMatchObject({ kind: 'file', length: size, replication: 3, blockSize: BLOCK });
      const { blocks } = await client.getBlockLocations(`/roundtrip/f-${size}`, 0, size);
      expect(blocks).toHaveLength(Math.ceil(size / BLOCK));
      for (const block of blocks) expect(new Set(block.locations.map((l) => l.nodeId)).size).toBe(3);
    });
  }

  it('streams through cat and reads byte ranges across block boundaries', async () => {
    const data = pseudoRandomBytes(3 * BLOCK + 99, 42);
    const client = await cluster.client();
    await client.writeFile('/roundtrip/ranges', data, { blockSize: BLOCK, replication: 2 });
    const cat = await cluster.cli(['dfs', 'cat', '/roundtrip/ranges']);
    expect(cat.code).toBe(0);
    expect(sha256(cat.stdoutBytes)).toBe(sha256(data));
    const input = await client.open('/roundtrip/ranges');
    for (const [start, length] of [[0, 10], [BLOCK - 5, 10], [BLOCK, BLOCK], [2 * BLOCK - 1, BLOCK + 2], [3 * BLOCK, 99], [3 * BLOCK + 90, 50]]) {
      expect(sha256(await input.read(start, length))).toBe(sha256(data.subarray(start, start + length)));
    }
    expect((await client.getBlockLocations('/roundtrip/ranges', BLOCK + 1, BLOCK)).blocks.map((b) => b.offset)).toEqual([BLOCK, 2 * BLOCK]);
  });

  it('pipes binary data through cat unchanged and puts from stdin', async () => {
    const data = pseudoRandomBytes(BLOCK + 3, 5);
    const put = await cluster.cli(['dfs', 'put', '-', '/roundtrip/stdin', '--block-size', String(BLOCK)], { stdin: data });
    expect(put.code).toBe(0);
    const client = await cluster.client();
    expect(sha256(await client.readFile('/roundtrip/stdin'))).toBe(sha256(data));
  });

  it('lists, measures and deletes', async () => {
    const client = await cluster.client();
    await client.writeFile('/listing/a/one', Buffer.from('one\n'), { replication: 2 });
    await client.writeFile('/listing/two', Buffer.from('two two\n'), { replication: 1 });
    const ls = await cluster.cli(['dfs', 'ls', '-R', '/listing']);
    expect(ls.stdout.trim().split('\n').map((line) => line.split(' ').pop())).toEqual(['/listing/a', '/listing/a/one', '/listing/two']);
    const du = await cluster.cli(['dfs', 'du', '-s', '/listing']);
    expect(du.stdout.trim().split(/\s+/)).toEqual(['12', String(4 * 2 + 8), '/listing']);
    expect((await cluster.cli(['dfs', 'mkdir', '-p', '/listing/x/y'])).code).toBe(0);
    expect((await client.stat('/listing/x/y')).kind).toBe('directory');
    expect((await cluster.cli(['dfs', 'rm', '-r', '/listing'])).code).toBe(0);
    expect(await client.exists('/listing')).toBe(false);
  });
});
