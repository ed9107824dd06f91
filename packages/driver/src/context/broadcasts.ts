/**
 * The driver's broadcasts: each value is encoded once, and its bytes travel with the first task
 * that uses it on each executor; later tasks there carry only its id. Releasing a broadcast
 * (unpersist/destroy) makes executors drop their copies, so the next task sends the bytes again.
 */
import { Broadcast, encode } from '@flint/rdd';
import type { ExecutorId, TaskRequest } from '@flint/worker';

type TaskBroadcasts = TaskRequest['broadcasts'];

export class Broadcasts {
  private nextId = 0;
  private readonly bytes = new Map<number, Uint8Array>();
  /** Per executor, the broadcasts whose bytes it has been sent. */
  private readonly sent = new Map<ExecutorId, Set<number>>();

  /** @param dropOnExecutors tells every executor to drop its copy of a released broadcast. */
  constructor(private readonly dropOnExecutors: (id: number) => void) {}

  create<T>(value: T): Broadcast<T> {
    const id = this.nextId++;
    this.bytes.set(id, encode(value));
    return new Broadcast(id, () => value, (broadcastId, destroy) => this.release(broadcastId, destroy));
  }

  /** A task's broadcasts as sent to `executor`: with their bytes where the executor has not had them yet. */
  forExecutor(executor: ExecutorId, used: TaskBroadcasts): TaskBroadcasts {
    let sent = this.sent.get(executor);
    if (!sent) this.sent.set(executor, (sent = new Set()));
    return used.map(({ id }) => {
      if (sent.has(id)) return { id };
      sent.add(id);
      return { id, bytes: this.bytesOf(id) };
    });
  }

  /** A lost executor's copies are gone; one that comes back under the same id gets the bytes again. */
  executorRemoved(executor: ExecutorId): void {
    this.sent.delete(executor);
  }

  /** Broadcast#unpersist and #destroy: executors drop their copies; destroy drops the driver's too. */
  private release(id: number, destroy: boolean): void {
    for (const sent of this.sent.values()) sent.delete(id);
    this.dropOnExecutors(id);
    if (destroy) this.bytes.delete(id);
  }

  private bytesOf(id: number): Uint8Array {
    const bytes = this.bytes.get(id);
    if (!bytes) throw new Error(`broadcast ${id} does not exist`);
    return bytes;
  }
}
