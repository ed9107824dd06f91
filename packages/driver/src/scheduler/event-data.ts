/**
 * The plain-data pictures of live scheduler objects that events carry (events.ts): a stage with
 * its lineage for the DAG drawing, a job's stages, a task's end as a status and metrics.
 */
import { dependencies, describeRdd, lineage, narrowDependencies, type RDD } from '@flint/rdd';
import type { TaskRequest } from '@flint/worker';
import type { EventBody, RddInfo, StageInfo, TaskEndMetrics, TaskStatus } from './events.js';
import type { ResultStage, Stage } from './stage.js';
import type { ActiveJob } from './job.js';
import { JOB_GROUP_ID, tagsOf } from '../context/local-properties.js';
import type { TaskEnd } from './task-end.js';

/** A job's start: what it runs for (call site, SQL), its group and tags, and all its stages, parents first. */
export function jobStartEvent(job: ActiveJob, finalStage: ResultStage): EventBody<'jobStart'> {
  const stages = stagesOf(finalStage).map(stageInfo);
  const group = job.properties?.get(JOB_GROUP_ID);
  const tags = job.properties ? tagsOf(job.properties) : [];
  return {
    type: 'jobStart',
    jobId: job.id,
    description: job.description,
    ...(job.callSite ? { callSite: job.callSite } : {}),
    ...(job.sqlText ? { sqlText: job.sqlText } : {}),
    ...(job.sqlPlan ? { sqlPlan: job.sqlPlan } : {}),
    ...(group ? { jobGroup: group } : {}),
    ...(tags.length > 0 ? { jobTags: tags } : {}),
    stageIds: stages.map((stage) => stage.stageId),
    stages,
  };
}

/** A job's stages, parents first. */
export function stagesOf(root: Stage): Stage[] {
  const stages = new Map<number, Stage>();
  const visit = (stage: Stage): void => {
    if (stages.has(stage.id)) return;
    for (const parent of stage.parents) visit(parent);
    stages.set(stage.id, stage);
  };
  visit(root);
  return [...stages.values()];
}

export function stageInfo(stage: Stage): StageInfo {
  return {
    stageId: stage.id,
    name: stage.name,
    numTasks: stage.numPartitions,
    parentStageIds: stage.parents.map((parent) => parent.id),
    kind: stage.kind,
    ...(stage.kind === 'shuffleMap' ? { shuffleId: stage.shuffleId } : {}),
    // The RDDs the stage's tasks compute: its narrow lineage; a shuffle's map side belongs to the parent stage.
    rdds: lineage(stage.rdd, narrowDependencies).reverse().map(rddInfo),
  };
}

function rddInfo(rdd: RDD<unknown>): RddInfo {
  const { node } = rdd;
  const kind = node.kind === 'elementwise' ? node.step.op : node.kind === 'mapPartitions' ? node.fn.site.split(' ')[0] : node.kind;
  return {
    id: rdd.id(),
    name: rdd.name() ?? describeRdd(rdd).replace(/ \[[^\]]*\]$/, ''),
    kind,
    numPartitions: rdd.getNumPartitions(),
    parentIds: dependencies(rdd).map((dependency) => dependency.rdd.id()),
    ...(rdd.isCached ? { storageLevel: String(rdd.storageLevel) } : {}),
  };
}

/** What a task's end reports: its status, why it did not succeed, and (on success) its metrics. */
export function taskEndData(request: TaskRequest, end: TaskEnd): { status: TaskStatus; reason?: string; metrics?: TaskEndMetrics } {
  switch (end.kind) {
    case 'success':
      return { status: 'success', metrics: successMetrics(request, end) };
    case 'failure':
      return { status: end.error.name === 'TaskKilled' ? 'killed' : 'failed', reason: `${end.error.name}: ${end.error.message}` };
    case 'fetchFailed':
      return { status: 'fetchFailed', reason: end.message };
    case 'missingCachedBlock':
      return { status: 'missingCachedBlock', reason: `cached partition ${end.split} of RDD ${end.rddId} is gone; it is recomputed from lineage` };
    case 'executorLost':
      return { status: 'executorLost', reason: `executor ${end.executor} was lost` };
  }
}

function successMetrics(request: TaskRequest, end: Extract<TaskEnd, { kind: 'success' }>): TaskEndMetrics {
  const shuffleReadBytes = shuffleBytesRead(request);
  return {
    ...end.metrics,
    executorMs: end.durationMs,
    recordsIn: end.recordsRead,
    recordsOut: end.recordsWritten,
    bytesOut: end.bytesWritten,
    ...(end.result ? { resultBytes: end.result.length } : {}),
    ...(end.bucketSizes ? { shuffleWriteBytes: end.bucketSizes.reduce((sum, size) => sum + size, 0) } : {}),
    ...(shuffleReadBytes === undefined ? {} : { shuffleReadBytes }),
    ...(end.accumulators.length > 0 ? { accumulatorUpdates: end.accumulators } : {}),
  };
}

/** The bytes of the shuffle buckets the task was sent to read, when the request says. */
function shuffleBytesRead(request: TaskRequest): number | undefined {
  let total: number | undefined;
  for (const input of request.inputs) {
    if (input.kind !== 'shuffle') continue;
    for (const bucket of input.buckets) total = (total ?? 0) + bucket.size;
  }
  return total;
}
