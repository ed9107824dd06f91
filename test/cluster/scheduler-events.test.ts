/**
 * The scheduler's events when a worker of local-cluster[3,1] is SIGKILLed in the middle of a map
 * stage: the executor is reported lost with the map outputs it held, its running task ends as
 * lost, the stage is resubmitted for exactly the lost partitions, which run again and succeed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture, type EventOf, type SchedulerEvent, type SchedulerEventType } from '@flint/driver';

const MAP_PARTITIONS = 12;
const REDUCE_PARTITIONS = 3;
const values = Array.from({ length: 3_000 }, (_, i) => i);

let fc: FlintContext;
beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local-cluster[3,1]' });
});
afterAll(async () => fc?.stop());

const ofType = <T extends SchedulerEventType>(events: SchedulerEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

describe('events of a job that loses a worker', () => {
  it('tell the whole story: lost executor, lost task, resubmitted stage, recomputed partitions', async () => {
    const events: SchedulerEvent[] = [];
    let victim: string | undefined;
    fc.addListener((event) => {
      events.push(event);
      // After the fourth map task succeeds, SIGKILL the worker that ran it (it has just been given another).
      if (victim === undefined && event.type === 'taskEnd' && event.status === 'success' && ofType(events, 'taskEnd').filter((t) => t.status === 'success').length === 4) {
        victim = event.executorId;
        fc.localCluster!.killWorker(fc.localCluster!.workers.find((w) => w.executorId === victim)!.index);
      }
    });
    const sums = await fc
      .parallelize(values, MAP_PARTITIONS)
      .mapPartitions(capture({ ms: 250 }, (records, { ms }) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
        return records;
      }))
      .map((x): [number, number] => [x % 10, x])
      .reduceByKey((a, b) => a + b, REDUCE_PARTITIONS)
      .collectAsMap();

    const reference = new Map<number, number>();
    for (const x of values) reference.set(x % 10, (reference.get(x % 10) ?? 0) + x);
    expect(sums).toEqual(reference);

    const [start] = ofType(events, 'jobStart');
    const [mapStage, resultStage] = start.stageIds;
    const [lost] = ofType(events, 'executorLost');
    expect(ofType(events, 'executorLost')).toHaveLength(1);
    expect(lost.executorId).toBe(victim);
    const mapEnds = ofType(events, 'taskEnd').filter((t) => t.stageId === mapStage);
    const doneOnVictim = mapEnds.filter((t) => t.executorId === victim && t.status === 'success').map((t) => t.partition);
    expect(lost.lostMapOutputs.map(([, partition]) => partition).sort((a, b) => a - b)).toEqual(doneOnVictim.sort((a, b) => a - b));

    // The task running on the victim ended as lost, and its partition ran again elsewhere.
    const lostTasks = mapEnds.filter((t) => t.status === 'executorLost');
    expect(lostTasks.map((t) => t.executorId)).toEqual([victim]);
    expect(mapEnds.some((t) => t.partition === lostTasks[0].partition && t.status === 'success' && t.attempt > lostTasks[0].attempt)).toBe(true);

    // The map stage was resubmitted after the loss, for just the lost partitions, which succeeded in attempt 2.
    const after = (event: SchedulerEvent) => events.indexOf(event) > events.indexOf(lost);
    const resubmitted = ofType(events, 'stageResubmitted').filter((e) => e.stageId === mapStage);
    expect(resubmitted.length).toBeGreaterThan(0);
    expect(resubmitted.every(after)).toBe(true);
    const second = ofType(events, 'stageSubmitted').find((s) => s.stageId === mapStage && s.attempt === 2);
    expect(second).toMatchObject({ reason: 'resubmitted', numTasks: lost.lostMapOutputs.length });
    const recomputed = mapEnds.filter((t) => t.stageAttempt === 2 && t.status === 'success').map((t) => t.partition);
    expect(recomputed.sort((a, b) => a - b)).toEqual(doneOnVictim);
    expect(ofType(events, 'stageCompleted').find((s) => s.stageId === mapStage && s.attempt === 1)?.failureReason).toBeDefined();

    // The result stage ran once, on the survivors; every task that started ended; the job succeeded.
    const resultEnds = ofType(events, 'taskEnd').filter((t) => t.stageId === resultStage);
    expect(resultEnds.filter((t) => t.status === 'success')).toHaveLength(REDUCE_PARTITIONS);
    expect(resultEnds.every((t) => t.executorId !== victim)).toBe(true);
    expect(new Set(ofType(events, 'taskStart').map((t) => t.taskId))).toEqual(new Set(ofType(events, 'taskEnd').map((t) => t.taskId)));
    expect(ofType(events, 'jobEnd')).toEqual([expect.objectContaining({ result: 'succeeded' })]);
  });
});
