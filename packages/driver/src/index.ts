export { FlintContext, type FlintContextOptions, type PersistedRddInfo } from './context/flint-context.js';
export type { JobSummary, StageSummary } from './context/job-history.js';
export { parseMaster, type Master } from './context/master-url.js';
export { JobFailedError, type SchedulerListener, type ActiveJob } from './scheduler/job.js';
export type { Stage, ShuffleMapStage, ResultStage } from './scheduler/stage.js';
export type { TaskEnd, Locality } from './scheduler/task-scheduler.js';
export type { ExecutorId, TaskMetrics } from '@flint/worker';
export { LocalCluster, type LocalWorker } from './backend/local-cluster.js';
export { RDD, StorageLevel, capture, Broadcast, Accumulator, StatCounter } from '@flint/rdd';
