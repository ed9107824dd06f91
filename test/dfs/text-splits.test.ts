import { afterAll, beforeAll, expect, it } from 'vitest';
import { dfsRangeReader, getTextSplits, readLineSplit } from '@flint/dfs';
import { DfsTestCluster } from './cluster-harness.js';

const BLOCK = 64 * 1024;
let cluster: DfsTestCluster;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 3 });
});
afterAll(async () => {
  await cluster?.stop();
});

/** Lines of varied lengths (some longer than a block), mixed terminators, multi-byte characters. */
function makeText(lineCount: number): { text: string; lines: string[] } {
  const lines: string[] = [];
  const terminators: string[] = [];
  let seed = 11;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < lineCount; i++) {
    const length = next() % 50 === 0 ? BLOCK + (next() % 5000) : next() % 300;
    const characters = Array.from('aé東🙂 '.repeat(Math.ceil(length / 5))).slice(0, length);
    lines.push(`${i}:${characters.join('')}`);
    terminators.push(['\n', '\n', '\n', '\r\n', '\r'][next() % 5]);
  }
  const text = lines.map((line, i) => (i === lines.length - 1 ? line : line + terminators[i])).join('');
  return { text, lines };
}

it('gives every line of a DFS file exactly once, one split per block', async () => {
  const { text, lines } = makeText(3000);
  const client = await cluster.client();
  await client.writeFile('/splits/text.txt', Buffer.from(text, 'utf8'), { blockSize: BLOCK, replication: 2 });

  const splits = await getTextSplits(client, '/splits/text.txt');
  const size = Buffer.byteLength(text, 'utf8');
  expect(splits).toHaveLength(Math.ceil(size / BLOCK));
  expect(splits.reduce((sum, split) => sum + split.length, 0)).toBe(size);
  const liveHosts = new Set((await client.liveNodes()).map((node) => node.nodeId));
  for (const split of splits) {
    expect(split.nodeIds).toHaveLength(2);
    for (const nodeId of split.nodeIds) expect(liveHosts.has(nodeId)).toBe(true);
    expect(split.hosts).toEqual(['127.0.0.1']);
  }

  const reader = await dfsRangeReader(client, '/splits/text.txt');
  const read: string[] = [];
  for (const split of splits) read.push(...(await readLineSplit(reader, split.start, split.length)));
  expect(read.length).toBe(lines.length);
  const firstDifference = read.findIndex((line, i) => line !== lines[i]);
  expect(firstDifference).toBe(-1);
});

it('gives an empty DFS file one empty split with no lines', async () => {
  const client = await cluster.client();
  await client.writeFile('/splits/empty.txt', Buffer.alloc(0));
  const splits = await getTextSplits(client, '/splits/empty.txt');
  expect(splits).toEqual([{ path: '/splits/empty.txt', start: 0, length: 0, hosts: [], nodeIds: [] }]);
  expect(await readLineSplit(await dfsRangeReader(client, '/splits/empty.txt'), 0, 0)).toEqual([]);
});
