/**
 * textFile over DFS follows Hadoop's FileInputFormat: one split per block, and blocks cut into
 * smaller splits when minPartitions asks for more; every line is read exactly once, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { FlintContext } from '@flint/driver';

const BLOCK_SIZE = 64 * 1024;
const lines = Array.from({ length: 12_000 }, (_, i) => `line ${i} ${'abcdefghij'.slice(0, i % 11)}`);
const text = lines.join('\n') + '\n';

describe('textFile over DFS with minPartitions', () => {
  let fc: FlintContext;
  const path = 'dfs:///min-partitions/lines.txt';

  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'dfs-min-partitions' });
    const client = await DfsClient.connect(fc.localCluster!.namenode);
    try {
      await client.writeFile('/min-partitions/lines.txt', Buffer.from(text), { replication: 2, blockSize: BLOCK_SIZE });
    } finally {
      client.close();
    }
  });
  afterAll(async () => {
    await fc?.stop();
  });

  it('gives one partition per block when that is enough', async () => {
    const blocks = Math.ceil(Buffer.byteLength(text) / BLOCK_SIZE);
    const rdd = fc.textFile(path);
    expect(rdd.getNumPartitions()).toBe(blocks);
    expect(await rdd.collect()).toEqual(lines);
  });

  it('cuts blocks into more splits for a larger minPartitions, keeping every line once and in order', async () => {
    const rdd = fc.textFile(path, 20);
    expect(rdd.getNumPartitions()).toBeGreaterThanOrEqual(20);
    expect(await rdd.collect()).toEqual(lines);
    expect(await rdd.count()).toBe(lines.length);
  });
});
