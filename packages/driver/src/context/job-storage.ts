/**
 * Where a context saves partitions: checkpoints under the checkpoint directory, and in mapreduce
 * mode the output of every job that a later job reads. On a cluster those go to Flint DFS
 * (replicated, as Hadoop writes job outputs to HDFS); in local mode to a local directory.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hadoop writes job outputs with HDFS's replication; 2 keeps a copy through one lost worker. */
export const JOB_OUTPUT_REPLICATION = 2;

export class JobStorage {
  private localRoot: string | undefined;
  private next = 0;

  constructor(
    private readonly namenode: string | undefined,
    private readonly appId: string,
  ) {}

  /** A fresh directory for one RDD's saved partitions. */
  directoryFor(rddId: number): string {
    const name = `job-output-${this.next++}-rdd-${rddId}`;
    if (this.namenode) return `dfs://${this.namenode}/flint/${this.appId}/${name}`;
    this.localRoot ??= mkdtempSync(join(tmpdir(), 'flint-job-outputs-'));
    const dir = join(this.localRoot, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  clear(): void {
    if (this.localRoot) rmSync(this.localRoot, { recursive: true, force: true });
  }
}
