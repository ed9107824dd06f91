/** Fans scheduler events out to every registered listener (the job history, demos, tests). */
import type { SchedulerListener } from './job.js';

type Method = keyof SchedulerListener;

export class ListenerBus implements SchedulerListener {
  private readonly listeners: SchedulerListener[] = [];

  add(listener: SchedulerListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  private emit<M extends Method>(method: M, ...args: Parameters<NonNullable<SchedulerListener[M]>>): void {
    for (const listener of this.listeners) (listener[method] as ((...a: typeof args) => void) | undefined)?.call(listener, ...args);
  }

  jobStarted: NonNullable<SchedulerListener['jobStarted']> = (...args) => this.emit('jobStarted', ...args);
  jobEnded: NonNullable<SchedulerListener['jobEnded']> = (...args) => this.emit('jobEnded', ...args);
  stageSubmitted: NonNullable<SchedulerListener['stageSubmitted']> = (...args) => this.emit('stageSubmitted', ...args);
  stageCompleted: NonNullable<SchedulerListener['stageCompleted']> = (...args) => this.emit('stageCompleted', ...args);
  stageResubmitted: NonNullable<SchedulerListener['stageResubmitted']> = (...args) => this.emit('stageResubmitted', ...args);
  taskEnded: NonNullable<SchedulerListener['taskEnded']> = (...args) => this.emit('taskEnded', ...args);
  executorLost: NonNullable<SchedulerListener['executorLost']> = (...args) => this.emit('executorLost', ...args);
}
