/**
 * Holds an executor's blocks — cached partitions and shuffle buckets — as bytes, within a memory
 * budget. When the budget is exceeded the least recently used blocks leave memory (never for
 * another partition of their own RDD, see enforceBudget): those that may live on disk (shuffle
 * buckets, MEMORY_AND_DISK partitions) are spilled to the local directory, MEMORY_ONLY partitions
 * are dropped (they are recomputed from lineage when needed, as in Spark).
 * Dropped keys are kept until the executor reports them (`takeDropped`), so the driver learns of
 * evictions with the next task's outcome rather than only when a task finds a partition missing.
 * A MEMORY_ONLY partition a task thread holds as objects (thread/held-blocks.ts) is a block
 * without bytes here: its estimated size counts against the budget, and leaving memory drops it.
 */
import { closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedRddKey } from '../block-keys.js';

export type BlockPolicy = 'memoryOnly' | 'memoryAndDisk' | 'diskOnly';

interface Block {
  policy: BlockPolicy;
  size: number;
  bytes?: Uint8Array;
  onDisk: boolean;
  /** Kept as objects by the task thread, not here. */
  held?: boolean;
}

export interface BlockManagerStats {
  memoryBytes: number;
  diskBytes: number;
  blocks: number;
  spilledBlocks: number;
  droppedBlocks: number;
}

export class BlockManager {
  /** Insertion order doubles as recency order: a read moves a block to the end. */
  private readonly blocks = new Map<string, Block>();
  private memoryBytes = 0;
  private spilled = 0;
  private dropped = 0;
  private readonly droppedKeys = new Set<string>();

  constructor(
    private readonly directory: string,
    private readonly memoryBudget: number,
  ) {
    mkdirSync(directory, { recursive: true });
  }

  put(key: string, bytes: Uint8Array, policy: BlockPolicy): void {
    this.remove(key);
    this.droppedKeys.delete(key);
    const block: Block = { policy, size: bytes.length, onDisk: false };
    if (policy === 'diskOnly') {
      this.writeToDisk(key, block, bytes);
    } else {
      block.bytes = bytes;
      this.memoryBytes += bytes.length;
    }
    this.blocks.set(key, block);
    this.enforceBudget(key);
  }

  /** A MEMORY_ONLY partition that the task thread holds as records of about `size` bytes. */
  putHeld(key: string, size: number): void {
    this.remove(key);
    this.droppedKeys.delete(key);
    this.blocks.set(key, { policy: 'memoryOnly', size, onDisk: false, held: true });
    this.memoryBytes += size;
    this.enforceBudget(key);
  }

  /** The block's bytes; undefined if it is not here or is held by the task thread (see isHeld). */
  get(key: string): Uint8Array | undefined {
    const block = this.blocks.get(key);
    if (!block) return undefined;
    this.blocks.delete(key);
    this.blocks.set(key, block);
    if (block.held) return undefined;
    return block.bytes ?? readWithoutFollowing(this.path(key));
  }

  isHeld(key: string): boolean {
    return this.blocks.get(key)?.held === true;
  }

  /** Forgets a block that was lost (a held partition its thread no longer has), reporting it as dropped. */
  drop(key: string): void {
    if (!this.blocks.has(key)) return;
    this.remove(key);
    this.dropped++;
    this.droppedKeys.add(key);
  }

  /** The keys starting with `prefix` that were dropped since the last call, forgotten once returned. */
  takeDropped(prefix: string): string[] {
    const keys = [...this.droppedKeys].filter((key) => key.startsWith(prefix) && !this.blocks.has(key));
    for (const key of keys) this.droppedKeys.delete(key);
    return keys;
  }

  /** Whether `size` more bytes fit in the memory budget without evicting or spilling a block. */
  fitsInMemory(size: number): boolean {
    return this.memoryBytes + size <= this.memoryBudget;
  }

  has(key: string): boolean {
    return this.blocks.has(key);
  }

  remove(key: string): void {
    const block = this.blocks.get(key);
    if (!block) return;
    if (inMemory(block)) this.memoryBytes -= block.size;
    if (block.onDisk) rmSync(this.path(key), { force: true });
    this.blocks.delete(key);
  }

  removeWhere(predicate: (key: string) => boolean): void {
    for (const key of [...this.blocks.keys()]) if (predicate(key)) this.remove(key);
  }

  stats(): BlockManagerStats {
    let diskBytes = 0;
    for (const block of this.blocks.values()) if (block.onDisk) diskBytes += block.size;
    return { memoryBytes: this.memoryBytes, diskBytes, blocks: this.blocks.size, spilledBlocks: this.spilled, droppedBlocks: this.dropped };
  }


  clear(): void {
    this.removeWhere(() => true);
    rmSync(this.directory, { recursive: true, force: true });
  }

  /**
   * Makes room for `newKey` by moving least recently used blocks out of memory — but, as Spark's
   * MemoryStore does, never other partitions of the same RDD: caching partition 3 by evicting
   * partition 0 of the same RDD would evict, on every pass over it, the partition needed next. If
   * there is still no room, the new block itself leaves memory.
   */
  private enforceBudget(newKey: string): void {
    const newRdd = cachedRddKey(newKey);
    for (const [key, block] of this.blocks) {
      if (this.memoryBytes <= this.memoryBudget) return;
      if (!inMemory(block) || key === newKey || (newRdd !== undefined && cachedRddKey(key) === newRdd)) continue;
      this.leaveMemory(key, block);
    }
    const block = this.blocks.get(newKey);
    if (this.memoryBytes > this.memoryBudget && block && inMemory(block)) this.leaveMemory(newKey, block);
  }

  /** Drops a MEMORY_ONLY block; spills any other to disk. */
  private leaveMemory(key: string, block: Block): void {
    this.memoryBytes -= block.size;
    if (block.policy === 'memoryOnly') {
      this.blocks.delete(key);
      this.dropped++;
      this.droppedKeys.add(key);
    } else {
      const bytes = block.bytes!;
      block.bytes = undefined;
      this.writeToDisk(key, block, bytes);
      this.spilled++;
    }
  }

  /** A file left by an executor that crashed, or a link put there, is unlinked first, never written through. */
  private writeToDisk(key: string, block: Block, bytes: Uint8Array): void {
    const path = this.path(key);
    rmSync(path, { force: true });
    writeFileSync(path, bytes, { flag: 'wx' });
    block.onDisk = true;
  }

  private path(key: string): string {
    // Keys also come from the network: one that is not a plain file name could name a file elsewhere.
    if (key.length === 0 || key.length > 255 || key === '.' || key === '..' || /[/\\\0]/.test(key)) {
      throw new Error(`not a block key: ${JSON.stringify(key)}`);
    }
    return join(this.directory, key);
  }
}

/** A block file's bytes; a symbolic link in its place is an error (ELOOP), never followed. */
function readWithoutFollowing(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function inMemory(block: Block): boolean {
  return block.bytes !== undefined || block.held === true;
}

