/**
 * The part of FlintContext's API that controls jobs, as Spark's does for a driver's one thread:
 * local properties (which every job takes when its action is called), job groups, descriptions and
 * tags, and cancelling the running jobs of a group, of a tag, or all of them (their actions reject
 * with Spark's message and their running tasks are stopped). FlintContext extends it and gives it
 * the DAG scheduler to cancel jobs on.
 */
import type { JobCancellation } from '../scheduler/dag-scheduler.js';
import { JOB_DESCRIPTION, JOB_GROUP_ID, LocalProperties, tagsOf } from './local-properties.js';
import { RddInputs } from './rdd-inputs.js';

export abstract class JobControl extends RddInputs {
  protected readonly localProperties = new LocalProperties();

  /** Ends the running jobs `cancellation` selects. */
  protected abstract cancelJobs(cancellation: JobCancellation): void;

  /** Jobs submitted from now on carry this property; `null` removes it. */
  setLocalProperty(key: string, value: string | null): void {
    this.localProperties.set(key, value);
  }

  getLocalProperty(key: string): string | null {
    return this.localProperties.get(key);
  }

  /** Puts the jobs submitted from now on in a group that cancelJobGroup can cancel. */
  setJobGroup(groupId: string, description: string, interruptOnCancel = false): void {
    this.localProperties.setJobGroup(groupId, description, interruptOnCancel);
  }

  clearJobGroup(): void {
    this.localProperties.clearJobGroup();
  }

  /** The description of the jobs submitted from now on (shown in jobHistory); null clears it. */
  setJobDescription(value: string | null): void {
    this.localProperties.set(JOB_DESCRIPTION, value);
  }

  /** Flint always stops a cancelled job's running tasks (it ends their threads), so this only records the flag. */
  setInterruptOnCancel(interruptOnCancel: boolean): void {
    this.localProperties.set('spark.job.interruptOnCancel', String(interruptOnCancel));
  }

  addJobTag(tag: string): void {
    this.localProperties.addJobTag(tag);
  }

  removeJobTag(tag: string): void {
    this.localProperties.removeJobTag(tag);
  }

  getJobTags(): Set<string> {
    return new Set(this.localProperties.jobTags());
  }

  clearJobTags(): void {
    this.localProperties.clearJobTags();
  }

  /** Cancels the running jobs of a group: their actions reject and their running tasks are stopped. */
  cancelJobGroup(groupId: string): void {
    this.cancelJobs(cancelGroup(groupId));
  }

  cancelJobsWithTag(tag: string): void {
    this.cancelJobs(cancelTag(tag));
  }

  cancelAllJobs(): void {
    this.cancelJobs(CANCEL_ALL);
  }

  /** As Spark's DAGScheduler when its context stops: the actions still running reject (an action not awaited, say). */
  protected cancelJobsAtStop(): void {
    this.cancelJobs(SHUT_DOWN);
  }
}

function cancelGroup(groupId: string): JobCancellation {
  return {
    select: (job) => job.properties?.get(JOB_GROUP_ID) === groupId,
    reason: (jobId) => `Job ${jobId} cancelled part of cancelled job group ${groupId}`,
  };
}

function cancelTag(tag: string): JobCancellation {
  return {
    select: (job) => tagsOf(job.properties ?? new Map()).includes(tag),
    reason: (jobId) => `Job ${jobId} cancelled part of cancelled job tags ${tag}`,
  };
}

const CANCEL_ALL: JobCancellation = {
  select: () => true,
  reason: (jobId) => `Job ${jobId} cancelled as part of cancellation of all jobs`,
};

const SHUT_DOWN: JobCancellation = {
  select: () => true,
  reason: (jobId) => `Job ${jobId} cancelled because FlintContext was shut down`,
};
