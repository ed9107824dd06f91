/**
 * A datanode's blocks on local disk:
 *
 *   DATA_DIR/current/blk_<id>        the block's bytes
 *   DATA_DIR/current/blk_<id>.meta   its checksums (see checksum.ts)
 *   DATA_DIR/tmp/                    blocks being received; emptied at start-up
 *
 * A block becomes visible only when finalized: its meta file and then its data file are renamed
 * from tmp/ into current/, so a crash mid-write leaves nothing half-written in current/.
 * Reads verify every chunk they return; a mismatch is a CORRUPT_REPLICA error.
 * No symbolic link is followed: a linked entry in current/ is not a block, block files are
 * opened with O_NOFOLLOW, and a file about to be written is first unlinked, then created anew.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, statfs, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DfsError } from '../errors.js';
import { BlockChecksums, ChecksumWriter, DEFAULT_BYTES_PER_CHECKSUM } from './checksum.js';

export interface StoredBlock {
  blockId: string;
  length: number;
}

interface ReadBatch {
  batchStart: number;
  batch: Buffer;
  complete: boolean;
}

const BLOCK_ID = /^blk_[0-9a-z]+$/;
const READ_BATCH_CHUNKS = 32;
const READ_NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW;

/** A new, empty file at `path`: whatever was there (a link included) is unlinked, never written through. */
async function createFresh(path: string): Promise<FileHandle> {
  await rm(path, { force: true });
  return open(path, 'wx');
}

export function assertBlockId(blockId: string): void {
  if (!BLOCK_ID.test(blockId)) throw new DfsError('INVALID_ARGUMENT', `invalid block id "${blockId}"`);
}

export class BlockStore {
  private readonly blocks = new Map<string, number>();
  private readonly currentDir: string;
  private readonly tmpDir: string;
  private nextTmpId = 0;

  private constructor(
    readonly dataDir: string,
    private readonly bytesPerChecksum: number,
  ) {
    this.currentDir = join(dataDir, 'current');
    this.tmpDir = join(dataDir, 'tmp');
  }

  static async open(dataDir: string, bytesPerChecksum = DEFAULT_BYTES_PER_CHECKSUM): Promise<BlockStore> {
    const store = new BlockStore(dataDir, bytesPerChecksum);
    await rm(store.tmpDir, { recursive: true, force: true });
    await mkdir(store.tmpDir, { recursive: true });
    await mkdir(store.currentDir, { recursive: true });
    const names = new Set(await readdir(store.currentDir));
    for (const name of names) {
      if (!BLOCK_ID.test(name)) continue;
      if (!names.has(`${name}.meta`)) {
        await rm(join(store.currentDir, name), { force: true });
        continue;
      }
      const [data, meta] = await Promise.all([lstat(join(store.currentDir, name)), lstat(join(store.currentDir, `${name}.meta`))]);
      if (data.isFile() && meta.isFile()) store.blocks.set(name, data.size);
    }
    return store;
  }

  list(): StoredBlock[] {
    return [...this.blocks].map(([blockId, length]) => ({ blockId, length }));
  }

  has(blockId: string): boolean {
    return this.blocks.has(blockId);
  }

  lengthOf(blockId: string): number | undefined {
    return this.blocks.get(blockId);
  }

  get blockCount(): number {
    return this.blocks.size;
  }

  get usedBytes(): number {
    let used = 0;
    for (const length of this.blocks.values()) used += length;
    return used;
  }

  /** Bytes this node may still use: what is stored plus the free space of its disk. */
  async capacityBytes(): Promise<number> {
    const disk = await statfs(this.dataDir);
    return this.usedBytes + disk.bavail * disk.bsize;
  }

  dataPath(blockId: string): string {
    return join(this.currentDir, blockId);
  }

  /** A stored replica is never written again (as HDFS refuses to create a FINALIZED replica): it can only be deleted. */
  async createWriter(blockId: string): Promise<BlockWriter> {
    assertBlockId(blockId);
    this.assertNotStored(blockId);
    const tmpData = join(this.tmpDir, `${blockId}.${this.nextTmpId++}`);
    const handle = await createFresh(tmpData);
    return new BlockWriter(blockId, handle, tmpData, new ChecksumWriter(this.bytesPerChecksum), (length) => this.finalize(blockId, tmpData, length));
  }

