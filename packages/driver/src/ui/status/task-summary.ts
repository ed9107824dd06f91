/**
 * Per-stage summaries the stage page shows: the distribution of successful task durations (min,
 * 25th percentile, median, 75th percentile, max, as Spark's task summary) with skew flagged, and
 * each task as a bar on its executor's row of the timeline, coloured by what happened to it.
 */
import type { StageData, TaskData } from './status-model.js';

export interface DurationSummary {
  count: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
  /** max / median; with `skewed`, the slowest task took at least SKEW_RATIO times the median and SKEW_MIN_EXCESS_MS more. */
  maxOverMedian: number;
  skewed: boolean;
}

const SKEW_RATIO = 2;
/** Millisecond tasks vary by a factor of two for no reason worth flagging. */
const SKEW_MIN_EXCESS_MS = 100;

/** Spark's quantile rule (AppStatusStore.taskSummary): the value at index min(floor(q * n), n - 1) of the sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(Math.floor(q * sorted.length), sorted.length - 1)];
}

export function durationSummary(tasks: readonly TaskData[]): DurationSummary | undefined {
  const durations = tasks.filter((t) => t.status === 'SUCCESS' && t.duration !== undefined).map((t) => t.duration!);
  if (durations.length === 0) return undefined;
  durations.sort((a, b) => a - b);
  const median = quantile(durations, 0.5);
  const max = durations[durations.length - 1];
  const maxOverMedian = median > 0 ? max / median : max > 0 ? Infinity : 1;
  return {
    count: durations.length,
    min: durations[0],
    p25: quantile(durations, 0.25),
    median,
    p75: quantile(durations, 0.75),
    max,
    maxOverMedian: Number.isFinite(maxOverMedian) ? Math.round(maxOverMedian * 100) / 100 : maxOverMedian,
    skewed: maxOverMedian >= SKEW_RATIO && max - median >= SKEW_MIN_EXCESS_MS,
  };
}

/** What the timeline colours a task by; the legend on the page names each. */
export type TaskCategory = 'running' | 'succeeded' | 'failed' | 'killed' | 'retry' | 'recomputed' | 'speculative';

export interface TimelineBar {
  taskId: number;
  stageId: number;
  stageAttemptId: number;
  index: number;
  attempt: number;
  executorId: string;
  start: number;
  end: number;
  category: TaskCategory;
  status: TaskData['status'];
  endReason?: string;
}

export function taskCategory(task: TaskData, stage: StageData | undefined): TaskCategory {
  if (task.status === 'RUNNING') return 'running';
  if (task.status === 'FAILED') return 'failed';
  if (task.status === 'KILLED') return 'killed';
  if (task.speculative) return 'speculative';
  if (task.stageAttemptId > 1 || stage?.resubmitReason !== undefined) return 'recomputed';
  if (task.attempt > 0) return 'retry';
  return 'succeeded';
}

export function timelineBar(task: TaskData, stage: StageData | undefined, now: number): TimelineBar {
  const bar: TimelineBar = {
    taskId: task.taskId,
    stageId: task.stageId,
    stageAttemptId: task.stageAttemptId,
    index: task.index,
    attempt: task.attempt,
    executorId: task.executorId,
    start: task.launchTime,
    end: task.duration === undefined ? Math.max(now, task.launchTime) : task.launchTime + task.duration,
    category: taskCategory(task, stage),
    status: task.status,
  };
  if (task.endReason !== undefined) bar.endReason = task.endReason;
  return bar;
}
