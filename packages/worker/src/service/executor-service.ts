/**
 * A worker's executor service: one ws server that the driver sends tasks to and peers fetch
 * blocks from. Tasks of a driver connection that closes are aborted: a dead driver leaves no
 * orphaned tasks running.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { Executor } from '../executor/executor.js';
import { encodeMessage, parseMessage, type ServiceMessage } from './messages.js';
import { packBlock, unpackBlock } from './block-transfer.js';
import { killedOutcome, type BarrierSync } from '../protocol.js';

export interface ExecutorService {
  readonly port: number;
  close(): Promise<void>;
}

export async function startExecutorService(executor: Executor, host: string, port: number, log: (line: string) => void): Promise<ExecutorService> {
  const server = new WebSocketServer({ host, port, maxPayload: 2 ** 31 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.on('connection', (socket) => serveConnection(executor, socket, log));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(executor: Executor, socket: WebSocket, log: (line: string) => void): void {
  const running = new Map<number, AbortController>();
  /** Barrier calls sent to the driver on this connection, waiting for its answer. */
  const barrierCalls = new Map<number, { resolve(messages: string[]): void; reject(error: Error): void }>();
  let nextBarrierCall = 0;
  const barrierSync: BarrierSync = (request) =>
    new Promise((resolve, reject) => {
      const requestId = nextBarrierCall++;
      barrierCalls.set(requestId, { resolve, reject });
      send({ type: 'barrierSync', requestId, request });
    });
  const send = (message: ServiceMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(encodeMessage(message));
  };
  socket.on('message', (data: Buffer) => {
    let message: ServiceMessage;
    try {
      message = parseMessage(data);
    } catch (error) {
      log(`dropping a connection that sent a bad frame: ${(error as Error).message}`);
      socket.terminate();
      return;
    }
    handle(message);
  });
  socket.on('close', () => {
    if (running.size > 0) log(`driver connection closed: aborting ${running.size} running task(s)`);
    for (const controller of running.values()) controller.abort();
    running.clear();
    for (const call of barrierCalls.values()) call.reject(new Error('the driver connection closed'));
    barrierCalls.clear();
  });

  function handle(message: ServiceMessage): void {
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
      case 'barrierReply': {
        const call = barrierCalls.get(message.requestId);
        barrierCalls.delete(message.requestId);
        if (message.error !== undefined) call?.reject(new Error(message.error));
        else call?.resolve([...(message.messages ?? [])]);
        return;
      }
      case 'forgetShuffle':
        return executor.removeShuffle(message.appId, message.shuffleId);
      case 'forgetRdd':
        return executor.removeRdd(message.appId, message.rddId);
      case 'forgetBroadcast':
        return executor.removeBroadcast(message.appId, message.broadcastId);
      case 'putBlock':
        executor.storeReplica(message.key, unpackBlock(message.block), message.storageLevel);
        return send({ type: 'blockStored', requestId: message.requestId });
      case 'fetchBlock': {
        const bytes = executor.blocks.get(message.key);
        return send({ type: 'block', requestId: message.requestId, block: bytes ? packBlock(bytes) : null });
      }
      case 'taskEnded':
      case 'barrierSync':
      case 'block':
      case 'blockStored':
        log(`unexpected ${message.type} message from a client`);
    }
  }
}
