import type { FaultDemoReport } from './demo.js';
import type { Recorded, StageInfo } from './recorder.js';
import { partitions, WorkerNames } from './worker-names.js';

export interface TimelineLine {
  readonly atMs: number;
  readonly text: string;
}

type TaskEnded = Extract<Recorded, { kind: 'taskEnded' }>;

/**
 * The job's story in plain words, one line per notable moment: stages starting, being resubmitted
 * and ending, the kill, the lost executor, and the tasks it took with it. Successful tasks are
 * not listed one by one; each stage attempt gets one line when its last task ends.
 */
export function timeline(report: FaultDemoReport): TimelineLine[] {
  const names = new WorkerNames(report.workers);
  const lines: TimelineLine[] = [];
  const submitted = new Map<string, number>();
  const endedByAttempt = new Map<string, TaskEnded[]>();
  const events = report.events;

  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    switch (event.kind) {
      case 'stageSubmitted': {
        const { stage, attempt, numTasks } = event;
        submitted.set(`${stage.id}:${attempt}`, numTasks);
        const what = attempt === 1 ? 'started' : `resubmitted (attempt ${attempt})`;
        lines.push({ atMs: event.atMs, text: `stage ${stage.id} ${what}: ${numTasks} task${numTasks === 1 ? '' : 's'}, ${stageRole(stage)}` });
        break;
      }
      case 'stageResubmitted':
        lines.push({ atMs: event.atMs, text: `stage ${event.stageId} to be resubmitted: ${event.reason}` });
        break;
      case 'executorLost': {
        const lost = event.lostMapOutputs;
        const byShuffle = [...new Set(lost.map(([shuffle]) => shuffle))].map(
          (shuffle) => `shuffle ${shuffle} map ${partitions(lost.filter(([s]) => s === shuffle).map(([, map]) => map))}`,
        );
        lines.push({
          atMs: event.atMs,
          text: `the driver lost ${names.executor(event.executor)}'s executor (its connection dropped)` +
            (lost.length === 0 ? '' : ` and forgot the map outputs still registered there: ${byShuffle.join('; ')}`),
        });
        break;
      }
      case 'taskEnded': {
        const group = [event];
        if (event.outcome !== 'success') {
          // Consecutive ends of one stage with the same outcome on the same worker make one line.
          for (let next = events[i + 1]; next?.kind === 'taskEnded' && sameFailure(next, event); next = events[i + 1]) {
            group.push(next);
            i++;
          }
          lines.push({ atMs: event.atMs, text: failureLine(group, names) });
        }
        group.forEach(noteEnd);
        break;
      }
      case 'jobEnded':
        lines.push({ atMs: event.atMs, text: event.error === undefined ? 'job finished' : `job failed: ${event.error}` });
        break;
    }
  }
  if (report.kill) {
    const { kill } = report;
    const done = `${kill.tasksDone} of its tasks ${kill.tasksDone === 1 ? 'has' : 'have'} finished`;
    const line = { atMs: kill.atMs, text: `SIGKILL to worker ${kill.workerIndex} (pid ${kill.pid}): stage ${kill.stageId} is running, ${done}` };
    const after = lines.findIndex((each) => each.atMs > kill.atMs);
    lines.splice(after === -1 ? lines.length : after, 0, line);
  }
  return lines;

  function noteEnd(task: TaskEnded): void {
    const key = `${task.stageId}:${task.stageAttempt}`;
    const ended = [...(endedByAttempt.get(key) ?? []), task];
    endedByAttempt.set(key, ended);
    if (ended.length === submitted.get(key)) lines.push({ atMs: task.atMs, text: attemptSummary(task.stageId, task.stageAttempt, ended, names) });
  }
}

function stageRole(stage: StageInfo): string {
  const reads = stage.readsShuffles.length === 0 ? 'reads DFS blocks' : `reads shuffle ${stage.readsShuffles.join(' and ')}`;
  const writes = stage.writesShuffle === undefined ? 'returns the result' : `writes shuffle ${stage.writesShuffle}`;
  return `${reads}, ${writes}`;
}

function sameFailure(a: TaskEnded, b: TaskEnded): boolean {
  return a.stageId === b.stageId && a.outcome === b.outcome && a.executor === b.executor;
}

function failureLine(group: TaskEnded[], names: WorkerNames): string {
  const [first] = group;
  const which = `stage ${first.stageId} ${partitions(group.map((task) => task.partition))}`;
  switch (first.outcome) {
    case 'executorLost':
      return `${which}: was running on ${names.executor(first.executor)}, lost with it; will run again elsewhere`;
    case 'fetchFailed':
      return `${which} (on ${names.executor(first.executor)}): could not fetch shuffle output from the dead worker (fetch failure)`;
    case 'missingCachedBlock':
      return `${which}: cached input gone; recomputing it from lineage`;
    default:
      return `${which}: failed on ${names.executor(first.executor)}`;
  }
}

function attemptSummary(stageId: number, attempt: number, ended: TaskEnded[], names: WorkerNames): string {
  const succeeded = ended.filter((task) => task.outcome === 'success');
  const nodeLocal = succeeded.filter((task) => task.locality !== 'ANY').length;
  const where = `on ${names.workers(succeeded.map((task) => task.executor))}${nodeLocal > 0 ? `, ${nodeLocal} of them reading local data` : ''}`;
  const label = attempt === 1 ? `stage ${stageId}` : `stage ${stageId} (attempt ${attempt})`;
  return succeeded.length === ended.length
    ? `${label} done: ${ended.length} task${ended.length === 1 ? '' : 's'} ${where}`
    : `${label} over: ${succeeded.length} of ${ended.length} tasks succeeded (${where}); the rest will run again`;
}
