/**
 * A worker's executor service: the driver sends tasks to it and peers fetch blocks from it, over
 * @flint/net's authenticated frames. Each message is validated whole before it is acted on; one
 * that does not fit (or whose handling throws) closes that connection with a logged reason.
 * Tasks of a driver connection that closes are aborted: a dead driver leaves no orphaned tasks.
 * A connection's next message is read only once its block answers are on their way (at most
 * MAX_FETCHES_IN_FLIGHT being read, 16 MiB not yet sent): a peer that asks for blocks
 * and reads none of them cannot make the executor buffer without bound.
 */
import { listenFrames, PendingRequests, ProtocolError, errorMessage, type FramedConnection } from '@flint/net';
import type { Executor } from '../executor/executor.js';
import { toExecutor, type ToDriver, type ToExecutor, type ToPeer } from './messages.js';
import { packBlock, unpackBlock } from './block-transfer.js';
import { killedOutcome, type BarrierSync } from '../protocol.js';

const MAX_FETCHES_IN_FLIGHT = 4;

export interface ExecutorService {
  readonly port: number;
  close(): Promise<void>;
}

export async function startExecutorService(executor: Executor, host: string, port: number, log: (line: string) => void): Promise<ExecutorService> {
  const server = await listenFrames({ name: 'executor', host, port, log, serve: (connection) => serveConnection(executor, connection, log) });
  return { port: server.address.port, close: () => server.close() };
}

async function serveConnection(executor: Executor, connection: FramedConnection, log: (line: string) => void): Promise<void> {
  const running = new Map<number, AbortController>();
  /** Barrier calls sent to the driver on this connection, waiting for its answer. */
  const barrierCalls = new PendingRequests<string[]>();
  let fetching = 0;
  let fetchEnded: (() => void) | undefined;
  const send = (message: ToDriver | ToPeer): void => {
    connection.send(message).catch(() => undefined);
  };
  const barrierSync: BarrierSync = (request) => {
    const requestId = barrierCalls.newId();
    const answer = barrierCalls.wait(requestId);
    send({ type: 'barrierSync', requestId, request });
    return answer;
  };

  const handle = (message: ToExecutor): void => {
    switch (message.type) {
      case 'runTask': {
        const controller = new AbortController();
        const { taskId } = message.request;
        running.set(taskId, controller);
        executor
          .runTask(message.request, controller.signal, barrierSync)
          .then((outcome) => send({ type: 'taskEnded', taskId, outcome }))
          .catch((error: Error) => {
            // A killed task still ends, so the driver frees its slot; an abort because the driver left sends nothing.
            const outcome = controller.signal.aborted ? killedOutcome(taskId) : { kind: 'failure' as const, error: { name: 'ExecutorError', message: error.message, stack: error.stack ?? '' } };
            send({ type: 'taskEnded', taskId, outcome });
          })
          .finally(() => running.delete(taskId));
        return;
      }
      case 'killTask':
        running.get(message.taskId)?.abort();
        return;
      case 'barrierReply':
        if (message.error !== undefined) barrierCalls.reject(message.requestId, new Error(message.error));
        else barrierCalls.resolve(message.requestId, message.messages ?? []);
        return;
      case 'forgetShuffle':
        return executor.removeShuffle(message.appId, message.shuffleId);
      case 'forgetRdd':
        return executor.removeRdd(message.appId, message.rddId);
      case 'forgetBroadcast':
        return executor.removeBroadcast(message.appId, message.broadcastId);
      case 'putBlock': {
        let bytes: Uint8Array;
        try {
          bytes = unpackBlock(message.block);
        } catch (error) {
          throw new ProtocolError(`putBlock ${message.key}: undecodable block: ${errorMessage(error)}`);
        }
        executor.storeReplica(message.key, bytes, message.storageLevel);
        return send({ type: 'blockStored', requestId: message.requestId });
      }
      case 'fetchBlock': {
        // A partition held by a task thread is encoded there first: answer when it is.
        const reply = (bytes: Uint8Array | undefined) => send({ type: 'block', requestId: message.requestId, block: bytes ? packBlock(bytes) : null });
        fetching++;
        void executor
          .localBlock(message.key)
          .then(reply, () => reply(undefined))
          .finally(() => {
            fetching--;
            fetchEnded?.();
          });
        return;
      }
    }
  };

  try {
    for (;;) {
      while (fetching >= MAX_FETCHES_IN_FLIGHT) await new Promise<void>((resolve) => (fetchEnded = resolve));
      await connection.whenUnsentBelow();
      const message = await connection.nextMessage(toExecutor, 'executor message');
      if (!message) return;
      handle(message);
    }
  } finally {
    if (running.size > 0) log(`driver connection closed: aborting ${running.size} running task(s)`);
    for (const controller of running.values()) controller.abort();
    running.clear();
    barrierCalls.rejectAll(new Error('the driver connection closed'));
  }
}
