/**
 * The same jobs give identical results on local[2], local-cluster[3,1] and a cluster started with
 * the `flint` CLI (namenode + workers as separate processes, reached as flint://host:port), and
 * equal a sequential reference. Word count reads its text from a local file in local mode and
 * from Flint DFS on the clusters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DfsClient } from '@flint/dfs';
import { FlintContext, LocalCluster, capture } from '@flint/driver';
import { generateLines, wordCountReference } from './harness.js';

const lines = generateLines(4_000);
const text = `${lines.join('\n')}\n`;
const left: [number, string][] = Array.from({ length: 300 }, (_, i) => [i % 50, `l${i}`]);
const right: [number, number][] = Array.from({ length: 200 }, (_, i) => [(i * 7) % 60, i]);
const numbers = Array.from({ length: 2_000 }, (_, i) => (i * 7919) % 1_009);

function joinReference(): [number, [string, number]][] {
  const out: [number, [string, number]][] = [];
  for (const [k, v] of left) for (const [k2, w] of right) if (k === k2) out.push([k, [v, w]]);
  return out.sort(comparePairs);
}

function comparePairs(a: [number, [string, number]], b: [number, [string, number]]): number {
  return a[0] - b[0] || a[1][0].localeCompare(b[1][0]) || a[1][1] - b[1][1];
}

/** Gradient-descent-like loop over a cached RDD: each iteration is a job using the last result. */
function iterativeReference(): number[] {
  let weight = 1;
  const history: number[] = [];
  for (let i = 0; i < 4; i++) {
    const total = numbers.reduce((sum, x) => sum + ((x * weight) % 97), 0);
    weight = (total % 13) + 1;
    history.push(total);
  }
  return history;
}

interface Setup {
  name: string;
  start(): Promise<{ fc: FlintContext; input: string; cleanup(): Promise<void> }>;
}

const dir = mkdtempSync(join(tmpdir(), 'flint-same-results-'));
const localText = join(dir, 'words.txt');
writeFileSync(localText, text);

async function withDfsText(fc: FlintContext, namenode: string): Promise<string> {
  const client = await DfsClient.connect(namenode);
  try {
    await client.writeFile('/e2e/words.txt', Buffer.from(text), { replication: 2, blockSize: 16 * 1024 });
  } finally {
    client.close();
  }
  return 'dfs:///e2e/words.txt';
}

const setups: Setup[] = [
  {
    name: 'local[2]',
    async start() {
      const fc = await FlintContext.create({ master: 'local[2]' });
      return { fc, input: localText, cleanup: () => fc.stop() };
    },
  },
  {
    name: 'local-cluster[3,1]',
    async start() {
      const fc = await FlintContext.create({ master: 'local-cluster[3,1]' });
      return { fc, input: await withDfsText(fc, fc.localCluster!.namenode), cleanup: () => fc.stop() };
    },
  },
  {
    name: 'a cluster started with the flint CLI (flint://)',
    async start() {
      const cluster = await LocalCluster.start(3, 1);
      try {
        const fc = await FlintContext.create({ master: `flint://${cluster.namenode}` });
        const input = await withDfsText(fc, cluster.namenode);
        return { fc, input, cleanup: async () => (await fc.stop(), await cluster.stop()) };
      } catch (error) {
        await cluster.stop();
        throw error;
      }
    },
  },
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(setups)('on $name', (setup) => {
  let fc: FlintContext;
  let input: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ fc, input, cleanup } = await setup.start());
  });
  afterAll(async () => cleanup?.());

  it('counts words like the sequential reference', async () => {
    const counts = await fc
      .textFile(input)
      .flatMap((line) => line.split(' '))
      .filter((w) => w.length > 0)
      .map((w): [string, number] => [w, 1])
      .reduceByKey((a, b) => a + b, 4)
      .collectAsMap();
    expect(counts).toEqual(wordCountReference(lines));
  });

  it('joins like nested loops', async () => {
    const joined = await fc.parallelize(left, 3).join(fc.parallelize(right, 2), 3).collect();
    expect(joined.sort(comparePairs)).toEqual(joinReference());
  });

  it('merges a custom accumulator (AccumulatorParam) from every task', async () => {
    const histogram = fc.accumulator([0, 0, 0], {
      zero: () => [0, 0, 0],
      addInPlace: (a: number[], b: number[]) => a.map((v, i) => v + b[i]),
    });
    await fc.parallelize(numbers, 6).foreach(capture({ histogram }, (x, { histogram }) => histogram.add([x % 3 === 0 ? 1 : 0, x % 3 === 1 ? 1 : 0, x % 3 === 2 ? 1 : 0])));
    expect(histogram.value).toEqual([0, 1, 2].map((r) => numbers.filter((x) => x % 3 === r).length));
  });

  it('sorts across partitions', async () => {
    const sorted = await fc.parallelize(numbers, 5).sortBy((x) => x, true, 4).collect();
    expect(sorted).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('iterates over a cached RDD, computing it once', async () => {
    const computed = fc.accumulator(0);
    const cached = fc
      .parallelize(numbers, 6)
      .map(capture({ computed }, (x, { computed }) => (computed.add(1), x)))
      .cache();
    let weight = 1;
    const history: number[] = [];
    for (let i = 0; i < 4; i++) {
      const total = await cached.map(capture({ weight }, (x, { weight }) => (x * weight) % 97)).sum();
      weight = (total % 13) + 1;
      history.push(total);
    }
    expect(history).toEqual(iterativeReference());
    expect(computed.value).toBe(numbers.length);
    // Delay scheduling may give up on a busy executor now and then; most reads stay where the data is.
    const local = fc.jobHistory.slice(-3).map((job) => job.locality.PROCESS_LOCAL);
    expect(local.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(14);
  });
});
