/**
 * The line between a barrier task's thread and the driver: the thread posts each barrier() call on
 * a MessagePort; the executor forwards it to the driver's coordinator and posts back everyone's
 * messages (or the error) once all tasks of the stage have called.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { BarrierSync, TaskRequest } from '../protocol.js';

export interface BarrierRelay {
  readonly threadPort: MessagePort;
  close(): void;
}

export function relayBarrier(request: TaskRequest, sync: BarrierSync): BarrierRelay {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', ({ epoch, message }: { epoch: number; message: string }) => {
    sync({ stageId: request.stageId, stageAttempt: request.stageAttempt, numTasks: request.barrier!.numTasks, partition: request.partition, epoch, message }).then(
      (messages) => port1.postMessage({ epoch, messages }),
      (error: Error) => port1.postMessage({ epoch, error: error.message }),
    );
  });
  return { threadPort: port2, close: () => port1.close() };
}
