/**
 * Spark's planning of a file scan's tasks (FileSourceScanExec.createReadRDD): every file is cut
 * into byte ranges of at most maxSplitBytes (PartitionedFileUtil.splitFiles; a file that is not
 * splittable is one range), and the ranges, longest first, are packed into tasks
 * (FilePartition.getFilePartitions), each range counting its length plus the open cost, so that
 * many small files share a task.
 */

/** The settings that size a scan's tasks (Spark's `spark.sql.files.*`). */
export interface FilePartitioning {
  readonly maxPartitionBytes: number;
  readonly openCostInBytes: number;
  /** `spark.sql.files.minPartitionNum`, else `spark.sql.leafNodeDefaultParallelism`, else the default parallelism. */
  readonly minPartitionNum: number;
  readonly maxPartitionNum?: number;
}

/** Spark's defaults: 128 MB tasks, a file's open counted as reading 4 MB. */
const DEFAULT_MAX_PARTITION_BYTES = 128 * 1024 * 1024;
const DEFAULT_OPEN_COST_IN_BYTES = 4 * 1024 * 1024;

/** A size setting: bytes, or with a suffix (k, m, g, t, p, optionally followed by b), as Spark's bytesConf reads it. */
function sizeSetting(name: string, setting: string | undefined, fallback: number): number {
  if (setting === undefined) return fallback;
  const m = /^(\d+)\s*([bkmgtp]?)b?$/i.exec(setting.trim());
  if (!m || Number(m[1]) === 0) throw new Error(`${name} must be a positive size such as 134217728 or 128m, got '${setting}'`);
  return Number(m[1]) * 1024 ** 'bkmgtp'.indexOf((m[2] || 'b').toLowerCase());
}

function countSetting(name: string, setting: string | undefined): number | undefined {
  if (setting === undefined) return undefined;
  const n = Number(setting.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${setting}'`);
  return n;
}

/** The session's settings, `conf(key)` reading one (undefined when unset). */
export function filePartitioning(conf: (key: string) => string | undefined, defaultParallelism: number): FilePartitioning {
  const minPartitionNum =
    countSetting('spark.sql.files.minPartitionNum', conf('spark.sql.files.minPartitionNum')) ??
    countSetting('spark.sql.leafNodeDefaultParallelism', conf('spark.sql.leafNodeDefaultParallelism')) ??
    Math.max(1, defaultParallelism);
  return {
    maxPartitionBytes: sizeSetting('spark.sql.files.maxPartitionBytes', conf('spark.sql.files.maxPartitionBytes'), DEFAULT_MAX_PARTITION_BYTES),
    openCostInBytes: sizeSetting('spark.sql.files.openCostInBytes', conf('spark.sql.files.openCostInBytes'), DEFAULT_OPEN_COST_IN_BYTES),
    minPartitionNum,
    maxPartitionNum: countSetting('spark.sql.files.maxPartitionNum', conf('spark.sql.files.maxPartitionNum')),
  };
}

/**
 * FilePartition.maxSplitBytes: the input's bytes (each file plus the open cost) over
 * minPartitionNum (whole bytes, as Spark's Long division), at least the open cost and at most
 * maxPartitionBytes; so a file of a few dozen MB still gives every core a task. Empty files do not
 * count: Spark's file index lists only non-empty files (PartitioningAwareFileIndex.isNonEmptyFile).
 */
export function maxSplitBytes(settings: FilePartitioning, fileSizes: readonly number[]): number {
  const totalBytes = fileSizes.reduce((n, size) => (size === 0 ? n : n + size + settings.openCostInBytes), 0);
  const bytesPerCore = Math.floor(totalBytes / settings.minPartitionNum);
  return Math.min(settings.maxPartitionBytes, Math.max(settings.openCostInBytes, bytesPerCore));
}

export interface ByteRange {
  readonly start: number;
  readonly length: number;
}

/** PartitionedFileUtil.splitFiles: a file's ranges of maxSplitBytes (the last shorter); one range if it is not splittable. None for an empty file. */
export function fileRanges(size: number, splitBytes: number, splittable: boolean): ByteRange[] {
  if (size === 0) return [];
  if (!splittable) return [{ start: 0, length: size }];
  const ranges: ByteRange[] = [];
  for (let start = 0; start < size; start += splitBytes) ranges.push({ start, length: Math.min(splitBytes, size - start) });
  return ranges;
}

/** Next Fit Decreasing: a task closes when the next range would take it past maxSplitBytes. */
function pack<S extends ByteRange>(sorted: readonly S[], splitBytes: number, openCost: number): S[][] {
  const partitions: S[][] = [];
  let current: S[] = [];
  let currentSize = 0;
  for (const split of sorted) {
    if (currentSize + split.length > splitBytes && current.length > 0) {
      partitions.push(current);
      current = [];
      currentSize = 0;
    }
    currentSize += split.length + openCost;
    current.push(split);
  }
  if (current.length > 0) partitions.push(current);
  return partitions;
}

/**
 * FilePartition.getFilePartitions over the splits of every file: longest first (a stable sort,
 * so equal lengths keep the files' order), packed into tasks; when that makes more than
 * maxPartitionNum tasks, packed again into tasks of the total bytes over maxPartitionNum.
 */
export function filePartitions<S extends ByteRange>(splits: readonly S[], settings: FilePartitioning, splitBytes: number): S[][] {
  const sorted = [...splits].sort((a, b) => b.length - a.length);
  const partitions = pack(sorted, splitBytes, settings.openCostInBytes);
  const { maxPartitionNum } = settings;
  if (maxPartitionNum === undefined || partitions.length <= maxPartitionNum) return partitions;
  const totalBytes = splits.reduce((n, s) => n + s.length + settings.openCostInBytes, 0);
  return pack(sorted, Math.ceil(totalBytes / maxPartitionNum), settings.openCostInBytes);
}

/**
 * A scan's tasks: the files (by size) cut into ranges of maxSplitBytes, each range made a split
 * by `makeSplit(file index, range)`, packed as filePartitions packs them.
 */
export function planFilePartitions<S extends ByteRange>(
  settings: FilePartitioning,
  sizes: readonly number[],
  splittable: boolean,
  makeSplit: (file: number, range: ByteRange) => S,
): S[][] {
  const splitBytes = maxSplitBytes(settings, sizes);
  const splits = sizes.flatMap((size, file) => fileRanges(size, splitBytes, splittable).map((range) => makeSplit(file, range)));
  return filePartitions(splits, settings, splitBytes);
}
