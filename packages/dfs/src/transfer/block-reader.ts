/** The receiving end of a block read: one connection, one byte range of one replica. */
import { DfsError } from '../errors.js';
import type { DatanodeLocation } from '../protocol/common.js';
import { readReply } from '../protocol/data-transfer.js';
import { dialFrames } from '@flint/net';
import type { TransferTimeouts } from './timeouts.js';

/** Yields the bytes of [offset, offset + length) of a replica; fails with the datanode's error code. */
export async function* readReplica(
  location: DatanodeLocation,
  blockId: string,
  offset: number,
  length: number,
  timeouts: TransferTimeouts,
): AsyncGenerator<Buffer> {
  const connection = await dialFrames(location, `datanode ${location.nodeId}`, timeouts.connectMs);
  try {
    await connection.send({ type: 'readBlock', blockId, offset, length });
    for (;;) {
      const frame = await connection.receive(timeouts.idleMs);
      if (frame.kind === 'data') {
        yield frame.bytes;
        continue;
      }
      const reply = readReply.parse(frame.value, 'read reply');
      if (reply.type === 'readDone') return;
      if (reply.type === 'error') throw new DfsError(reply.code, `${connection.peer}: ${reply.message}`);
    }
  } finally {
    connection.destroy();
  }
}
