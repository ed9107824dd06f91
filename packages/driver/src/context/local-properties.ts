/**
 * Spark's local properties: key/value pairs that jobs submitted afterwards carry, among them the
 * job group (`spark.jobGroup.id`), the job description and the job tags. Spark keeps them per
 * thread; a Flint driver is one thread, so they belong to the context. Each job takes a snapshot
 * when it is submitted, so changing them later does not move a running job to another group.
 */
import type { JobGroup } from '@flint/rdd';

export const JOB_GROUP_ID = 'spark.jobGroup.id';
export const JOB_DESCRIPTION = 'spark.job.description';
export const JOB_INTERRUPT_ON_CANCEL = 'spark.job.interruptOnCancel';
export const JOB_TAGS = 'spark.job.tags';

export class LocalProperties {
  private readonly properties = new Map<string, string>();

  /** Sets a property; `null` (or undefined) removes it, as in Spark. */
  set(key: string, value: string | null | undefined): void {
    if (typeof key !== 'string' || key.length === 0) throw new TypeError('setLocalProperty: the key must be a non-empty string');
    if (value === null || value === undefined) this.properties.delete(key);
    else this.properties.set(key, String(value));
  }

  get(key: string): string | null {
    return this.properties.get(key) ?? null;
  }

  /** The properties a job is submitted with; `jobGroup` puts this one job in that group. */
  snapshot(jobGroup?: JobGroup): ReadonlyMap<string, string> {
    const properties = new Map(this.properties);
    if (jobGroup) {
      properties.set(JOB_GROUP_ID, jobGroup.id);
      properties.set(JOB_DESCRIPTION, jobGroup.description);
      properties.set(JOB_INTERRUPT_ON_CANCEL, String(jobGroup.interruptOnCancel));
    }
    return properties;
  }

  setJobGroup(groupId: string, description: string, interruptOnCancel: boolean): void {
    this.set(JOB_GROUP_ID, groupId);
    this.set(JOB_DESCRIPTION, description);
    this.set(JOB_INTERRUPT_ON_CANCEL, String(interruptOnCancel));
  }

  clearJobGroup(): void {
    for (const key of [JOB_GROUP_ID, JOB_DESCRIPTION, JOB_INTERRUPT_ON_CANCEL]) this.properties.delete(key);
  }

  jobTags(): string[] {
    return tagsOf(this.properties);
  }

  addJobTag(tag: string): void {
    requireTag(tag);
    this.setTags([...new Set([...this.jobTags(), tag])]);
  }

  removeJobTag(tag: string): void {
    requireTag(tag);
    this.setTags(this.jobTags().filter((t) => t !== tag));
  }

  clearJobTags(): void {
    this.properties.delete(JOB_TAGS);
  }

  private setTags(tags: string[]): void {
    if (tags.length === 0) this.properties.delete(JOB_TAGS);
    else this.properties.set(JOB_TAGS, tags.join(','));
  }
}

/** The tags a job was submitted with. */
export function tagsOf(properties: ReadonlyMap<string, string>): string[] {
  const tags = properties.get(JOB_TAGS);
  return tags ? tags.split(',') : [];
}

/** Spark's rules for a job tag: a non-empty string without commas (tags are stored comma-joined). */
function requireTag(tag: string): void {
  if (typeof tag !== 'string') throw new TypeError('Spark job tag must be a string');
  if (tag.includes(',')) throw new Error("Spark job tag cannot contain ','.");
  if (tag.length === 0) throw new Error('Spark job tag cannot be an empty string.');
}
