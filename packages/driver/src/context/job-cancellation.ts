/**
 * Which running jobs a cancellation call stops, and the message their actions reject with
 * (Spark's wording). The DAG scheduler ends the selected jobs and kills their running tasks.
 */
import type { JobCancellation } from '../scheduler/dag-scheduler.js';
import { JOB_GROUP_ID, tagsOf } from './local-properties.js';

export function cancelGroup(groupId: string): JobCancellation {
  return {
    select: (job) => job.properties?.get(JOB_GROUP_ID) === groupId,
    reason: (jobId) => `Job ${jobId} cancelled part of cancelled job group ${groupId}`,
  };
}

export function cancelTag(tag: string): JobCancellation {
  return {
    select: (job) => tagsOf(job.properties ?? new Map()).includes(tag),
    reason: (jobId) => `Job ${jobId} cancelled part of cancelled job tags ${tag}`,
  };
}

export const CANCEL_ALL: JobCancellation = {
  select: () => true,
  reason: (jobId) => `Job ${jobId} cancelled as part of cancellation of all jobs`,
};
