/**
 * The datanode's data port: serves block reads (verified against checksums) and block writes,
 * forwarding each written frame to the next datanode of the pipeline while storing it locally.
 * A downstream node that fails is dropped from the pipeline instead of failing the write; the
 * ack tells the writer who stored the block and the namenode re-replicates the rest.
 */
import { listenFrames, type FramedConnection } from '@flint/net';
import type { NodeAddress } from '../address.js';
import type { DatanodeLocation } from '../protocol/common.js';
import { DfsError, errorMessage } from '../errors.js';
import { transferRequest, writeEnd, type TransferError, type TransferRequest } from '../protocol/data-transfer.js';
import { PipelineWriter } from '../transfer/pipeline-writer.js';
import type { TransferTimeouts } from '../transfer/timeouts.js';
import type { BlockStore, StoredBlock } from './block-store.js';

export interface TransferServerContext {
  nodeId: string;
  store: BlockStore;
  timeouts: TransferTimeouts;
  blockReceived(block: StoredBlock): Promise<void>;
  /** Refuses a write whose downstream is not a registered datanode (pipeline-peers.ts). */
  checkDownstream(downstream: readonly DatanodeLocation[]): Promise<void>;
  corruptReplicaFound(blockId: string): void;
  log(line: string): void;
}

export interface TransferServer {
  readonly address: NodeAddress;
  readonly activeTransfers: number;
  close(): Promise<void>;
}

export async function startTransferServer(host: string, port: number, context: TransferServerContext): Promise<TransferServer> {
  let active = 0;
  const server = await listenFrames({
    name: 'datanode',
    host,
    port,
    log: context.log,
    serve: async (connection) => {
      active++;
      await serveTransfer(connection, context).finally(() => active--);
    },
  });
  return {
    address: server.address,
    get activeTransfers() {
      return active;
    },
    close: () => server.close(),
  };
}

async function serveTransfer(connection: FramedConnection, context: TransferServerContext): Promise<void> {
  try {
    const frame = await connection.receive(context.timeouts.idleMs);
    if (frame.kind !== 'message') throw new DfsError('INVALID_ARGUMENT', 'expected a transfer request');
    const request = transferRequest.parse(frame.value, 'transfer request');
    if (request.type === 'readBlock') await serveRead(connection, request, context);
    else await serveWrite(connection, request, context);
    connection.end();
  } catch (error) {
    await connection.send(asTransferError(error)).catch(() => undefined);
    connection.end();
  }
}

async function serveRead(
  connection: FramedConnection,
  request: Extract<TransferRequest, { type: 'readBlock' }>,
  context: TransferServerContext,
): Promise<void> {
  const { store } = context;
  const blockLength = store.lengthOf(request.blockId);
  if (blockLength === undefined) throw new DfsError('NOT_FOUND', `block ${request.blockId} is not stored on ${context.nodeId}`);
  const available = Math.max(0, blockLength - request.offset);
  await connection.send({ type: 'readAccepted', length: Math.min(available, request.length) });
  try {
    for await (const bytes of store.read(request.blockId, request.offset, request.length)) await connection.sendData(bytes);
  } catch (error) {
    if (error instanceof DfsError && error.code === 'CORRUPT_REPLICA') context.corruptReplicaFound(request.blockId);
    throw error;
  }
  await connection.send({ type: 'readDone' });
}

async function serveWrite(
  connection: FramedConnection,
  request: Extract<TransferRequest, { type: 'writeBlock' }>,
  context: TransferServerContext,
): Promise<void> {
  await context.checkDownstream(request.downstream);
  const writer = await context.store.createWriter(request.blockId);
  let downstream: PipelineWriter | undefined;
  if (request.downstream.length > 0) {
    downstream = await PipelineWriter.open(request.blockId, request.downstream, context.timeouts).catch(() => undefined);
  }
  const forward = async (bytes: Uint8Array) => {
    try {
      await downstream?.send(bytes);
    } catch {
      downstream?.abort();
      downstream = undefined;
    }
  };
  try {
    let endLength: number;
    for (;;) {
      const frame = await connection.receive(context.timeouts.idleMs);
      if (frame.kind === 'data') {
        await Promise.all([writer.write(frame.bytes), forward(frame.bytes)]);
        continue;
      }
      endLength = writeEnd.parse(frame.value, 'write end').length;
      break;
    }
    if (endLength !== writer.bytesWritten) {
      throw new DfsError('INVALID_ARGUMENT', `block ${request.blockId}: writer announced ${endLength} bytes, sent ${writer.bytesWritten}`);
    }
    const storeLocally = async () => {
      const length = await writer.finalize();
      await context.blockReceived({ blockId: request.blockId, length });
    };
    const finishDownstream = async () => (downstream ? downstream.finish(endLength).catch(() => []) : []);
    const [, storedDownstream] = await Promise.all([storeLocally(), finishDownstream()]);
    await connection.send({ type: 'writeAck', stored: [context.nodeId, ...storedDownstream] });
  } catch (error) {
    await writer.abort();
    downstream?.abort();
    throw error;
  }
}

function asTransferError(error: unknown): TransferError {
  const code = error instanceof DfsError ? error.code : 'INTERNAL';
  const wireCode = code === 'CORRUPT_REPLICA' || code === 'NOT_FOUND' || code === 'INVALID_ARGUMENT' || code === 'UNAVAILABLE' ? code : 'INTERNAL';
  return { type: 'error', code: wireCode, message: errorMessage(error) };
}
