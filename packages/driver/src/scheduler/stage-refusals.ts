/**
 * Why a stage cannot run on the executors there are, in Spark's words; the DAG scheduler fails
 * the stage's jobs with the message instead of queueing tasks that no executor could take.
 */
import type { ActiveJob } from './job.js';
import type { EncodedStage } from './stage.js';

/** The reason `encoded` cannot run on executors with these slots (task threads) each (undefined: not known), if any. */
export function stageRefusal(encoded: EncodedStage, executorSlots: readonly number[] | undefined, job: ActiveJob | undefined): string | undefined {
  if (executorSlots === undefined) return encoded.barrier ? barrierRefusal(encoded, Infinity, job) : undefined;
  const totalSlots = executorSlots.reduce((sum, slots) => sum + Math.floor(slots / encoded.taskCpus), 0);
  return taskCpusRefusal(encoded.taskCpus, executorSlots) ?? (encoded.barrier ? barrierRefusal(encoded, totalSlots, job) : undefined);
}

/**
 * A ResourceProfile asking more cpus per task than any executor has slots (Spark's check of
 * executor cores against task cpus). No live executor (none yet, or only closing ones, with no
 * slots) is not a refusal: jobs wait for workers.
 */
function taskCpusRefusal(taskCpus: number, executorSlots: readonly number[]): string | undefined {
  const live = executorSlots.filter((slots) => slots > 0);
  if (taskCpus === 1 || live.length === 0) return undefined;
  const cores = Math.max(...live);
  if (taskCpus <= cores) return undefined;
  return `The number of cores per executor (=${cores}) has to be >= the number of cpus per task = ${taskCpus}.`;
}

/**
 * A barrier stage needs a slot for each of its tasks at once (a task takes `taskCpus` of its
 * executor's slots), and its job must compute all its partitions (not first(), take(), ...).
 */
function barrierRefusal({ stage }: EncodedStage, totalSlots: number, job: ActiveJob | undefined): string | undefined {
  if (stage.numPartitions > totalSlots) {
    return (
      `[SPARK-24819]: Barrier execution mode does not allow run a barrier stage that requires more slots than the total number of slots in the cluster currently ` +
      `(stage ${stage.id} needs ${stage.numPartitions}, the cluster has ${totalSlots}). Please init a new cluster with more resources or repartition the input RDD(s) to reduce the number of slots required to run this barrier stage.`
    );
  }
  if (job && job.partitions.length !== stage.numPartitions) {
    return (
      '[SPARK-24820][SPARK-24821]: Barrier execution mode does not allow the following pattern of RDD chain within a barrier stage: ' +
      'ancestor RDDs that have different number of partitions from the resulting RDD (e.g. first()/take()). A workaround for first()/take() is barrierRdd.collect()[0].'
    );
  }
  return undefined;
}
