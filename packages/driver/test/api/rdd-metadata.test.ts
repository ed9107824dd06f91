// PySpark's doctests for an RDD's own metadata: name()/setName, getStorageLevel() and its str(),
// getCheckpointFile(), localCheckpoint()/isLocallyCheckpointed(), getResourceProfile(), context,
// and mapPartitionsWithSplit / map(f, preservesPartitioning).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, StorageLevel, capture } from '@flint/driver';

let fc: FlintContext;
let checkpointDir: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-metadata' });
  checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-metadata-'));
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(checkpointDir, { recursive: true, force: true });
});

describe('name and setName', () => {
  it('name() is null until setName, which returns the RDD (doctests)', () => {
    expect(fc.range(5).name()).toBeNull();
    const rdd = fc.parallelize([1, 2]);
    expect(rdd.setName('I am an RDD').name()).toBe('I am an RDD');
  });
});

describe('context', () => {
  it('is the context the RDD was created on (doctest: rdd.context is sc)', () => {
    expect(fc.range(5).context).toBe(fc);
  });
});

describe('getStorageLevel', () => {
  it('prints as PySpark prints StorageLevel (doctests)', () => {
    const rdd = fc.parallelize([1, 2]);
    expect(rdd.getStorageLevel()).toBe(StorageLevel.NONE);
    expect(String(rdd.getStorageLevel())).toBe('Serialized 1x Replicated');
    const persisted = fc.parallelize(['b', 'a', 'c']).persist();
    expect(persisted.isCached).toBe(true);
    expect(String(persisted.getStorageLevel())).toBe('Memory Serialized 1x Replicated');
    const rdd2 = fc.range(5).persist(StorageLevel.MEMORY_AND_DISK);
    expect(String(rdd2.getStorageLevel())).toBe('Disk Memory Serialized 1x Replicated');
    expect(() => rdd2.persist(StorageLevel.MEMORY_ONLY_2)).toThrow('Cannot change the storage level');
    rdd2.unpersist();
    expect(rdd2.isCached).toBe(false);
    rdd2.persist(StorageLevel.MEMORY_ONLY_2);
    expect(String(rdd2.getStorageLevel())).toBe('Memory Serialized 2x Replicated');
    expect(String(StorageLevel.DISK_ONLY)).toBe('Disk Serialized 1x Replicated');
  });

  it('has PySpark StorageLevel fields', () => {
    expect(StorageLevel.MEMORY_AND_DISK).toMatchObject({ useDisk: true, useMemory: true, useOffHeap: false, deserialized: false, replication: 1 });
  });
});

describe('getCheckpointFile', () => {
  it('is null before the first action and names the directory after (doctest)', async () => {
    const context = await FlintContext.create({ master: 'local[2]', appName: 'api-checkpoint-file' });
    try {
      context.setCheckpointDir(checkpointDir);
      const rdd = context.range(5);
      expect(rdd.isCheckpointed).toBe(false);
      expect(rdd.getCheckpointFile()).toBeNull();
      rdd.checkpoint();
      expect(rdd.getCheckpointFile()).toBeNull();
      expect(await rdd.count()).toBe(5);
      expect(rdd.isCheckpointed).toBe(true);
      const file = rdd.getCheckpointFile();
      expect(file).not.toBeNull();
      expect(fs.readdirSync(file!).filter((f) => f.startsWith('part-')).length).toBe(rdd.getNumPartitions());
    } finally {
      await context.stop();
    }
  });
});

describe('localCheckpoint', () => {
  it('marks the RDD (doctest), keeps it on disk and memory, and counts as checkpointed once computed', async () => {
    const computed = fc.accumulator(0);
    const rdd = fc.range(0, 6, 1, 2).map(capture({ computed }, (x, { computed }) => (computed.add(1), x * 3)));
    expect(rdd.isLocallyCheckpointed()).toBe(false);
    rdd.localCheckpoint();
    expect(rdd.isLocallyCheckpointed()).toBe(true);
    expect(rdd.getStorageLevel()).toBe(StorageLevel.MEMORY_AND_DISK);
    expect(rdd.isCheckpointed).toBe(false);
    expect(await rdd.collect()).toEqual([0, 3, 6, 9, 12, 15]);
    expect(rdd.isCheckpointed).toBe(true);
    expect(rdd.getCheckpointFile()).toBeNull();
    expect(await rdd.sum()).toBe(45);
    expect(computed.value).toBe(6);
  });

  it('adds disk to a memory-only level', () => {
    const rdd = fc.range(3).cache();
    rdd.localCheckpoint();
    expect(rdd.getStorageLevel()).toBe(StorageLevel.MEMORY_AND_DISK);
  });
});

describe('getResourceProfile', () => {
  it('is null: no profile was specified', () => {
    expect(fc.range(3).getResourceProfile()).toBeNull();
  });
});

describe('mapPartitionsWithSplit', () => {
  it('passes the split index (doctest: sum is 6)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4], 4);
    expect(await rdd.mapPartitionsWithSplit(function* (splitIndex) { yield splitIndex; }).sum()).toBe(6);
  });
});

describe('preservesPartitioning', () => {
  it('map(f, true) keeps the partitioner, so a following reduceByKey needs no shuffle', () => {
    const partitioned = fc.parallelize([[1, 1], [2, 2]] as [number, number][]).partitionBy(2);
    expect(partitioned.map((kv) => kv).partitioner).toBeUndefined();
    const kept = partitioned.map((kv): [number, number] => [kv[0], kv[1] * 10], true);
    expect(kept.partitioner).toEqual(partitioned.partitioner);
    expect(partitioned.flatMap((kv) => [kv], true).partitioner).toEqual(partitioned.partitioner);
    const shuffles = (rdd: { toDebugString(): string }) => rdd.toDebugString().split('\n').filter((line) => line.includes('+-')).length;
    expect(shuffles(kept.reduceByKey((a, b) => a + b, 2))).toBe(1);
    expect(shuffles(partitioned.map((kv) => kv).reduceByKey((a, b) => a + b, 2))).toBe(2);
  });
});
