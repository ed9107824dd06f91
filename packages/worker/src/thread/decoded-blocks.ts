/**
 * Cached partitions kept decoded on the task thread that last used them, as Spark keeps
 * MEMORY_ONLY partitions as objects: a later task over the same cached partition on this thread
 * skips decoding it (and the garbage that makes). The executor's block manager still owns the
 * partition: a decoded copy is used only when the executor sent the block with the task, so a
 * partition evicted or unpersisted there is never read from here. LRU within a byte budget,
 * estimated from the encoded size. Tasks must not mutate the records of a cached partition.
 * The budget is a quarter of the thread's heap: it must hold every partition an iterative job
 * sends this thread, or each pass over the cached RDD decodes again what the last one evicted.
 */
import { getHeapStatistics } from 'node:v8';
import { blockKeys } from '../block-keys.js';

/** Decoded records take about this many times their encoded size (objects of numbers: 2; short strings more). */
const DECODED_SIZE_FACTOR = 4;
const DEFAULT_BUDGET_BYTES = getHeapStatistics().heap_size_limit / 4;

const blocks = new Map<string, { records: unknown[]; size: number }>();
let used = 0;
const budget = Number(process.env.FLINT_THREAD_CACHE_BYTES ?? DEFAULT_BUDGET_BYTES);

export function decodedBlock(appId: string, block: string): unknown[] | undefined {
  const key = blockKeys.inApp(appId, block);
  const entry = blocks.get(key);
  if (!entry) return undefined;
  blocks.delete(key);
  blocks.set(key, entry);
  return entry.records;
}

export function keepDecoded(appId: string, block: string, records: unknown[], encodedBytes: number): void {
  const key = blockKeys.inApp(appId, block);
  const size = encodedBytes * DECODED_SIZE_FACTOR;
  if (size > budget) return;
  const existing = blocks.get(key);
  if (existing) used -= existing.size;
  blocks.delete(key);
  blocks.set(key, { records, size });
  used += size;
  for (const [oldest, entry] of blocks) {
    if (used <= budget) break;
    blocks.delete(oldest);
    used -= entry.size;
  }
}
