/**
 * On local-cluster[2,1] (real worker processes): a file added with fc.addFile (local, or from DFS,
 * a directory too) and an archive added with fc.addArchive (unpacked by each executor) are read
 * inside tasks on each executor through SparkFiles, object files are saved to and read from Flint DFS
 * (re-split into more partitions than were saved), and binaryRecords reads a DFS file whose
 * blocks end inside records.
 */
import { execFileSync } from 'node:child_process';
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
    fs.mkdirSync(path.join(tmp, 'model/weights'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'model/weights/w.txt'), '0.25');
    // The archive is made by the system's tar, not by Flint.
    execFileSync('tar', ['-czf', path.join(tmp, 'model.tgz'), '-C', path.join(tmp, 'model'), '.']);
    const client = await DfsClient.connect(fc.localCluster!.namenode);
    try {
      await client.writeFile('/records.bin', records, { replication: 2, blockSize: BLOCK_SIZE });
      await client.writeFile('/lookup/factors.json', Buffer.from(JSON.stringify({ a: 5, b: 7 })));
      await client.writeFile('/lookup/conf/nested/level.txt', Buffer.from('deep'));
      await client.writeFile('/deps/model.tgz', fs.readFileSync(path.join(tmp, 'model.tgz')));
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

  it('unpacks an added archive in each worker process and reads a file inside it in a map', async () => {
    fc.addArchive(path.join(tmp, 'model.tgz'));
    const out = await fc
      .parallelize([1, 2, 3, 4, 5, 6, 7, 8], 8)
      .map((x) => [x * Number(process.getBuiltinModule('node:fs').readFileSync(`${SparkFiles.get('model.tgz')}/weights/w.txt`, 'utf8')), process.pid] as const)
      .collect();
    expect(out.map(([value]) => value)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
    expect(out.some(([, pid]) => pid === process.pid)).toBe(false);
  });

  it('adds a file, a directory (recursive) and an archive from DFS, each read in tasks on the workers', async () => {
    const namenode = fc.localCluster!.namenode;
    fc.addFile('dfs:///lookup/factors.json');
    fc.addFile(`dfs://${namenode}/lookup/conf`, true);
    fc.addArchive('dfs:///deps/model.tgz#model');
    expect(fc.listFiles).toEqual(expect.arrayContaining([`dfs://${namenode}/lookup/factors.json`, `dfs://${namenode}/lookup/conf`]));
    expect(fc.listArchives).toContain(`dfs://${namenode}/deps/model.tgz#model`);
    const out = await fc
      .parallelize(['a', 'b', 'a', 'b'], 4)
      .map((key) => {
        const fs = process.getBuiltinModule('node:fs');
        const factors = JSON.parse(fs.readFileSync(SparkFiles.get('factors.json'), 'utf8')) as Record<string, number>;
        return [key, factors[key], fs.readFileSync(`${SparkFiles.get('conf')}/nested/level.txt`, 'utf8'), fs.readFileSync(`${SparkFiles.get('model')}/weights/w.txt`, 'utf8')];
      })
      .collect();
    expect(out).toEqual(['a', 'b', 'a', 'b'].map((key) => [key, key === 'a' ? 5 : 7, 'deep', '0.25']));
    expect(() => fc.addFile('dfs:///lookup/missing.json')).toThrow(`File dfs://${namenode}/lookup/missing.json does not exist`);
    expect(() => fc.addFile('dfs:///lookup')).toThrow(`Added file dfs://${namenode}/lookup is a directory and recursive is not turned on.`);
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
