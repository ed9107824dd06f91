/**
 * The data a task reads rather than computes, decoded on demand from the bytes the executor sent,
 * or read from files (text input, stored partitions). Times its reading, parsing and decoding.
 */
import { decode, recordFromJson, type StoredFormat, type TextSplit } from '@flint/rdd';
import { localFileRangeReader } from '@flint/dfs/paths';
import { readLinesInBulk } from './bulk-line-split.js';
import { readDfsSplit } from './dfs-input.js';
import { readPartFile } from './part-files.js';
import { readWholeFileSplit } from './whole-file-input.js';
import { readRangeSplit } from './range-input.js';
import { decodedBlock, keepDecoded } from './decoded-blocks.js';
import { blockKeys } from '../block-keys.js';
import type { ThreadInput } from './thread-messages.js';

export class TaskInputs {
  private readonly chunks: Map<string, readonly Uint8Array[]>;
  private readonly held: Set<string>;
  recordsRead = 0;
  readonly timings = { readMs: 0, parseMs: 0, decodeMs: 0 };

  constructor(
    inputs: readonly ThreadInput[],
    private readonly appId: string,
  ) {
    this.chunks = new Map(inputs.map((i) => [i.key, i.chunks]));
    this.held = new Set(inputs.filter((i) => i.held).map((i) => i.key));
  }

  required(key: string): unknown[] {
    const chunks = this.chunks.get(key);
    if (!chunks) throw new Error(`task input ${key} was not sent`);
    return this.count(this.decoded(chunks[0]));
  }

  /** A cached partition the executor sent or says this thread holds; undefined (to be recomputed) if neither. */
  cached(rddId: number, split: number): unknown[] | undefined {
    const key = blockKeys.cached(rddId, split);
    if (this.held.has(key)) {
      const held = decodedBlock(this.appId, key);
      return held && this.count(held);
    }
    const chunks = this.chunks.get(key);
    if (!chunks) return undefined;
    let records = decodedBlock(this.appId, key);
    if (!records) {
      records = this.decoded(chunks[0]);
      keepDecoded(this.appId, key, records);
    }
    return this.count(records);
  }

  /**
   * A reduce partition: the buckets of every map task, concatenated in map-partition order. Each
   * bucket is decoded only when the consumer reaches it, so a sort or an aggregation that spills
   * does not also hold the whole partition's decoded records (only their encoded bytes).
   */
  shuffle(shuffleId: number, split: number): Iterable<unknown> {
    const chunks = this.chunks.get(blockKeys.shuffleInput(shuffleId, split));
    if (!chunks) throw new Error(`shuffle ${shuffleId} input for partition ${split} was not sent`);
    return this.decodedInTurn(chunks);
  }

  private *decodedInTurn(chunks: readonly Uint8Array[]): Generator<unknown> {
    for (const chunk of chunks) yield* this.count(this.decoded(chunk));
  }

  async text(split: TextSplit): Promise<unknown[]> {
    const started = performance.now();
    try {
      if (split.format === 'fixedLength' || split.format === 'objects' || split.format === 'sequence' || split.format === 'offsetLines') return this.count(await readRangeSplit(split, split.format));
      if (split.format) return this.count(await readWholeFileSplit(split, split.format));
      if (split.path.startsWith('dfs://')) return this.count(await readDfsSplit(split));
      const reader = await localFileRangeReader(split.path).catch((error: NodeJS.ErrnoException) => {
        throw new Error(error.code === 'ENOENT' ? `Input path does not exist: ${split.path}` : `Cannot read ${split.path}: ${error.message}`);
      });
      try {
        return this.count(await readLinesInBulk(reader, split.start, split.length));
      } finally {
        await reader.close();
      }
    } finally {
      this.timings.readMs += performance.now() - started;
    }
  }

  /** A saved partition: binary (checkpoints) or JSON lines (mapreduce job outputs), re-parsed here. */
  async stored(dir: string, format: StoredFormat, split: number): Promise<unknown[]> {
    const readStarted = performance.now();
    const bytes = await readPartFile(dir, split);
    const parseStarted = performance.now();
    this.timings.readMs += parseStarted - readStarted;
    const records = format === 'binary' ? decode<unknown[]>(bytes) : parseJsonLines(bytes);
    this.timings.parseMs += performance.now() - parseStarted;
    return this.count(records);
  }

  private decoded(bytes: Uint8Array): unknown[] {
    const started = performance.now();
    const records = decode<unknown[]>(bytes);
    this.timings.decodeMs += performance.now() - started;
    return records;
  }

  private count<T extends unknown[]>(records: T): T {
    this.recordsRead += records.length;
    return records;
  }
}

function parseJsonLines(bytes: Uint8Array): unknown[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const records: unknown[] = [];
  for (const line of text.split('\n')) if (line.length > 0) records.push(recordFromJson(line));
  return records;
}
