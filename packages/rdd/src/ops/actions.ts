/** Actions that return records: each runs one or more jobs through the context. */
import type { RDD } from '../rdd.js';
import type { JobGroup, JobOutput, TextCodec } from '../context.js';
import { toFnRef } from '../fn/to-fn-ref.js';
import { localFunction } from '../fn/local-call.js';
import { compareKeys } from '../keys/compare-keys.js';
import { hashPartition } from '../keys/portable-hash.js';
import { keyIdentity } from '../keys/key-identity.js';
import { runtimePartitions, runtimeElement } from './narrow.js';
import { prepare } from '../plan/prepare.js';

type Pair<K, V> = [K, V];

export async function collect<T>(rdd: RDD<T>, jobGroup?: JobGroup): Promise<T[]> {
  const partitions = await rdd.context.submitJob<T>(rdd, { description: 'collect', source: rdd, jobGroup });
  return partitions.flat();
}

export async function count(rdd: RDD<unknown>): Promise<number> {
  const counts = await rdd.context.submitJob<number>(runtimePartitions(rdd, 'countPartition'), { description: 'count', source: rdd });
  return counts.flat().reduce((a, b) => a + b, 0);
}

/**
 * Scans partitions in growing batches until `num` records are found, as Spark's take does: one
 * partition first, then up to four times as many as scanned so far.
 */
export async function take<T>(rdd: RDD<T>, num: number): Promise<T[]> {
  const taken: T[] = [];
  // Pre-job steps first: re-planning may change the partition count (see plan/prepare.ts).
  await prepare(rdd);
  const total = rdd.getNumPartitions();
  let scanned = 0;
  while (taken.length < num && scanned < total) {
    let batch = 1;
    if (scanned > 0) {
      batch = taken.length === 0 ? scanned * 4 : Math.max(Math.ceil((1.5 * num * scanned) / taken.length) - scanned, 1);
      batch = Math.min(batch, scanned * 4);
    }
    const partitions = range(scanned, Math.min(scanned + batch, total));
    const limited = runtimePartitions<T>(rdd, 'takePartition', { num: num - taken.length });
    const results = await rdd.context.submitJob<T>(limited, { partitions, description: `take ${num}`, source: rdd });
    for (const records of results) taken.push(...records.slice(0, num - taken.length));
    scanned += partitions.length;
  }
  return taken;
}

export async function first<T>(rdd: RDD<T>): Promise<T> {
  const items = await take(rdd, 1);
  if (items.length === 0) throw new Error('RDD is empty');
  return items[0];
}

/** The `num` smallest records by key (largest for `top`): per partition on workers, merged here. */
export async function takeOrdered<T>(rdd: RDD<T>, num: number, key: unknown, reverse: boolean): Promise<T[]> {
  const keyRef = key === undefined ? undefined : toFnRef(key, reverse ? 'top' : 'takeOrdered');
  const perPartition = runtimePartitions<T>(rdd, 'takeOrderedPartition', { num, key: keyRef, reverse });
  const candidates = (await rdd.context.submitJob<T>(perPartition, { description: reverse ? 'top' : 'takeOrdered', source: rdd })).flat();
  const keyOf = key === undefined ? (x: T) => x : localFunction<(x: T) => unknown>(key, 1);
  const sign = reverse ? -1 : 1;
  return candidates
    .map((record) => ({ record, key: keyOf(record) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key))
    .slice(0, num)
    .map((entry) => entry.record);
}

export async function foreach<T>(rdd: RDD<T>, f: unknown): Promise<void> {
  await rdd.context.submitJob(runtimePartitions(rdd, 'foreachRecord', { f: toFnRef(f, 'foreach') }), { description: 'foreach', source: rdd });
}

export async function foreachPartition<T>(rdd: RDD<T>, f: unknown): Promise<void> {
  const run = runtimePartitions(rdd, 'foreachPartitionCall', { f: toFnRef(f, 'foreachPartition') });
  await rdd.context.submitJob(run, { description: 'foreachPartition', source: rdd });
}

/**
 * Yields records partition by partition, running one job per partition (only one partition in
 * memory; with `prefetchPartitions`, the next partition's job runs while this one is consumed).
 */
export async function* toLocalIterator<T>(rdd: RDD<T>, prefetchPartitions = false): AsyncGenerator<T> {
  const fetch = (split: number) => rdd.context.submitJob<T>(rdd, { partitions: [split], description: 'toLocalIterator', source: rdd });
  await prepare(rdd);
  const total = rdd.getNumPartitions();
  let next = prefetchPartitions && total > 0 ? fetch(0) : undefined;
  for (let split = 0; split < total; split++) {
    const current = next ?? fetch(split);
    next = prefetchPartitions && split + 1 < total ? fetch(split + 1) : undefined;
    // A prefetched job that fails after the consumer stopped must not be an unhandled rejection.
    next?.catch(() => undefined);
    const [records] = await current;
    yield* records;
  }
}

/** Hadoop's codec class names, as PySpark's saveAsTextFile takes them. */
const TEXT_CODECS: Record<string, TextCodec> = {
  'org.apache.hadoop.io.compress.GzipCodec': 'gzip',
  'org.apache.hadoop.io.compress.DefaultCodec': 'deflate',
};

export async function saveAsTextFile(rdd: RDD<unknown>, path: string, compressionCodecClass?: string): Promise<void> {
  let codec: TextCodec | undefined;
  if (compressionCodecClass !== undefined && compressionCodecClass !== null) {
    codec = TEXT_CODECS[compressionCodecClass];
    if (!codec) {
      throw new Error(`Compression codec ${compressionCodecClass} is not available: use one of ${Object.keys(TEXT_CODECS).join(', ')}`);
    }
  }
  const output: JobOutput = codec ? { kind: 'saveText', dir: path, codec } : { kind: 'saveText', dir: path };
  await rdd.context.submitJob(rdd, { output, description: `saveAsTextFile ${path}`, source: rdd });
}

/** With batchSize 0 (PySpark's automatic batching), batches of this many records. */
const AUTO_BATCH_SIZE = 1024;

export async function saveAsPickleFile(rdd: RDD<unknown>, path: string, batchSize: number): Promise<void> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 0) throw new RangeError(`saveAsPickleFile: batchSize must be a non-negative integer, got ${batchSize}`);
  const output: JobOutput = { kind: 'saveObjects', dir: path, batchSize: batchSize === 0 ? AUTO_BATCH_SIZE : batchSize };
  await rdd.context.submitJob(rdd, { output, description: `saveAsPickleFile ${path}`, source: rdd });
}

/** Values for `key`; with a known hash partitioner only the one partition that can hold it is read. */
export async function lookup<K, V>(rdd: RDD<Pair<K, V>>, key: K): Promise<V[]> {
  const matching = runtimeElement<Pair<K, V>>(rdd, 'filter', 'hasKey', { keyId: keyIdentity(key) }).values();
  const partitioner = rdd.partitioner;
  const partitions = partitioner?.kind === 'hash' ? [hashPartition(key, partitioner.numPartitions)] : undefined;
  return (await rdd.context.submitJob<V>(matching, { partitions, description: 'lookup', source: rdd })).flat();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
