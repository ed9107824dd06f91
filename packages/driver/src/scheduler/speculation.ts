/**
 * Speculative execution, Spark's rule: once `quantile` of a stage attempt's tasks have succeeded,
 * a task still running after `multiplier` × the median successful duration (and at least
 * `minRuntimeMs`) is a straggler, and a copy of it is launched on another executor. Whichever copy
 * finishes first counts; the other's end is ignored. Off by default, as in Spark.
 */
import type { TaskRequest } from '@flint/worker';

export interface SpeculationOptions {
  readonly enabled: boolean;
  readonly quantile: number;
  readonly multiplier: number;
  readonly minRuntimeMs: number;
  /** How often stragglers are looked for. */
  readonly intervalMs: number;
}

export const SPECULATION_DEFAULTS: SpeculationOptions = { enabled: false, quantile: 0.75, multiplier: 1.5, minRuntimeMs: 100, intervalMs: 100 };

interface TaskSet {
  readonly partitions: Set<number>;
  readonly succeeded: Map<number, number>;
  readonly speculated: Set<number>;
}

export interface RunningAttempt {
  readonly request: TaskRequest;
  readonly startedAt: number;
}

const setKey = (request: TaskRequest): string => `${request.stageId}:${request.stageAttempt}`;

export class SpeculationTracker {
  private readonly sets = new Map<string, TaskSet>();

  constructor(readonly options: SpeculationOptions) {}

  submitted(request: TaskRequest): void {
    const key = setKey(request);
    let set = this.sets.get(key);
    if (!set) {
      set = { partitions: new Set(), succeeded: new Map(), speculated: new Set() };
      this.sets.set(key, set);
    }
    set.partitions.add(request.partition);
  }

  /** Records a success; false if another copy of the task already succeeded (ignore this one). */
  succeeded(request: TaskRequest, durationMs: number): boolean {
    const set = this.sets.get(setKey(request));
    if (!set) return true;
    if (set.succeeded.has(request.partition)) return false;
    set.succeeded.set(request.partition, durationMs);
    if (set.succeeded.size === set.partitions.size) this.sets.delete(setKey(request));
    return true;
  }

  /** Whether a task's partition has already succeeded through another copy. */
  isDone(request: TaskRequest): boolean {
    return this.sets.get(setKey(request))?.succeeded.has(request.partition) ?? false;
  }

  /** Whether another copy of the task is still running. */
  hasCopy(request: TaskRequest, running: Iterable<RunningAttempt>): boolean {
    for (const attempt of running) {
      const other = attempt.request;
      if (other.taskId !== request.taskId && setKey(other) === setKey(request) && other.partition === request.partition) return true;
    }
    return false;
  }

  /** Running tasks that are stragglers by Spark's rule and have no copy yet. */
  stragglers(running: Iterable<RunningAttempt>, now: number): TaskRequest[] {
    if (!this.options.enabled) return [];
    const found: TaskRequest[] = [];
    for (const { request, startedAt } of running) {
      const set = this.sets.get(setKey(request));
      if (!set || set.speculated.has(request.partition) || set.succeeded.has(request.partition)) continue;
      if (set.succeeded.size < Math.max(1, Math.floor(this.options.quantile * set.partitions.size))) continue;
      const durations = [...set.succeeded.values()].sort((a, b) => a - b);
      const threshold = Math.max(this.options.minRuntimeMs, this.options.multiplier * durations[Math.floor(durations.length / 2)]);
      if (now - startedAt > threshold) {
        set.speculated.add(request.partition);
        found.push(request);
      }
    }
    return found;
  }
}
