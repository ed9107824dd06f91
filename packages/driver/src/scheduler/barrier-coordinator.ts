/**
 * The driver's barrier coordinator (Spark's BarrierCoordinator): the tasks of a barrier stage
 * attempt call barrier() (or allGather) on their threads; each call arrives here with its epoch
 * (how many barriers the task passed before) and is answered when all the stage's tasks have made
 * the same call, with every task's message in partition order. A call of an older attempt, or one
 * whose epoch does not match the others', fails.
 */
import type { BarrierRequest } from '@flint/worker';

interface PendingSync {
  readonly stageAttempt: number;
  readonly epoch: number;
  readonly messages: (string | undefined)[];
  readonly waiters: { resolve(messages: string[]): void; reject(error: Error): void }[];
}

export class BarrierCoordinator {
  /** The sync each barrier stage's current attempt is gathering, by stage id. */
  private readonly pending = new Map<number, PendingSync>();

  sync(request: BarrierRequest): Promise<string[]> {
    const { stageId, stageAttempt, numTasks, partition, epoch } = request;
    let sync = this.pending.get(stageId);
    if (sync && sync.stageAttempt < stageAttempt) {
      this.fail(stageId, `stage ${stageId} attempt ${sync.stageAttempt} was aborted`);
      sync = undefined;
    }
    if (sync && sync.stageAttempt > stageAttempt) return Promise.reject(new Error(`stage ${stageId} attempt ${stageAttempt} is no longer running`));
    if (sync && sync.epoch !== epoch) {
      const error = `barrier() epoch mismatch in stage ${stageId}: partition ${partition} is at barrier ${epoch}, others at ${sync.epoch}; every task must call barrier() the same number of times`;
      this.fail(stageId, error);
      return Promise.reject(new Error(error));
    }
    if (!sync) {
      sync = { stageAttempt, epoch, messages: new Array<string | undefined>(numTasks).fill(undefined), waiters: [] };
      this.pending.set(stageId, sync);
    }
    const current = sync;
    return new Promise((resolve, reject) => {
      current.messages[partition] = request.message;
      current.waiters.push({ resolve, reject });
      if (current.waiters.length === numTasks) {
        this.pending.delete(stageId);
        const messages = current.messages.map((m) => m ?? '');
        for (const waiter of current.waiters) waiter.resolve(messages);
      }
    });
  }

  /** Fails the tasks waiting at a stage's barrier (its attempt was aborted). */
  fail(stageId: number, reason: string): void {
    const sync = this.pending.get(stageId);
    this.pending.delete(stageId);
    for (const waiter of sync?.waiters ?? []) waiter.reject(new Error(reason));
  }

  /** For the scheduler's leak check: stages with tasks waiting at a barrier. */
  get waitingStages(): number {
    return this.pending.size;
  }
}
