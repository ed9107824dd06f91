import type { FaultDemoReport } from './demo.js';
import type { Recorded } from './recorder.js';

type TaskEnded = Extract<Recorded, { kind: 'taskEnded' }>;

/** Why a task ran a second time. */
export type RerunReason = 'running on the dead worker' | 'fetch failed' | 'task failed' | 'output lost' | 'stage resubmitted';

export interface RerunTask {
  readonly stageId: number;
  readonly partition: number;
  readonly reason: RerunReason;
  readonly task: TaskEnded;
}

export interface Recovery {
  /**
   * Map outputs that were on the dead worker, as [shuffle, map partition]. The driver forgets
   * them when it loses the executor, or earlier, one by one, when a reducer fails to fetch one.
   */
  readonly lostMapOutputs: readonly [number, number][];
  /** Tasks that succeeded on a second (or later) attempt, in the order they ended. */
  readonly rerun: readonly RerunTask[];
  /** Successful tasks of the job, first attempts and reruns. */
  readonly tasksSucceeded: number;
}

/** What the failure cost: the lost map outputs and every task that had to run again, with why. */
export function recoveryOf(report: Pick<FaultDemoReport, 'events' | 'stages' | 'kill'>): Recovery {
  const ended = report.events.filter((event): event is TaskEnded => event.kind === 'taskEnded');
  const succeeded = ended.filter((event) => event.outcome === 'success');
  const dead = report.kill?.executor;
  const lostMapOutputs: [number, number][] = [];
  for (const task of succeeded) {
    const shuffle = report.stages.get(task.stageId)?.writesShuffle;
    if (shuffle !== undefined && task.executor === dead) lostMapOutputs.push([shuffle, task.partition]);
  }
  const rerun = succeeded
    .filter((task) => task.attempt > 0)
    .map((task): RerunTask => ({ stageId: task.stageId, partition: task.partition, reason: reasonFor(task), task }));
  return { lostMapOutputs, rerun, tasksSucceeded: succeeded.length };

  function reasonFor(task: TaskEnded): RerunReason {
    const earlier = ended.find((each) => each.stageId === task.stageId && each.partition === task.partition && each.attempt === task.attempt - 1);
    switch (earlier?.outcome) {
      case 'executorLost':
        return 'running on the dead worker';
      case 'fetchFailed':
        return 'fetch failed';
      case 'failed':
        return 'task failed';
      case 'success':
        return earlier.executor === dead ? 'output lost' : 'stage resubmitted';
      default:
        return 'stage resubmitted';
    }
  }
}
