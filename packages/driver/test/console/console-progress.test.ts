// The console view of a stream of events: notices always, the bar only on a terminal, cleared
// before each notice and at the end.
import { describe, expect, it } from 'vitest';
import { ConsoleProgress } from '../../src/console/console-progress.js';
import type { EventBody, SchedulerEvent } from '../../src/scheduler/events.js';

const at = (time: number, body: EventBody): SchedulerEvent => ({ ...body, time }) as SchedulerEvent;
const lost = at(0, { type: 'executorLost', executorId: 'w1', reason: 'worker process exited', lostMapOutputs: [[0, 1], [0, 2]], lostCachedPartitions: 1 });

describe('ConsoleProgress', () => {
  it('without a terminal writes only the notices', () => {
    const notices: string[] = [];
    const progress = new ConsoleProgress((line) => notices.push(line), undefined);
    progress.onEvent(at(0, { type: 'stageSubmitted', stageId: 0, attempt: 1, name: 's', numTasks: 4, jobIds: [0], reason: 'first' }));
    progress.onEvent(lost);
    progress.onEvent(at(0, { type: 'fetchFailed', stageId: 1, shuffleId: 0, mapPartition: 2, executorId: 'w1', message: 'connection refused' }));
    progress.onEvent(at(0, { type: 'stageResubmitted', stageId: 0, reason: 'map outputs of partitions 1, 2 were lost' }));
    progress.stop();
    expect(notices).toEqual([
      'flint: lost executor w1 (worker process exited); 2 map outputs and 1 cached partition were on it and will be recomputed as needed',
      'flint: stage 1 could not fetch map output 2 of shuffle 0 from executor w1: connection refused',
      'flint: resubmitting stage 0: map outputs of partitions 1, 2 were lost',
    ]);
  });

  it('on a terminal draws the bar in place, clears it around a notice and when the stage completes', async () => {
    const written: string[] = [];
    const notices: string[] = [];
    const progress = new ConsoleProgress((line) => notices.push(`${written.length}:${line}`), { write: (text) => written.push(text), columns: () => 41 });
    // Submitted a second ago, so it is shown at the next redraw (200 ms).
    progress.onEvent(at(Date.now() - 1000, { type: 'stageSubmitted', stageId: 3, attempt: 1, name: 's', numTasks: 2, jobIds: [0], reason: 'first' }));
    progress.onEvent(at(0, { type: 'taskStart', taskId: 0, jobId: 0, stageId: 3, stageAttempt: 1, partition: 0, attempt: 0, executorId: 'e', host: 'h', locality: 'ANY', speculative: false }));
    progress.onEvent(at(0, { type: 'taskEnd', taskId: 0, jobId: 0, stageId: 3, stageAttempt: 1, partition: 0, attempt: 0, executorId: 'e', status: 'success', durationMs: 5 }));
    await new Promise((resolve) => setTimeout(resolve, 450));
    // 40 columns (one spare): the bar gets 40 - 9 - 12 = 19, half of them done.
    const bar = `[Stage 3:${'='.repeat(9)}>${' '.repeat(9)}(1 + 0) / 2]`;
    expect(written).toEqual([`\r${bar}`]);
    progress.onEvent(lost);
    expect(written.slice(1)).toEqual([`\r${' '.repeat(bar.length)}\r`, `\r${bar}`]);
    expect(notices).toEqual([expect.stringMatching(/^2:flint: lost executor w1/)]);
    progress.onEvent(at(0, { type: 'stageCompleted', stageId: 3, attempt: 1 }));
    expect(written.at(-1)).toBe(`\r${' '.repeat(bar.length)}\r`);
    progress.stop();
  });
});
