/** An executor in a worker process, as the driver sees it: an authenticated connection to its executor service. */
import { dialFrames, PendingRequests, type FramedConnection } from '@flint/net';
import { toDriver, type BarrierRequest, type BarrierSync, type ToExecutor, type TaskOutcome, type TaskRequest } from '@flint/worker';
import type { ExecutorBackend } from '../scheduler/task-scheduler.js';

const CONNECT_TIMEOUT_MS = 5_000;

export class RemoteExecutor implements ExecutorBackend {
  /** Running tasks by task id. */
  private readonly running = new PendingRequests<TaskOutcome>();
  private closed = false;

  private constructor(
    readonly id: string,
    private readonly threads: number,
    readonly memoryBytes: number | undefined,
    private readonly connection: FramedConnection,
    private readonly barrierSync: BarrierSync,
  ) {}

  /** Task slots: none once the executor is lost or closed, so it is offered no new task. */
  get slots(): number {
    return this.closed ? 0 : this.threads;
  }

  /**
   * Connects; `onLost` is called once if the connection drops (the executor or its worker died).
   * The tasks running then stay unsettled until endRunningTasks(): the backend first finds out why.
   */
  static async connect(id: string, capacity: { slots: number; memoryBytes?: number }, address: string, onLost: (reason: string) => void, barrierSync: BarrierSync): Promise<RemoteExecutor> {
    const separator = address.lastIndexOf(':');
    const connection = await dialFrames({ host: address.slice(0, separator), port: Number(address.slice(separator + 1)) }, `executor ${id}`, CONNECT_TIMEOUT_MS);
    const executor = new RemoteExecutor(id, capacity.slots, capacity.memoryBytes, connection, barrierSync);
    void executor.receive(onLost);
    return executor;
  }

  runTask(request: TaskRequest): Promise<TaskOutcome> {
    if (this.closed) return Promise.reject(new Error(`executor ${this.id} is gone`));
    const outcome = this.running.wait(request.taskId);
    this.send({ type: 'runTask', request });
    return outcome;
  }

  killTask(taskId: number): void {
    if (this.running.has(taskId)) this.send({ type: 'killTask', taskId });
  }

  forgetShuffle(appId: string, shuffleId: number): void {
    this.send({ type: 'forgetShuffle', appId, shuffleId });
  }

  forgetRdd(appId: string, rddId: number): void {
    this.send({ type: 'forgetRdd', appId, rddId });
  }

  forgetBroadcast(appId: string, broadcastId: number): void {
    this.send({ type: 'forgetBroadcast', appId, broadcastId });
  }

  /** Closes the connection; the executor takes no new tasks. */
  close(): void {
    this.closed = true;
    this.connection.destroy();
  }

  /** Settles the tasks still running here (after their loss has been reported to the scheduler). */
  endRunningTasks(): void {
    this.running.rejectAll(new Error(`lost connection to executor ${this.id}`));
  }

  private send(message: ToExecutor): void {
    if (!this.closed) this.connection.send(message).catch(() => undefined);
  }

  /** Reads the executor's messages until the connection ends; a malformed one ends it too. */
  private async receive(onLost: (reason: string) => void): Promise<void> {
    let reason = 'connection closed';
    try {
      for (;;) {
        const message = await this.connection.receiveMessage(toDriver, 'executor message');
        if (message.type === 'barrierSync') this.answerBarrier(message.requestId, message.request);
        else this.running.resolve(message.taskId, message.outcome);
      }
    } catch (error) {
      if (!this.connection.closed) reason = (error as Error).message;
      this.connection.destroy();
    }
    const wasOpen = !this.closed;
    this.closed = true;
    if (wasOpen) onLost(reason);
  }

  /** A barrier task on this executor called barrier(): answer once the coordinator releases it. */
  private answerBarrier(requestId: number, request: BarrierRequest): void {
    this.barrierSync(request).then(
      (messages) => this.send({ type: 'barrierReply', requestId, messages }),
      (error: Error) => this.send({ type: 'barrierReply', requestId, error: error.message }),
    );
  }
}
