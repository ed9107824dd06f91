/**
 * On local-cluster[2,1] (real worker processes): a file added with fc.addFile is read inside tasks
 * on each executor through SparkFiles, object files are saved to and read from Flint DFS
 * (re-split into more partitions than were saved), and binaryRecords reads a DFS file whose
 * blocks end inside records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { FlintContext, SparkFiles as DriverSparkFiles } from '@flint/driver';

// Shipped functions name SparkFiles as a global, which task threads define (vitest renames imports).
declare const SparkFiles: typeof DriverSparkFiles;

const BLOCK_SIZE = 64 * 1024;
const RECORD_LENGTH = 12;

describe('added files and record files on a local cluster', () => {
  let fc: FlintContext;
  let tmp: string;
  const records = Buffer.alloc(RECORD_LENGTH * 20_000);

  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'files-and-records' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-cluster-files-'));
    for (let i = 0; i < 20_000; i++) records.write(`#${String(i).padStart(10, '0')}.`, i * RECORD_LENGTH);
    const client = await DfsClient.connect(fc.localCluster!.namenode);
    try {
      await client.writeFile('/records.bin', records, { replication: 2, blockSize: BLOCK_SIZE });
    } finally {
      client.close();
    }
  });

  afterAll(async () => {
    await fc?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reads an added file inside a map on the workers, from each executor’s own copy', async () => {
    const lookup = path.join(tmp, 'rates.json');
    fs.writeFileSync(lookup, JSON.stringify({ a: 2, b: 3 }));
    fc.addFile(lookup);
    const out = await fc
      .parallelize(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'], 8)
      .map((key) => {
        const rates = JSON.parse(process.getBuiltinModule('node:fs').readFileSync(SparkFiles.get('rates.json'), 'utf8')) as Record<string, number>;
        return [key, rates[key], SparkFiles.getRootDirectory(), process.pid] as const;
      })
      .collect();
    expect(out.map(([key, rate]) => [key, rate])).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'].map((key) => [key, key === 'a' ? 2 : 3]));
    // Every task ran in a worker process, each process reading its own directory.
    const roots = new Map(out.map(([, , root, pid]) => [pid, root]));
    expect(roots.has(process.pid)).toBe(false);
    expect(new Set(roots.values()).size).toBe(roots.size);
  });

  it('saves object files to DFS and reads them back in more partitions than were saved', async () => {
    const data = Array.from({ length: 30_000 }, (_, i) => ({ i, tag: `t${i % 7}`, list: [i, null] }));
    await fc.parallelize(data, 3).saveAsPickleFile('dfs:///objects', 4);
    const back = fc.pickleFile<(typeof data)[number]>('dfs:///objects', 12);
    expect(back.getNumPartitions()).toBeGreaterThanOrEqual(12);
    expect(await back.collect()).toEqual(data);
  });

  it('reads fixed-length records of a DFS file whose blocks end inside records', async () => {
    const rdd = fc.binaryRecords('dfs:///records.bin', RECORD_LENGTH);
    expect(rdd.getNumPartitions()).toBeGreaterThan(1);
    const partitions = await rdd.glom().collect();
    expect(partitions.flat().every((r) => r.length === RECORD_LENGTH)).toBe(true);
    expect(Buffer.concat(partitions.flat()).equals(records)).toBe(true);
  });
});
