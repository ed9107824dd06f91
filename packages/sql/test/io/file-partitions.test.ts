/**
 * Spark's planning of a file scan's tasks (files/file-partitions.ts), against numbers worked out
 * by hand from Spark 4's FilePartition.maxSplitBytes / getFilePartitions and
 * PartitionedFileUtil.splitFiles.
 */
import { describe, expect, it } from 'vitest';
import { fileRanges, filePartitioning, filePartitions, maxSplitBytes, type FilePartitioning } from '../../src/io/files/file-partitions.js';

const MB = 1024 * 1024;
const settings = (conf: Record<string, string>, parallelism = 2): FilePartitioning => filePartitioning((key) => conf[key], parallelism);
const split = (name: string, start: number, length: number) => ({ name, start, length });

describe("Spark's file partitioning", () => {
  it('sizes splits as FilePartition.maxSplitBytes with the defaults (128 MB, 4 MB open cost, the parallelism)', () => {
    const defaults = settings({});
    expect(defaults).toEqual({ maxPartitionBytes: 128 * MB, openCostInBytes: 4 * MB, minPartitionNum: 2, maxPartitionNum: undefined });
    // The benchmark's sales.parquet on local[2]: (203636991 + 4194304) / 2 = 103915647.5, rounded down.
    expect(maxSplitBytes(defaults, [203_636_991])).toBe(103_915_647);
    // Its sales.csv (541125292 bytes): past 128 MB, so 128 MB.
    expect(maxSplitBytes(defaults, [541_125_292])).toBe(134_217_728);
    // Empty files are not listed by Spark's index, so they add no open cost: the same split size.
    expect(maxSplitBytes(defaults, [203_636_991, 0, 0])).toBe(103_915_647);
    // One small file: (1000 + 4 MB) / 2 is under the open cost, so the open cost.
    expect(maxSplitBytes(defaults, [1000])).toBe(4 * MB);
    // minPartitionNum, then spark.sql.leafNodeDefaultParallelism, replace the parallelism.
    expect(maxSplitBytes(settings({ 'spark.sql.leafNodeDefaultParallelism': '4' }), [203_636_991])).toBe(51_957_823);
    expect(maxSplitBytes(settings({ 'spark.sql.leafNodeDefaultParallelism': '4', 'spark.sql.files.minPartitionNum': '8' }), [203_636_991])).toBe(25_978_911);
    expect(settings({ 'spark.sql.files.maxPartitionBytes': '16m', 'spark.sql.files.openCostInBytes': '2kb' })).toMatchObject({ maxPartitionBytes: 16 * MB, openCostInBytes: 2048 });
  });

  it('cuts a splittable file into ranges of maxSplitBytes, the last shorter; one range if not splittable; none if empty', () => {
    expect(fileRanges(2500, 1000, true)).toEqual([{ start: 0, length: 1000 }, { start: 1000, length: 1000 }, { start: 2000, length: 500 }]);
    expect(fileRanges(2000, 1000, true)).toEqual([{ start: 0, length: 1000 }, { start: 1000, length: 1000 }]);
    expect(fileRanges(2500, 1000, false)).toEqual([{ start: 0, length: 2500 }]);
    expect(fileRanges(0, 1000, true)).toEqual([]);
  });

  it('packs splits longest first (Next Fit Decreasing), each counting its length plus the open cost', () => {
    const conf = settings({ 'spark.sql.files.maxPartitionBytes': '1200', 'spark.sql.files.openCostInBytes': '100' });
    // Files of 1000, 3000, 500 and 200 bytes: (4700 + 4 * 100) / 2 = 2550, so 1200.
    expect(maxSplitBytes(conf, [1000, 3000, 500, 200])).toBe(1200);
    const splits = [split('a', 0, 1000), split('b', 0, 1200), split('b', 1200, 1200), split('b', 2400, 600), split('c', 0, 500), split('d', 0, 200)];
    // b0 (1300 with its open cost); b1: 1300 + 1200 > 1200, a new task; a (1100); b2: 1100 + 600 > 1200,
    // new (700); c: 700 + 500 = 1200 is not past 1200, same task (1300); d: 1300 + 200 > 1200, new.
    expect(filePartitions(splits, conf, 1200)).toEqual([[splits[1]], [splits[2]], [splits[0]], [splits[3], splits[4]], [splits[5]]]);
  });

  it("puts many small files in one task, equal lengths in their files' order", () => {
    const files = Array.from({ length: 30 }, (_, i) => split(`f${i}`, 0, 1000));
    const sizes = files.map((f) => f.length);
    // Defaults on local[2]: 30 * (1000 + 4194304) / 2 = 62929560 per task. After k files a task holds
    // k * 4195304; the 16th file would take 15 * 4195304 = 62929560 past it: tasks of 15 files.
    const defaults = settings({});
    expect(maxSplitBytes(defaults, sizes)).toBe(62_929_560);
    const names = (tasks: { name: string }[][]) => tasks.map((t) => t.map((s) => s.name));
    expect(names(filePartitions(files, defaults, 62_929_560))).toEqual([files.slice(0, 15), files.slice(15)].map((t) => t.map((s) => s.name)));
    // On 6 cores: 30 * 4195304 / 6 = 20976520, 5 files a task.
    const six = settings({}, 6);
    expect(filePartitions(files, six, maxSplitBytes(six, sizes)).map((t) => t.length)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('packs again into total / maxPartitionNum bytes when there are more tasks than spark.sql.files.maxPartitionNum', () => {
    const conf = settings({ 'spark.sql.files.maxPartitionBytes': '1000', 'spark.sql.files.openCostInBytes': '1', 'spark.sql.files.maxPartitionNum': '3' });
    const splits = Array.from({ length: 10 }, (_, i) => split(`f${i}`, 0, 1000));
    // Ten tasks of one file each is more than 3: total (10 * 1001) / 3 = 3336.67, rounded up to 3337 per
    // task; three files make 3003, a fourth 3003 + 1000 > 3337: tasks of 3, 3, 3 and 1.
    expect(filePartitions(splits, conf, 1000).map((t) => t.length)).toEqual([3, 3, 3, 1]);
  });

  it('refuses a setting that is no size or count, in one line', () => {
    expect(() => settings({ 'spark.sql.files.maxPartitionBytes': 'lots' })).toThrow("spark.sql.files.maxPartitionBytes must be a positive size such as 134217728 or 128m, got 'lots'");
    expect(() => settings({ 'spark.sql.files.minPartitionNum': '0' })).toThrow("spark.sql.files.minPartitionNum must be a positive integer, got '0'");
  });
});
