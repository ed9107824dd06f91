/**
 * Runs a context's jobs: prepares the lineage (sampling jobs for sorts, ...), hands the job to the
 * DAG scheduler, and afterwards writes what was marked for checkpointing. In mapreduce mode it also
 * stores the output of every job that a later job reads, as a chain of Hadoop jobs does.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dependencies, lineage, prepare, userCallSite, userCallSiteShort, type ExecutionMode, type JobOptions, type JobOutput, type RDD } from '@flint/rdd';
import type { StageOutput } from '@flint/worker';
import type { DagScheduler } from '../scheduler/dag-scheduler.js';
import type { ActiveJob } from '../scheduler/job.js';
import type { Backend } from '../backend/backend.js';
import { JOB_OUTPUT_REPLICATION, JobStorage } from './job-storage.js';
import { JOB_DESCRIPTION, type LocalProperties } from './local-properties.js';
import { withOwnNamenode } from './dfs-paths.js';

export class JobRunner {
  private nextJobId = 0;
  private stopped = false;
  /** Where checkpoint() writes: a resolved local directory or a full `dfs://host:port/...` URL. */
  checkpointDir: string | undefined;
  private readonly storage: JobStorage;
  private readonly persisted = new Map<number, WeakRef<RDD<unknown>>>();

  constructor(
    private readonly dag: DagScheduler,
    private readonly backend: Backend,
    private readonly appId: string,
    private readonly mode: ExecutionMode,
    private readonly localProperties: LocalProperties,
  ) {
    this.storage = new JobStorage(backend.namenode, appId);
  }

  async runJob<R>(rdd: RDD<unknown>, options: JobOptions = {}): Promise<R[][]> {
    // Taken when the action is called: the jobs it runs belong to the group set at that moment.
    const properties = this.localProperties.snapshot(options.jobGroup);
    // Before any await, while the user's frame is still on the stack.
    options = { ...options, callSite: options.callSite ?? userCallSite(), shortCallSite: options.shortCallSite ?? userCallSiteShort() };
    if (this.mode === 'mapreduce' && options.source) await this.storeJobOutput(options.source, properties);
    const results = await this.submitJob<R>(rdd, options, properties);
    await this.writeCheckpoints(rdd, properties);
    // The job computed and kept every locally checkpointed RDD of its lineage (Spark marks them after the job).
    for (const computed of lineage(rdd)) computed.markLocallyCheckpointed();
    return results;
  }

  /** A persisted RDD seen in a job, if it is still referenced. */
  persistedRdd(rddId: number): RDD<unknown> | undefined {
    return this.persisted.get(rddId)?.deref();
  }

  /** From now on, jobs fail: the context is stopping. */
  refuseJobs(): void {
    this.stopped = true;
  }

  /** Deletes the stored job outputs, once the executors are gone. */
  deleteStoredOutputs(): void {
    this.storage.clear();
  }

  /**
   * Mapreduce mode: the RDD an action runs on, when computing it takes a shuffle (it is a reduce
   * phase's output), is computed by a job of its own that writes it to storage as JSON lines; the
   * action, and any later job, read it back and parse it again, as a chain of Hadoop jobs does. A
   * chain of narrow transformations over stored data (input files, earlier job outputs) is not
   * written: every job that uses it re-reads and re-parses its input, as Hadoop's map tasks do.
   */
  private async storeJobOutput(rdd: RDD<unknown>, properties: ReadonlyMap<string, string>): Promise<void> {
    if (!reducedSinceStorage(rdd)) return;
    const dir = this.storage.directoryFor(rdd.id());
    const output: JobOutput = { kind: 'store', dir, format: 'json' };
    await this.submitJob(rdd, { output, description: `mapreduce job writing RDD ${rdd.id()}` }, properties);
    rdd.markStored({ dir, format: 'json', reason: 'jobOutput' });
  }

  private async submitJob<R>(rdd: RDD<unknown>, options: JobOptions, properties: ReadonlyMap<string, string>): Promise<R[][]> {
    if (this.stopped) throw new Error('Cannot run a job: this FlintContext has been stopped');
    await prepare(rdd);
    if (this.stopped) throw new Error('Cannot run a job: this FlintContext was stopped before the job started (an action not awaited before fc.stop()?)');
    this.trackPersisted(rdd);
    const partitions = options.partitions ?? Array.from({ length: rdd.getNumPartitions() }, (_, i) => i);
    const output = stageOutput(options.output, this.backend.namenode);
    const results = await new Promise<unknown[][]>((resolveJob, reject) => {
      const job: ActiveJob = {
        id: this.nextJobId++,
        description: properties.get(JOB_DESCRIPTION) ?? options.description ?? 'job',
        callSite: options.callSite,
        shortCallSite: options.shortCallSite,
        sqlText: options.sqlText,
        sqlPlan: options.sqlPlan,
        properties,
        rdd,
        partitions,
        output,
        results: new Array(partitions.length).fill(undefined),
        remaining: partitions.length,
        resolve: resolveJob,
        reject,
      };
      this.dag.post({ type: 'jobSubmitted', job });
    });
    if ((output.kind === 'saveText' || output.kind === 'saveObjects' || output.kind === 'saveSequence') && !output.dir.startsWith('dfs://')) writeFileSync(join(output.dir, '_SUCCESS'), '');
    // Hadoop keeps no intermediate data between jobs: the next job recomputes from stored outputs.
    if (this.mode === 'mapreduce') this.forgetShuffles();
    return results as R[][];
  }

  private forgetShuffles(): void {
    for (const shuffleId of this.dag.forgetAllMapOutputs()) this.backend.forgetShuffle(this.appId, shuffleId);
  }

  /** Remembers persisted RDDs (weakly) so getPersistentRDDs() can name them. */
  private trackPersisted(root: RDD<unknown>): void {
    for (const rdd of lineage(root)) if (rdd.isCached) this.persisted.set(rdd.id(), new WeakRef(rdd));
  }

  /** Writes every RDD of the lineage marked with checkpoint(), then cuts its lineage (Spark does this after the job). */
  private async writeCheckpoints(root: RDD<unknown>, properties: ReadonlyMap<string, string>): Promise<void> {
    const marked = lineage(root).filter((rdd) => rdd.needsCheckpoint);
    for (const rdd of marked) {
      const root = this.checkpointDir!;
      const dir = root.startsWith('dfs://') ? `${root.replace(/\/$/, '')}/rdd-${rdd.id()}` : join(root, `rdd-${rdd.id()}`);
      if (!dir.startsWith('dfs://')) mkdirSync(dir, { recursive: true });
      await this.submitJob(rdd, { output: { kind: 'store', dir, format: 'binary' }, description: `checkpoint RDD ${rdd.id()}` }, properties);
      rdd.markStored({ dir, format: 'binary', reason: 'checkpoint' });
    }
  }
}

function stageOutput(output: JobOutput | undefined, namenode: string | undefined): StageOutput {
  if (!output || output.kind === 'collect') return { kind: 'collect' };
  if (output.kind === 'store') return { ...output, replication: JOB_OUTPUT_REPLICATION };
  if (output.dir.startsWith('dfs://')) return { ...output, dir: withOwnNamenode(output.dir, namenode) };
  const dir = resolve(output.dir);
  if (existsSync(dir)) throw new Error(`Output directory ${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  return { ...output, dir };
}

/** Whether computing `rdd` from stored data (input files, saved job outputs) takes a shuffle. */
function reducedSinceStorage(rdd: RDD<unknown>): boolean {
  return lineage(rdd).some((ancestor) => dependencies(ancestor).some((dependency) => dependency.shuffle));
}
