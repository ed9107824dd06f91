/**
 * Cuts an RDD's lineage into stages at shuffle dependencies (pure: no I/O, no scheduling).
 * Narrow dependencies stay inside a stage; each `shuffled` RDD makes its parent side a
 * ShuffleMapStage, created once per shuffle and reused by every later job.
 */
import { lineage, narrowDependencies, type RDD } from '@flint/rdd';
import { initialStageFields, type ResultStage, type ShuffleMapStage, type Stage } from './stage.js';

export class StagePlanner {
  private nextStageId = 0;
  /** Shuffle map stages by shuffle id: they outlive jobs so their outputs can be reused. */
  readonly shuffleStages = new Map<number, ShuffleMapStage>();

  /** `name`: the job's action and where the user called it (`collect at job.ts:5:3`). */
  createResultStage(rdd: RDD<unknown>, jobId: number, name = `result of RDD ${rdd.id()}`): ResultStage {
    // Parents first, as Spark's DAGScheduler creates them: a job's stage ids grow towards its result stage.
    const parents = this.parentStages(rdd, jobId);
    return {
      kind: 'result',
      id: this.nextStageId++,
      name,
      rdd,
      jobId,
      parents,
      numPartitions: rdd.getNumPartitions(),
      ...initialStageFields(),
      jobIds: new Set([jobId]),
    };
  }

  /** The shuffle map stages a stage over `rdd` reads from, found through narrow dependencies. */
  parentStages(rdd: RDD<unknown>, jobId: number): ShuffleMapStage[] {
    const boundaries = lineage(rdd, narrowDependencies).filter((current) => current.node.kind === 'shuffled' && !current.isCheckpointed);
    return [...new Set(boundaries.map((shuffled) => this.shuffleMapStage(shuffled, jobId)))];
  }

  private shuffleMapStage(shuffled: RDD<unknown>, jobId: number): ShuffleMapStage {
    const node = shuffled.node;
    if (node.kind !== 'shuffled') throw new Error('not a shuffled RDD');
    const existing = this.shuffleStages.get(node.shuffleId);
    if (existing) {
      existing.jobIds.add(jobId);
      return existing;
    }
    const mapSide = node.parent;
    const parents = this.parentStages(mapSide, jobId);
    const stage: ShuffleMapStage = {
      kind: 'shuffleMap',
      id: this.nextStageId++,
      // Named after the user's call that made the shuffle (Spark: that made its map-side RDD, here the same call when it combines map-side).
      name: shuffled.creationSite ?? `shuffle ${node.shuffleId}`,
      rdd: mapSide,
      shuffleId: node.shuffleId,
      partitioner: node.partitioner,
      parents,
      numPartitions: mapSide.getNumPartitions(),
      outputs: new Array(mapSide.getNumPartitions()).fill(undefined),
      ...initialStageFields(),
      jobIds: new Set([jobId]),
    };
    this.shuffleStages.set(node.shuffleId, stage);
    return stage;
  }
}

/** A printable form of a stage graph, for the job UI and planner tests. */
export function describeStages(stage: Stage): string {
  const lines: string[] = [];
  const seen = new Set<number>();
  const visit = (s: Stage, depth: number): void => {
    const label = s.kind === 'result' ? 'ResultStage' : `ShuffleMapStage(shuffle ${s.shuffleId})`;
    lines.push(`${'  '.repeat(depth)}${label} ${s.id}: ${s.numPartitions} tasks over RDD ${s.rdd.id()}`);
    if (seen.has(s.id)) return;
    seen.add(s.id);
    for (const parent of s.parents) visit(parent, depth + 1);
  };
  visit(stage, 0);
  return lines.join('\n');
}
