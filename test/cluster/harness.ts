/** Shared pieces of the cluster end-to-end tests: a task log listener and sequential references. */
import { readFileSync } from 'node:fs';
import type { ExecutorId, SchedulerEvent, TaskStatus } from '@flint/driver';

export interface LoggedTask {
  readonly jobId: number;
  readonly stageId: number;
  readonly partition: number;
  readonly executor: ExecutorId;
  readonly end: TaskStatus;
}

/** Records every task end and lost executor from the scheduler's events, so tests can count what was recomputed. */
export class TaskLog {
  readonly tasks: LoggedTask[] = [];
  readonly lost: { executor: ExecutorId; lostMapOutputs: readonly (readonly [number, number])[]; lostCachedPartitions: number }[] = [];
  /** Shuffle map stages seen submitted: stage id to shuffle id. */
  readonly mapStages = new Map<number, number>();
  private readonly shuffleOfStage = new Map<number, number>();
  private readonly waiters: { predicate: () => boolean; resolve: () => void }[] = [];

  /** The listener to pass to fc.addListener. */
  readonly onEvent = (event: SchedulerEvent): void => {
    switch (event.type) {
      case 'jobStart':
        for (const stage of event.stages) if (stage.shuffleId !== undefined) this.shuffleOfStage.set(stage.stageId, stage.shuffleId);
        return;
      case 'stageSubmitted': {
        const shuffleId = this.shuffleOfStage.get(event.stageId);
        if (shuffleId !== undefined) this.mapStages.set(event.stageId, shuffleId);
        return;
      }
      case 'taskEnd':
        this.tasks.push({ jobId: event.jobId, stageId: event.stageId, partition: event.partition, executor: event.executorId, end: event.status });
        return this.check();
      case 'executorLost':
        this.lost.push({ executor: event.executorId, lostMapOutputs: event.lostMapOutputs, lostCachedPartitions: event.lostCachedPartitions });
        return;
    }
  };

  successes(stageId: number): LoggedTask[] {
    return this.tasks.filter((t) => t.stageId === stageId && t.end === 'success');
  }

  /** Resolves once `predicate` holds after some task ends. */
  until(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  private check(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}

export function wordCountReference(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) for (const word of line.split(' ')) if (word.length > 0) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** A deterministic text: `lines` lines of words drawn from a skewed vocabulary. */
export function generateLines(lines: number, seed = 7): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: lines }, () => Array.from({ length: 8 }, () => `w${Math.floor(next() ** 3 * 500)}`).join(' '));
}

/** CPU seconds a process and its children (a worker's executor process) have used so far (user + system), from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return (Number(fields[11]) + Number(fields[12])) / 100 + children.reduce((sum, child) => sum + cpuSeconds(child), 0);
}
