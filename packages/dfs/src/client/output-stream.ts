/**
 * Writing a file: bytes are cut into blocks of the file's block size; each block gets fresh
 * targets from the namenode and is streamed through their pipeline. If the first datanode of a
 * pipeline cannot be reached the block is abandoned and asked for again without that node.
 * A datanode failing mid-block is dropped by its upstream node; the ack then lists fewer nodes
 * and the namenode's replication monitor makes up the difference later.
 */
import { DfsError, errorMessage } from '../errors.js';
import type { FileStatus } from '../protocol/client-namenode.js';
import { PipelineWriter } from '../transfer/pipeline-writer.js';
import type { TransferTimeouts } from '../transfer/timeouts.js';
import type { NamenodeCalls } from './namenode-calls.js';

const MAX_FRAME_BYTES = 1024 * 1024;
const COMPLETE_RETRY_MS = 100;
const COMPLETE_ATTEMPTS = 100;

interface OpenBlock {
  blockId: string;
  pipeline: PipelineWriter;
  written: number;
}

export class DfsOutputStream {
  private block: OpenBlock | undefined;
  private readonly blockLengths: number[] = [];
  private finished = false;

  constructor(
    readonly path: string,
    private readonly leaseId: string,
    private readonly blockSize: number,
    private readonly namenode: NamenodeCalls,
    private readonly timeouts: TransferTimeouts,
    private readonly localNodeId: string | undefined,
  ) {}

  get bytesWritten(): number {
    return this.blockLengths.reduce((sum, length) => sum + length, 0) + (this.block?.written ?? 0);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.finished) throw new DfsError('INVALID_ARGUMENT', `write to ${this.path} after close`);
    let offset = 0;
    try {
      while (offset < bytes.length) {
        const block = this.block ?? (this.block = await this.openBlock());
        const take = Math.min(bytes.length - offset, this.blockSize - block.written, MAX_FRAME_BYTES);
        await block.pipeline.send(bytes.subarray(offset, offset + take));
        block.written += take;
        offset += take;
        if (block.written === this.blockSize) await this.closeBlock();
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Finishes the last block and makes the file visible; returns its status. */
  async close(): Promise<FileStatus> {
    if (this.finished) throw new DfsError('INVALID_ARGUMENT', `${this.path} is already closed`);
    try {
      if (this.block) await this.closeBlock();
      for (let attempt = 0; ; attempt++) {
        const { completed } = await this.namenode.complete(this.path, this.leaseId, this.blockLengths);
        if (completed) break;
        if (attempt === COMPLETE_ATTEMPTS) throw new DfsError('TIMEOUT', `the namenode never saw the blocks of ${this.path} stored`);
        await new Promise((resolve) => setTimeout(resolve, COMPLETE_RETRY_MS));
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
    this.finished = true;
    const status = await this.namenode.fileInfo(this.path);
    if (!status) throw new DfsError('NOT_FOUND', `${this.path} vanished right after it was written`);
    return status;
  }

  /** Gives up the write: nothing of it stays in the namespace. */
  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.block?.pipeline.abort();
    this.block = undefined;
    await this.namenode.abandonFile(this.path, this.leaseId).catch(() => undefined);
  }

  private async openBlock(): Promise<OpenBlock> {
    const excluded: string[] = [];
    const failures: string[] = [];
    for (;;) {
      const { blockId, targets } = await this.namenode.addBlock(this.path, this.leaseId, excluded, this.localNodeId).catch((error) => {
        if (failures.length === 0) throw error;
        throw new DfsError('UNAVAILABLE', `cannot write ${this.path}: ${errorMessage(error)}; ${failures.join('; ')}`);
      });
      try {
        return { blockId, pipeline: await PipelineWriter.open(blockId, targets, this.timeouts), written: 0 };
      } catch (error) {
        failures.push(errorMessage(error));
        excluded.push(targets[0].nodeId);
        await this.namenode.abandonBlock(this.path, this.leaseId, blockId);
      }
    }
  }

  private async closeBlock(): Promise<void> {
    const block = this.block as OpenBlock;
    this.block = undefined;
    let stored: string[];
    try {
      stored = await block.pipeline.finish(block.written);
    } catch (error) {
      throw new DfsError('UNAVAILABLE', `writing block ${block.blockId} of ${this.path} failed: ${errorMessage(error)}`);
    }
    if (stored.length === 0) throw new DfsError('UNAVAILABLE', `no datanode stored block ${block.blockId} of ${this.path}`);
    this.blockLengths.push(block.written);
  }
}
