/**
 * MEMORY_ONLY partitions kept only as objects on the task thread that computed them, as Spark's
 * MemoryStore keeps deserialized blocks: caching makes no bytes (the executor is told the
 * records' estimated size), and bytes are made only when another executor reads the partition
 * (`heldBlockBytes`). Encoding the records with msgpackr on the thread that then keeps them was
 * measured to make V8 stop inlining the user's `Array.map` callbacks over them in later jobs
 * (about twice the young garbage per pass over the partition; README, idiomatic logistic
 * regression).
 *
 * Only on an executor with one task thread, where every task over the partition runs where its
 * records are. A held partition that is gone (evicted here, or the thread replaced after a crash)
 * is recomputed from its lineage, as Spark recomputes a lost block.
 */
import { encode } from '@flint/rdd';
import { decodedBlock, keepDecoded } from './decoded-blocks.js';

/** Keeps a computed partition on this thread only; its estimated size if kept, undefined if it must be stored as bytes. */
export function holdPartition(appId: string, block: string, storageLevel: string, records: unknown[]): number | undefined {
  return storageLevel === 'MEMORY_ONLY' ? keepDecoded(appId, block, records, true) : undefined;
}

/** The bytes of a partition held here, for another executor; undefined if it is gone. */
export function heldBlockBytes(appId: string, block: string): Uint8Array | undefined {
  const records = decodedBlock(appId, block);
  return records && encode(records);
}
