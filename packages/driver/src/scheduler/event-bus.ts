/**
 * The asynchronous listener bus: the scheduler posts plain events (events.ts) and goes on; the
 * queue is drained in a microtask after the scheduler's current step, so a listener never runs
 * inside the scheduler loop and cannot change its state. A listener that throws is logged once
 * (its later errors are dropped) and neither the scheduler nor the other listeners notice.
 * Microtasks, not timers: an action's caller sees its job's events delivered by the time its
 * promise settles, as fc.jobHistory has always promised.
 *
 * A listener that joins late first gets the application's standing state, so it can draw a
 * consistent picture: the applicationStart event and an executorAdded for each executor alive.
 */
import type { EventBody, SchedulerEvent, SchedulerEventListener } from './events.js';

/** Where a poster sends events: the bus stamps their time. */
export type EventSink = (body: EventBody) => void;

interface Joining {
  readonly listener: SchedulerEventListener;
  readonly replay: readonly SchedulerEvent[];
}

export class EventBus {
  private listeners: SchedulerEventListener[] = [];
  private joining: Joining[] = [];
  private readonly failed = new WeakSet<SchedulerEventListener>();
  private queue: SchedulerEvent[] = [];
  private scheduled = false;
  private closed = false;
  /** The events delivered so far that still describe the application (see above). */
  private standing: SchedulerEvent[] = [];

  constructor(private readonly logError: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  /** Subscribes; returns the unsubscribe function. */
  add(listener: SchedulerEventListener): () => void {
    this.joining.push({ listener, replay: [...this.standing] });
    this.schedule();
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      this.joining = this.joining.filter((j) => j.listener !== listener);
    };
  }

  /** Queues an event, stamped with the current time unless it carries one. */
  post(body: EventBody & { readonly time?: number }): void {
    if (this.closed) return;
    this.queue.push({ time: Date.now(), ...body } as SchedulerEvent);
    this.schedule();
  }

  /** Delivers every queued event now (the context does before it stops). */
  flush(): void {
    this.scheduled = false;
    this.admitJoining();
    while (this.queue.length > 0) {
      const event = this.queue.shift()!;
      this.keepStanding(event);
      for (const listener of this.listeners) this.deliver(listener, event);
      this.admitJoining();
    }
  }

  /** Delivers what is queued and takes no more events (the application has ended). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  private admitJoining(): void {
    for (const { listener, replay } of this.joining.splice(0)) {
      for (const event of replay) this.deliver(listener, event);
      this.listeners.push(listener);
    }
  }

  private keepStanding(event: SchedulerEvent): void {
    if (event.type === 'applicationStart' || event.type === 'executorAdded') this.standing.push(event);
    if (event.type === 'executorLost') this.standing = this.standing.filter((e) => e.type !== 'executorAdded' || e.executorId !== event.executorId);
  }

  private deliver(listener: SchedulerEventListener, event: SchedulerEvent): void {
    try {
      listener(event);
    } catch (error) {
      if (this.failed.has(listener)) return;
      this.failed.add(listener);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.logError(`flint: a scheduler event listener threw on event ${event.type} (${message}); its later errors are not logged`);
    }
  }
}
