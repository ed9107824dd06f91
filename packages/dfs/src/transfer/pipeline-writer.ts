/**
 * The sending end of a block write pipeline: connects to the first target, names the rest as
 * downstream, streams the block's bytes and waits for the ack listing the nodes that stored it.
 * Used by clients writing files and by datanodes forwarding or re-replicating blocks.
 */
import { DfsError } from '../errors.js';
import type { DatanodeLocation } from '../protocol/common.js';
import { writeReply } from '../protocol/data-transfer.js';
import { dialFrames, type FramedConnection } from '@flint/net';
import type { TransferTimeouts } from './timeouts.js';

export class PipelineWriter {
  private constructor(
    private readonly connection: FramedConnection,
    readonly first: DatanodeLocation,
    private readonly timeouts: TransferTimeouts,
  ) {}

  static async open(blockId: string, targets: DatanodeLocation[], timeouts: TransferTimeouts): Promise<PipelineWriter> {
    const [first, ...downstream] = targets;
    if (!first) throw new DfsError('INVALID_ARGUMENT', 'a write pipeline needs at least one datanode');
    const connection = await dialFrames(first, `datanode ${first.nodeId}`, timeouts.connectMs);
    await connection.send({ type: 'writeBlock', blockId, downstream });
    return new PipelineWriter(connection, first, timeouts);
  }

  send(bytes: Uint8Array): Promise<void> {
    return this.connection.sendData(bytes);
  }

  /** Ends the block and returns the ids of the nodes that stored all `length` bytes. */
  async finish(length: number): Promise<string[]> {
    try {
      await this.connection.send({ type: 'writeEnd', length });
      const frame = await this.connection.receive(this.timeouts.idleMs);
      if (frame.kind !== 'message') throw new DfsError('PROTOCOL', `${this.connection.peer} sent data instead of an ack`);
      const reply = writeReply.parse(frame.value, 'write reply');
      if (reply.type === 'error') throw new DfsError(reply.code, `${this.connection.peer}: ${reply.message}`);
      return reply.stored;
    } finally {
      this.connection.end();
    }
  }

  abort(): void {
    this.connection.destroy();
  }
}
