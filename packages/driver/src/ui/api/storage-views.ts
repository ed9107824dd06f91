/** The storage part of the JSON API: cached RDDs, their partitions and where they are (Spark's /storage/rdd). */
import type { AppStatusStore } from '../status/app-status-store.js';
import type { ApiAnswer } from './status-api.js';

interface RddStorage {
  id: number;
  name: string;
  storageLevel: string;
  numCachedPartitions: number;
  memoryUsed: number;
  diskUsed: number;
}

function summary(store: AppStatusStore, rddId: number): RddStorage | undefined {
  const partitions = store.blocks.get(rddId);
  if (!partitions) return undefined;
  let numCachedPartitions = 0;
  let memoryUsed = 0;
  let diskUsed = 0;
  let level = store.rddNames.get(rddId)?.storageLevel;
  for (const holders of partitions.values()) {
    if (holders.size > 0) numCachedPartitions++;
    for (const block of holders.values()) {
      memoryUsed += block.memBytes;
      diskUsed += block.diskBytes;
      level ??= block.storageLevel;
    }
  }
  if (numCachedPartitions === 0) return undefined;
  return { id: rddId, name: store.rddNames.get(rddId)?.name ?? `RDD ${rddId}`, storageLevel: level ?? 'unknown', numCachedPartitions, memoryUsed, diskUsed };
}

export function storageList(store: AppStatusStore): RddStorage[] {
  return [...store.blocks.keys()].sort((a, b) => a - b).flatMap((id) => summary(store, id) ?? []);
}

export function storageDetail(store: AppStatusStore, idText: string): ApiAnswer | undefined {
  const rddId = Number(idText);
  const rdd = Number.isInteger(rddId) ? summary(store, rddId) : undefined;
  if (!rdd) return undefined;
  const byExecutor = new Map<string, { executorId: string; memoryUsed: number; diskUsed: number; blocks: number }>();
  const partitions = [...store.blocks.get(rddId)!]
    .filter(([, holders]) => holders.size > 0)
    .sort(([a], [b]) => a - b)
    .map(([partition, holders]) => {
      const blocks = [...holders];
      for (const [executorId, block] of blocks) {
        const entry = byExecutor.get(executorId) ?? { executorId, memoryUsed: 0, diskUsed: 0, blocks: 0 };
        entry.memoryUsed += block.memBytes;
        entry.diskUsed += block.diskBytes;
        entry.blocks++;
        byExecutor.set(executorId, entry);
      }
      return {
        blockName: `rdd_${rddId}_${partition}`,
        storageLevel: blocks[0][1].storageLevel,
        memoryUsed: blocks.reduce((sum, [, b]) => sum + b.memBytes, 0),
        diskUsed: blocks.reduce((sum, [, b]) => sum + b.diskBytes, 0),
        executors: blocks.map(([executorId]) => executorId),
      };
    });
  return { status: 200, body: { ...rdd, dataDistribution: [...byExecutor.values()], partitions } };
}
