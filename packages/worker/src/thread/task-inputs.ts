/** The data a task reads rather than computes, decoded on demand from the bytes the executor sent. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, type TextSplit } from '@flint/rdd';
import { localFileRangeReader } from '@flint/dfs';
import { readDfsSplit } from './dfs-input.js';
import { readLinesInBulk } from './bulk-line-split.js';
import { partFileName } from './part-files.js';

export class TaskInputs {
  private readonly chunks: Map<string, readonly Uint8Array[]>;
  recordsRead = 0;

  constructor(inputs: readonly { key: string; chunks: readonly Uint8Array[] }[]) {
    this.chunks = new Map(inputs.map((i) => [i.key, i.chunks]));
  }

  required(key: string): unknown[] {
    const chunks = this.chunks.get(key);
    if (!chunks) throw new Error(`task input ${key} was not sent`);
    return this.count(decode<unknown[]>(chunks[0]));
  }

  cached(rddId: number, split: number): unknown[] | undefined {
    const chunks = this.chunks.get(`rdd_${rddId}_${split}`);
    return chunks && this.count(decode<unknown[]>(chunks[0]));
  }

  /** A reduce partition: the buckets of every map task, concatenated in map-partition order. */
  shuffle(shuffleId: number, split: number): unknown[] {
    const chunks = this.chunks.get(`shuffle_${shuffleId}_in_${split}`);
    if (!chunks) throw new Error(`shuffle ${shuffleId} input for partition ${split} was not sent`);
    const records: unknown[] = [];
    for (const chunk of chunks) {
      for (const record of decode<unknown[]>(chunk)) records.push(record);
    }
    return this.count(records);
  }

  async text(split: TextSplit): Promise<string[]> {
    if (split.path.startsWith('dfs://')) return this.count(await readDfsSplit(split));
    const reader = await localFileRangeReader(split.path).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `Input path does not exist: ${split.path}` : `Cannot read ${split.path}: ${error.message}`);
    });
    try {
      return this.count(await readLinesInBulk(reader, split.start, split.length));
    } finally {
      await reader.close();
    }
  }

  checkpoint(dir: string, split: number): unknown[] {
    return this.count(decode<unknown[]>(readFileSync(join(dir, partFileName(split)))));
  }

  private count<T extends unknown[]>(records: T): T {
    this.recordsRead += records.length;
    return records;
  }
}
