/**
 * Reading a file: byte ranges map onto blocks, and each block is read from one replica at a
 * time. A replica that cannot be reached, times out or fails its checksum is skipped and the
 * read resumes at the same byte on the next replica; a checksum failure is also reported to the
 * namenode so the replica gets replaced. When every known replica failed, the locations are
 * fetched once more (the namenode may know new ones) before the read gives up.
 */
import { DfsError, errorMessage } from '../errors.js';
import type { LocatedBlock } from '../protocol/client-namenode.js';
import type { RangeReader } from '../splits/line-reader.js';
import { readReplica } from '../transfer/block-reader.js';
import type { TransferTimeouts } from '../transfer/timeouts.js';
import type { NamenodeCalls } from './namenode-calls.js';

export class DfsInputStream implements RangeReader {
  constructor(
    readonly path: string,
    readonly size: number,
    private blocks: LocatedBlock[],
    private readonly namenode: NamenodeCalls,
    private readonly timeouts: TransferTimeouts,
    private readonly localNodeId: string | undefined,
  ) {}

  /** Yields the bytes of [start, end) in order. */
  async *stream(start = 0, end = this.size): AsyncGenerator<Buffer> {
    if (start < 0 || end > this.size || start > end) {
      throw new DfsError('INVALID_ARGUMENT', `range [${start}, ${end}) is outside ${this.path} (${this.size} bytes)`);
    }
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      const from = Math.max(start, block.offset);
      const to = Math.min(end, block.offset + block.length);
      if (from < to) yield* this.readBlock(i, from - block.offset, to - from);
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    const end = Math.min(this.size, position + length);
    const pieces: Buffer[] = [];
    if (position < end) for await (const piece of this.stream(position, end)) pieces.push(piece);
    return Buffer.concat(pieces);
  }

  async readAll(): Promise<Buffer> {
    return this.read(0, this.size);
  }

  private async *readBlock(index: number, offset: number, length: number): AsyncGenerator<Buffer> {
    const tried = new Set<string>();
    const failures: string[] = [];
    let refreshed = false;
    while (length > 0) {
      const block = this.blocks[index];
      const location = this.preferLocal(block.locations.filter((candidate) => !tried.has(candidate.nodeId)))[0];
      if (!location) {
        if (refreshed) {
          const why = failures.length > 0 ? failures.join('; ') : 'no live datanode holds it';
          throw new DfsError('UNAVAILABLE', `cannot read block ${block.blockId} of ${this.path}: ${why}`);
        }
        refreshed = true;
        await this.refreshLocations(index);
        continue;
      }
      tried.add(location.nodeId);
      try {
        for await (const bytes of readReplica(location, block.blockId, offset, length, this.timeouts)) {
          offset += bytes.length;
          length -= bytes.length;
          yield bytes;
        }
        if (length > 0) throw new DfsError('UNAVAILABLE', `replica ended ${length} bytes early`);
      } catch (error) {
        failures.push(`${location.nodeId}: ${errorMessage(error)}`);
        if (error instanceof DfsError && error.code === 'CORRUPT_REPLICA') {
          await this.namenode.reportCorruptReplica(block.blockId, location.nodeId).catch(() => undefined);
        }
      }
    }
  }

  private preferLocal<T extends { nodeId: string }>(locations: T[]): T[] {
    const local = locations.findIndex((location) => location.nodeId === this.localNodeId);
    return local <= 0 ? locations : [locations[local], ...locations.slice(0, local), ...locations.slice(local + 1)];
  }

  private async refreshLocations(index: number): Promise<void> {
    const block = this.blocks[index];
    const fresh = await this.namenode.blockLocations(this.path, block.offset, Math.max(1, block.length));
    const match = fresh.blocks.find((candidate) => candidate.blockId === block.blockId);
    if (match) this.blocks = this.blocks.map((old, i) => (i === index ? match : old));
  }
}
