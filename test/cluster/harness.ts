/** Shared pieces of the cluster end-to-end tests: a task log listener and sequential references. */
import { readFileSync } from 'node:fs';
import type { ExecutorId, SchedulerListener, Stage, TaskEnd } from '@flint/driver';

export interface LoggedTask {
  readonly jobId: number;
  readonly stageId: number;
  readonly partition: number;
  readonly executor: ExecutorId;
  readonly end: TaskEnd['kind'];
}

/** Records every task end and lost executor, so tests can count what was recomputed. */
export class TaskLog implements SchedulerListener {
  readonly tasks: LoggedTask[] = [];
  readonly lost: { executor: ExecutorId; lostMapOutputs: [number, number][]; lostCachedPartitions: number }[] = [];
  readonly mapStages = new Map<number, number>();
  private readonly waiters: { predicate: () => boolean; resolve: () => void }[] = [];

  taskEnded(request: { jobId: number; stageId: number; partition: number }, executor: ExecutorId, end: TaskEnd): void {
    this.tasks.push({ jobId: request.jobId, stageId: request.stageId, partition: request.partition, executor, end: end.kind });
    this.check();
  }

  stageSubmitted(stage: Stage): void {
    if (stage.kind === 'shuffleMap') this.mapStages.set(stage.id, stage.shuffleId);
  }

  executorLost(executor: ExecutorId, lostMapOutputs: [number, number][], lostCachedPartitions: number): void {
    this.lost.push({ executor, lostMapOutputs, lostCachedPartitions });
  }

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

/** CPU seconds a process has used so far (user + system), from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
