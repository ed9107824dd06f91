/**
 * Cached partitions kept decoded on the task thread that last used them, as Spark keeps
 * MEMORY_ONLY partitions as objects: a later task over the same cached partition on this thread
 * skips decoding it (and the garbage that makes). The executor's block manager still owns the
 * partition: a decoded copy is used only when the executor sent the block (or said the thread
 * holds it) with the task, so a partition evicted or unpersisted there is never read from here.
 * Tasks must not mutate the records of a cached partition.
 *
 * A partition kept `held` exists only here (held-blocks.ts): evicting it loses it, so its key is
 * remembered until the next task reports it to the executor (`takeDroppedHeld`).
 *
 * LRU within a byte budget (a quarter of the thread's heap), with the records' heap size
 * estimated from a sample of them. As Spark's MemoryStore does, a partition never evicts another
 * partition of the same RDD: an iterative job that passes over more partitions than fit would
 * otherwise evict, in a cycle, exactly the partition it needs next, and decode every one of them
 * on every pass; this way the partitions kept stay and only the rest are decoded again.
 */
import { estimateSize } from '@flint/rdd';
import { blockKeys, cachedRddKey } from '../block-keys.js';

/** Records measured to estimate a partition's size: enough for a steady average, few enough to be cheap. */
const SAMPLED_RECORDS = 64;
/** The partition array's slot that holds each record. */
const SLOT_BYTES = 8;

const blocks = new Map<string, { records: unknown[]; size: number; held: boolean }>();
let used = 0;
/** Keys of held partitions evicted since the last task reported them. */
let droppedHeld: string[] = [];
const configuredBudget = process.env.FLINT_THREAD_CACHE_BYTES;
let budgetBytes: number | undefined;
/** The heap's quarter is read at the first partition kept: node:v8 is loaded then, not at every thread's start. */
const budget = (): number => (budgetBytes ??= Number(configuredBudget ?? process.getBuiltinModule('node:v8').getHeapStatistics().heap_size_limit / 4));

export function decodedBlock(appId: string, block: string): unknown[] | undefined {
  const key = blockKeys.inApp(appId, block);
  const entry = blocks.get(key);
  if (!entry) return undefined;
  blocks.delete(key);
  blocks.set(key, entry);
  return entry.records;
}

/**
 * Keeps the records if they fit (evicting other RDDs' partitions, least recently used first);
 * their estimated heap size if kept, undefined if not.
 */
export function keepDecoded(appId: string, block: string, records: unknown[], held = false): number | undefined {
  const key = blockKeys.inApp(appId, block);
  const existing = blocks.get(key);
  if (existing) {
    blocks.delete(key);
    used -= existing.size;
  }
  const size = estimatedHeapBytes(records);
  const rdd = cachedRddKey(key);
  let evictable = 0;
  for (const [other, entry] of blocks) if (cachedRddKey(other) !== rdd) evictable += entry.size;
  if (used - evictable + size > budget()) return undefined;
  for (const [oldest, entry] of blocks) {
    if (used + size <= budget()) break;
    if (cachedRddKey(oldest) === rdd) continue;
    blocks.delete(oldest);
    used -= entry.size;
    if (entry.held) droppedHeld.push(oldest);
  }
  blocks.set(key, { records, size, held });
  used += size;
  return size;
}

/** The held partitions evicted since the last call (keys with their application), forgotten once returned. */
export function takeDroppedHeld(): string[] {
  const keys = droppedHeld;
  droppedHeld = [];
  return keys;
}

/** The records' heap bytes, from an even sample of them. */
function estimatedHeapBytes(records: unknown[]): number {
  if (records.length === 0) return 0;
  const step = Math.max(1, Math.floor(records.length / SAMPLED_RECORDS));
  let sampled = 0;
  let bytes = 0;
  for (let i = 0; i < records.length; i += step) {
    bytes += estimateSize(records[i]) + SLOT_BYTES;
    sampled++;
  }
  // Whole bytes: the size travels to the driver as the partition's memory size, an integer.
  return Math.ceil((bytes / sampled) * records.length);
}
