/** Fresh records for the status store (app-status-store.ts): a job, a stage attempt, an executor, a task's metrics. */
import type { TaskEndMetrics, StageInfo } from '../../scheduler/events.js';
import { sparkDate, type ExecutorData, type JobData, type StageData, type TaskMetricsData } from './status-model.js';

export function newJob(jobId: number, name: string, callSite: string, time: number): JobData {
  return {
    jobId,
    name,
    description: '',
    callSite,
    submissionTime: sparkDate(time),
    stageIds: [],
    status: 'RUNNING',
    numTasks: 0,
    numActiveTasks: 0,
    numCompletedTasks: 0,
    numCompletedIndices: 0,
    numSkippedTasks: 0,
    numFailedTasks: 0,
    numKilledTasks: 0,
    numActiveStages: 0,
    numCompletedStages: 0,
    numSkippedStages: 0,
    numFailedStages: 0,
  };
}

export function newStageAttempt(info: StageInfo, attemptId: number, jobIds: number[]): StageData {
  return {
    status: 'PENDING',
    stageId: info.stageId,
    attemptId,
    name: info.name,
    kind: info.kind,
    numTasks: info.numTasks,
    numActiveTasks: 0,
    numCompleteTasks: 0,
    numFailedTasks: 0,
    numKilledTasks: 0,
    executorRunTime: 0,
    inputRecords: 0,
    outputRecords: 0,
    outputBytes: 0,
    shuffleReadBytes: 0,
    shuffleWriteBytes: 0,
    memoryBytesSpilled: 0,
    diskBytesSpilled: 0,
    jobIds,
    parentIds: [...info.parentStageIds],
    rddIds: info.rdds.map((rdd) => rdd.id),
    rdds: info.rdds.map((rdd) => ({ ...rdd, parentIds: [...rdd.parentIds] })),
    locality: { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 },
  };
}

export function newExecutor(id: string, host: string, slots: number, memoryBytes: number, time: number): ExecutorData {
  return {
    id,
    hostPort: host,
    isActive: true,
    totalCores: slots,
    maxTasks: slots,
    maxMemory: memoryBytes,
    addTime: sparkDate(time),
    activeTasks: 0,
    failedTasks: 0,
    completedTasks: 0,
    totalTasks: 0,
    totalDuration: 0,
    rddBlocks: 0,
    memoryUsed: 0,
    diskUsed: 0,
    totalShuffleRead: 0,
    totalShuffleWrite: 0,
  };
}

export function taskMetricsOf(metrics: TaskEndMetrics, durationMs: number): TaskMetricsData {
  return {
    executorRunTime: metrics.executorMs || metrics.threadMs || durationMs,
    fetchMs: metrics.fetchMs,
    readMs: metrics.readMs,
    decodeMs: metrics.decodeMs,
    recordsIn: metrics.recordsIn ?? 0,
    recordsOut: metrics.recordsOut ?? 0,
    bytesOut: metrics.bytesOut ?? 0,
    shuffleReadBytes: metrics.shuffleReadBytes ?? 0,
    shuffleWriteBytes: metrics.shuffleWriteBytes ?? 0,
    memoryBytesSpilled: metrics.memoryBytesSpilled,
    diskBytesSpilled: metrics.diskBytesSpilled,
  };
}
