export { FlintContext, type FlintContextOptions } from './context/flint-context.js';
export type { JobSummary, StageSummary } from './context/job-history.js';
export { parseMaster, type Master } from './context/master-url.js';
export { JobFailedError } from './scheduler/job.js';
export { RDD, StorageLevel, capture, Broadcast, Accumulator, StatCounter } from '@flint/rdd';
