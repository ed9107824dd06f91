/** An executor in a worker process, as the driver sees it: a ws connection to its executor service. */
import type WebSocket from 'ws';
import { encodeMessage, openSocket, parseMessage, type BarrierRequest, type BarrierSync, type ServiceMessage, type TaskOutcome, type TaskRequest } from '@flint/worker';
import type { ExecutorBackend } from '../scheduler/task-scheduler.js';

export class RemoteExecutor implements ExecutorBackend {
  private readonly pending = new Map<number, { resolve(outcome: TaskOutcome): void; reject(error: Error): void }>();
  private closed = false;

  private constructor(
    readonly id: string,
    readonly slots: number,
    private readonly socket: WebSocket,
    private readonly barrierSync: BarrierSync,
  ) {}

  /** Connects; `onLost` is called once if the connection drops (the worker died or left). */
  static async connect(id: string, slots: number, address: string, onLost: (reason: string) => void, barrierSync: BarrierSync): Promise<RemoteExecutor> {
    let executor: RemoteExecutor | undefined;
    const socket = await openSocket(`ws://${address}`, (s) => {
      s.on('message', (data: Buffer) => executor?.receive(data));
      s.on('close', () => executor?.lost(onLost));
      s.on('error', () => undefined);
    });
    executor = new RemoteExecutor(id, slots, socket, barrierSync);
    return executor;
  }

  runTask(request: TaskRequest): Promise<TaskOutcome> {
    if (this.closed) return Promise.reject(new Error(`executor ${this.id} is gone`));
    return new Promise((resolve, reject) => {
      this.pending.set(request.taskId, { resolve, reject });
      this.socket.send(encodeMessage({ type: 'runTask', request }));
    });
  }

  killTask(taskId: number): void {
    if (!this.closed && this.pending.has(taskId)) this.socket.send(encodeMessage({ type: 'killTask', taskId }));
  }

  forgetShuffle(appId: string, shuffleId: number): void {
    if (!this.closed) this.socket.send(encodeMessage({ type: 'forgetShuffle', appId, shuffleId }));
  }

  forgetRdd(appId: string, rddId: number): void {
    if (!this.closed) this.socket.send(encodeMessage({ type: 'forgetRdd', appId, rddId }));
  }

  forgetBroadcast(appId: string, broadcastId: number): void {
    if (!this.closed) this.socket.send(encodeMessage({ type: 'forgetBroadcast', appId, broadcastId }));
  }

  close(): void {
    this.closed = true;
    this.socket.terminate();
  }

  private receive(data: Buffer): void {
    try {
      const message = parseMessage(data);
      if (message.type === 'barrierSync') return this.answerBarrier(message.requestId, message.request);
      if (message.type !== 'taskEnded') return;
      const pending = this.pending.get(message.taskId);
      this.pending.delete(message.taskId);
      pending?.resolve(message.outcome);
    } catch {
      this.socket.terminate();
    }
  }

  /** A barrier task on this executor called barrier(): answer once the coordinator releases it. */
  private answerBarrier(requestId: number, request: BarrierRequest): void {
    const reply = (message: ServiceMessage): void => {
      if (!this.closed) this.socket.send(encodeMessage(message));
    };
    this.barrierSync(request).then(
      (messages) => reply({ type: 'barrierReply', requestId, messages }),
      (error: Error) => reply({ type: 'barrierReply', requestId, error: error.message }),
    );
  }

  private lost(onLost: (reason: string) => void): void {
    const wasOpen = !this.closed;
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(new Error(`lost connection to executor ${this.id}`));
    this.pending.clear();
    if (wasOpen) onLost('connection closed');
  }
}
