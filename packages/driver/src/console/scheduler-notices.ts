/**
 * One-line notices for the events a user watching the driver's console should hear about even
 * without a progress bar: a lost executor, a fetch failure, a resubmitted stage.
 */
import type { SchedulerEvent } from '../scheduler/events.js';

/** The notice for `event`, or undefined when it is not one to tell. */
export function noticeFor(event: SchedulerEvent): string | undefined {
  switch (event.type) {
    case 'executorLost': {
      const outputs = plural(event.lostMapOutputs.length, 'map output');
      const cached = plural(event.lostCachedPartitions, 'cached partition');
      return `flint: lost executor ${event.executorId} (${event.reason}); ${outputs} and ${cached} were on it and will be recomputed as needed`;
    }
    case 'fetchFailed':
      return `flint: stage ${event.stageId} could not fetch map output ${event.mapPartition} of shuffle ${event.shuffleId} from executor ${event.executorId}: ${event.message}`;
    case 'stageResubmitted':
      return `flint: resubmitting stage ${event.stageId}: ${event.reason}`;
    default:
      return undefined;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
