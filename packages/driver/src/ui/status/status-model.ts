/**
 * What the driver UI and its JSON API show, in the shape of Spark's REST API (`/api/v1/...`):
 * the same field names where Spark has the concept, times as Spark's `2026-01-02T03:04:05.678GMT`
 * strings. Flint's extras (call site, SQL text, stage lineage, locality counts, task categories)
 * are added fields. Every record here is plain data, so the API sends it as it is.
 */
import type { SqlPlanNode } from '@flint/rdd';
import type { RddInfo } from '../../scheduler/events.js';

export interface ApplicationInfo {
  id: string;
  name: string;
  master: string;
  mode: string;
  sparkUser: string;
  flintVersion: string;
  startTime: number;
  endTime: number | undefined;
  /** Time of the last event folded in: how fresh an in-progress history log is. */
  lastUpdated: number;
}

export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface JobData {
  jobId: number;
  /** The action and where the user called it, `collect at job.ts:12:5`: its result stage's name, as Spark names a job. */
  name: string;
  description: string;
  /** Where the user called the action, `job.ts:12:5`. */
  callSite: string;
  sqlText?: string;
  physicalPlan?: string;
  /** The plan's operators with their row-count metric ids (the API shows it with the counts, sql-plan-view.ts). */
  sqlPlan?: SqlPlanNode;
  jobGroup?: string;
  submissionTime: string;
  completionTime?: string;
  stageIds: number[];
  status: JobStatus;
  errorMessage?: string;
  /** Tasks of all the job's stages as planned (skipped ones included), as Spark counts them. */
  numTasks: number;
  numActiveTasks: number;
  numCompletedTasks: number;
  /** Partitions with a successful task: what the progress bar shows (a recomputed partition counts once). */
  numCompletedIndices: number;
  numSkippedTasks: number;
  numFailedTasks: number;
  numKilledTasks: number;
  numActiveStages: number;
  numCompletedStages: number;
  numSkippedStages: number;
  numFailedStages: number;
}

export type StageStatus = 'PENDING' | 'ACTIVE' | 'COMPLETE' | 'FAILED' | 'SKIPPED';

export type Locality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'ANY';

export interface StageData {
  status: StageStatus;
  stageId: number;
  /** 0 for a stage not submitted yet; the scheduler numbers its attempts from 1. */
  attemptId: number;
  name: string;
  kind: 'shuffleMap' | 'result';
  numTasks: number;
  numActiveTasks: number;
  numCompleteTasks: number;
  numFailedTasks: number;
  numKilledTasks: number;
  submissionTime?: string;
  firstTaskLaunchedTime?: string;
  completionTime?: string;
  failureReason?: string;
  /** Why this attempt ran again: lineage recomputation after a lost executor or a fetch failure. */
  resubmitReason?: string;
  executorRunTime: number;
  inputRecords: number;
  outputRecords: number;
  outputBytes: number;
  shuffleReadBytes: number;
  shuffleWriteBytes: number;
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
  jobIds: number[];
  parentIds: number[];
  rddIds: number[];
  /** The stage's lineage, for the DAG drawing. */
  rdds: RddInfo[];
  locality: Record<Locality, number>;
}

export type TaskStatus = 'RUNNING' | 'SUCCESS' | 'FAILED' | 'KILLED';

export interface TaskMetricsData {
  executorRunTime: number;
  fetchMs: number;
  readMs: number;
  decodeMs: number;
  recordsIn: number;
  recordsOut: number;
  bytesOut: number;
  shuffleReadBytes: number;
  shuffleWriteBytes: number;
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
}

export interface TaskData {
  taskId: number;
  stageId: number;
  stageAttemptId: number;
  /** The partition. */
  index: number;
  attempt: number;
  launchTime: number;
  duration?: number;
  executorId: string;
  host: string;
  status: TaskStatus;
  /** How a failed task ended: failed, executorLost or fetchFailed. */
  endReason?: string;
  errorMessage?: string;
  taskLocality: string;
  speculative: boolean;
  taskMetrics?: TaskMetricsData;
}

export interface ExecutorData {
  id: string;
  hostPort: string;
  isActive: boolean;
  totalCores: number;
  maxTasks: number;
  maxMemory: number;
  addTime: string;
  removeTime?: string;
  removeReason?: string;
  activeTasks: number;
  failedTasks: number;
  completedTasks: number;
  totalTasks: number;
  totalDuration: number;
  rddBlocks: number;
  memoryUsed: number;
  diskUsed: number;
  totalShuffleRead: number;
  totalShuffleWrite: number;
}

export interface CachedBlock {
  storageLevel: string;
  memBytes: number;
  diskBytes: number;
}

/** Spark's date strings: ISO 8601 with `GMT` for the zone. */
export function sparkDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', 'GMT');
}