  /** Yields the verified bytes of [offset, offset + length), clipped to the block. */
  async *read(blockId: string, offset: number, length: number): AsyncGenerator<Buffer> {
    assertBlockId(blockId);
    const blockLength = this.blocks.get(blockId);
    if (blockLength === undefined) throw new DfsError('NOT_FOUND', `block ${blockId} is not stored here`);
    const end = Math.min(blockLength, offset + length);
    if (offset >= end) return;
    const checksums = await this.readChecksums(blockId);
    const chunk = checksums.bytesPerChecksum;
    const handle = await open(this.dataPath(blockId), READ_NO_FOLLOW);
    const readBatch = async (batchStart: number): Promise<ReadBatch> => {
      const batch = Buffer.allocUnsafe(Math.min(READ_BATCH_CHUNKS * chunk, blockLength - batchStart));
      const { bytesRead } = await handle.read(batch, 0, batch.length, batchStart);
      return { batchStart, batch, complete: bytesRead === batch.length };
    };
    try {
      // The next batch is read from disk while the current one is verified and sent.
      let next: Promise<ReadBatch> | undefined = readBatch(Math.floor(offset / chunk) * chunk);
      while (next) {
        const current: ReadBatch = await next;
        const { batchStart, batch, complete } = current;
        const following = batchStart + batch.length;
        next = following < end ? readBatch(following) : undefined;
        if (!complete || !checksums.verify(batchStart / chunk, batch)) {
          await next?.catch(() => undefined);
          throw new DfsError('CORRUPT_REPLICA', `checksum mismatch in block ${blockId} near byte ${batchStart}`);
        }
        yield batch.subarray(Math.max(0, offset - batchStart), Math.min(batch.length, end - batchStart));
      }
    } finally {
      await handle.close();
    }
  }

  async delete(blockId: string): Promise<void> {
    assertBlockId(blockId);
    this.blocks.delete(blockId);
    await rm(this.dataPath(blockId), { force: true });
    await rm(`${this.dataPath(blockId)}.meta`, { force: true });
  }

  private async readChecksums(blockId: string): Promise<BlockChecksums> {
    try {
      const handle = await open(`${this.dataPath(blockId)}.meta`, READ_NO_FOLLOW);
      try {
        return BlockChecksums.parse(await handle.readFile());
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new DfsError('CORRUPT_REPLICA', `unreadable checksums of block ${blockId}: ${(error as Error).message}`);
    }
  }

  private assertNotStored(blockId: string): void {
    if (this.blocks.has(blockId)) throw new DfsError('INVALID_ARGUMENT', `Block ${blockId} already exists in state FINALIZED and thus cannot be created.`);
  }

  private async finalize(blockId: string, tmpData: string, length: number): Promise<void> {
    // Two writes of one block may run at once: the first to finish keeps its bytes.
    if (this.blocks.has(blockId)) {
      await rm(tmpData, { force: true });
      await rm(`${tmpData}.meta`, { force: true });
      this.assertNotStored(blockId);
    }
    const target = this.dataPath(blockId);
    await rename(`${tmpData}.meta`, `${target}.meta`);
    await rename(tmpData, target);
    this.blocks.set(blockId, length);
  }
}

export class BlockWriter {
  private length = 0;
  private done = false;

  constructor(
    readonly blockId: string,
    private readonly handle: FileHandle,
    private readonly tmpData: string,
    private readonly checksums: ChecksumWriter,
    private readonly publish: (length: number) => Promise<void>,
  ) {}

  get bytesWritten(): number {
    return this.length;
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.checksums.update(bytes);
    this.length += bytes.length;
    let written = 0;
    while (written < bytes.length) {
      const result = await this.handle.write(bytes, written, bytes.length - written);
      written += result.bytesWritten;
    }
  }

  async finalize(): Promise<number> {
    this.done = true;
    await this.handle.close();
    const meta = await createFresh(`${this.tmpData}.meta`);
    try {
      await meta.writeFile(this.checksums.finish());
    } finally {
      await meta.close();
    }
    await this.publish(this.length);
    return this.length;
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await rm(this.tmpData, { force: true });
  }
}
