// The events of real jobs on local[2]: their order and content for a two-stage job (cached map
// side, a shuffle, a result), a second action that skips the map stage, a failing job, and a
// listener that throws.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, type EventOf, type SchedulerEvent, type SchedulerEventType } from '@flint/driver';

let fc: FlintContext;
beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', maxFailures: 2 });
});
afterAll(async () => fc?.stop());

/** The events `action` causes, up to its job's end. */
async function eventsOf(action: () => Promise<unknown>): Promise<SchedulerEvent[]> {
  const seen: SchedulerEvent[] = [];
  const remove = fc.addListener((event) => seen.push(event));
  await action().catch(() => undefined);
  remove();
  return seen.filter((event) => event.type !== 'applicationStart' && event.type !== 'executorAdded');
}

/** `path:line:column` of the method called in `call`, found in this file's text: where V8 places that call. */
function whereInThisFile(call: string): string {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(call));
  const column = lines[line].indexOf(call) + call.indexOf('.') + 2;
  return `packages/driver/test/events/job-events.test.ts:${line + 1}:${column}`;
}

const ofType = <T extends SchedulerEventType>(events: SchedulerEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

const words = ['a', 'b', 'a', 'c', 'b', 'a', 'd', 'a'];
const reference = new Map([['a', 4], ['b', 2], ['c', 1], ['d', 1]]);

describe('events of a two-stage job', () => {
  const pairs = () => fc.parallelize(words, 4).map((w): [string, number] => [w, 1]).setName('pairs').cache();
  let counted: ReturnType<typeof pairs>;
  let reduced: ReturnType<typeof pairs>;
  let events: SchedulerEvent[];
  let result: Map<string, number>;

  beforeAll(async () => {
    counted = pairs();
    reduced = counted.reduceByKey((a, b) => a + b, 2);
    events = await eventsOf(async () => (result = await reduced.collectAsMap()));
  });

  it('computes the right answer', () => {
    expect(result).toEqual(reference);
  });

  it('come in order: job, map stage and its tasks, result stage and its tasks, job end', () => {
    const [start] = ofType(events, 'jobStart');
    const [mapStage, resultStage] = start.stageIds;
    const outline = events
      .filter((e) => e.type !== 'taskStart' && e.type !== 'taskEnd' && e.type !== 'blockUpdated')
      .map((e) => ('stageId' in e ? `${e.type} ${e.stageId === mapStage ? 'map' : 'result'}` : e.type));
    expect(outline).toEqual(['jobStart', 'stageSubmitted map', 'stageCompleted map', 'stageSubmitted result', 'stageCompleted result', 'jobEnd']);
    const index = (predicate: (e: SchedulerEvent) => boolean) => events.findIndex(predicate);
    const mapDone = index((e) => e.type === 'stageCompleted' && e.stageId === mapStage);
    const resultSubmitted = index((e) => e.type === 'stageSubmitted' && e.stageId === resultStage);
    // Every task of a stage starts after the stage's submission and ends before its completion.
    for (const task of ofType(events, 'taskEnd')) {
      const started = index((e) => e.type === 'taskStart' && e.taskId === task.taskId);
      const ended = events.indexOf(task);
      expect(started).toBeGreaterThanOrEqual(0);
      expect(started).toBeLessThan(ended);
      if (task.stageId === mapStage) expect(ended).toBeLessThan(mapDone);
      else expect(started).toBeGreaterThan(resultSubmitted);
    }
    expect(ofType(events, 'taskStart')).toHaveLength(6);
    expect(ofType(events, 'jobEnd')).toEqual([expect.objectContaining({ jobId: start.jobId, result: 'succeeded' })]);
  });

  it('describe the job: call site, stages with their lineage', () => {
    const [start] = ofType(events, 'jobStart');
    expect(start.callSite).toMatch(/^packages\/driver\/test\/events\/job-events\.test\.ts:\d+:\d+$/);
    const [map, reduce] = start.stages;
    expect(map).toMatchObject({ kind: 'shuffleMap', numTasks: 4, parentStageIds: [], shuffleId: expect.any(Number) });
    expect(reduce).toMatchObject({ kind: 'result', numTasks: 2, parentStageIds: [map.stageId] });
    const cached = map.rdds.find((rdd) => rdd.id === counted.id());
    expect(cached).toMatchObject({ name: 'pairs', kind: 'map', numPartitions: 4, storageLevel: String(counted.getStorageLevel()) });
    const source = map.rdds.find((rdd) => cached!.parentIds.includes(rdd.id));
    expect(source).toMatchObject({ kind: 'parallelize', parentIds: [] });
    // The result stage's lineage goes down to the shuffled RDD, whose parent is the map stage's last RDD.
    expect(reduce.rdds.filter((rdd) => rdd.parentIds.includes(map.rdds[0].id))).toEqual([expect.objectContaining({ kind: 'shuffled' })]);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it("name each stage after the user's call that made it, as Spark does: the map side's transformation, the result's action", () => {
    const [start] = ofType(events, 'jobStart');
    const [map, reduce] = start.stages;
    expect([map.name, reduce.name]).toEqual([`reduceByKey at ${whereInThisFile('counted.reduceByKey(')}`, `collectAsMap at ${whereInThisFile('reduced.collectAsMap(')}`]);
    const submitted = ofType(events, 'stageSubmitted').map((e) => [e.stageId, e.name]);
    expect(submitted).toEqual([[map.stageId, map.name], [reduce.stageId, reduce.name]]);
  });

  it('name the job as Spark does, after its action and call site (its result stage), in fc.jobHistory', () => {
    const [start] = ofType(events, 'jobStart');
    const job = fc.jobHistory.find((j) => j.jobId === start.jobId);
    expect(job?.name).toBe(`collectAsMap at ${whereInThisFile('reduced.collectAsMap(')}`);
    expect(start.callSite).toBe(whereInThisFile('reduced.collectAsMap('));
  });

  it('report each task with its place, status and metrics; shuffle bytes read equal bytes written', () => {
    const [start] = ofType(events, 'jobStart');
    const [mapStage] = start.stageIds;
    for (const task of ofType(events, 'taskStart')) expect(task).toMatchObject({ stageAttempt: 1, attempt: 0, speculative: false, executorId: expect.any(String), host: expect.any(String) });
    const ends = ofType(events, 'taskEnd');
    expect(ends.every((task) => task.status === 'success' && task.durationMs >= 0)).toBe(true);
    const mapEnds = ends.filter((task) => task.stageId === mapStage);
    expect(mapEnds.map((task) => task.partition).sort()).toEqual([0, 1, 2, 3]);
    expect(mapEnds.reduce((sum, task) => sum + task.metrics!.recordsIn, 0)).toBe(words.length);
    const written = mapEnds.reduce((sum, task) => sum + task.metrics!.shuffleWriteBytes!, 0);
    const read = ends.filter((task) => task.stageId !== mapStage).reduce((sum, task) => sum + task.metrics!.shuffleReadBytes!, 0);
    expect(written).toBeGreaterThan(0);
    expect(read).toBe(written);
  });

  it('report each cached partition stored, where its task ran', () => {
    const blocks = ofType(events, 'blockUpdated');
    expect(blocks.map((block) => block.partition).sort()).toEqual([0, 1, 2, 3]);
    for (const block of blocks) {
      expect(block).toMatchObject({ rddId: counted.id(), storageLevel: String(counted.getStorageLevel()) });
      expect(block.memBytes).toBeGreaterThan(0);
      const ran = ofType(events, 'taskEnd').find((task) => task.partition === block.partition && task.stageId === ofType(events, 'jobStart')[0].stageIds[0]);
      expect(block.executorId).toBe(ran!.executorId);
    }
  });

  it('a second action over the same shuffle lists the map stage but runs only the result stage', async () => {
    const again = await eventsOf(() => reduced.count());
    const [start] = ofType(again, 'jobStart');
    expect(start.stageIds).toHaveLength(2);
    expect(ofType(again, 'stageSubmitted').map((s) => s.stageId)).toEqual([start.stageIds[1]]);
  });

  it('report each cached partition dropped (0 bytes) when the RDD is unpersisted', async () => {
    const stored = ofType(events, 'blockUpdated').map((block) => `${block.partition}@${block.executorId}`).sort();
    const seen: SchedulerEvent[] = [];
    const remove = fc.addListener((event) => seen.push(event));
    counted.unpersist();
    await new Promise((resolve) => setImmediate(resolve));
    remove();
    const dropped = ofType(seen, 'blockUpdated');
    expect(dropped.map((block) => `${block.partition}@${block.executorId}`).sort()).toEqual(stored);
    expect(dropped.every((block) => block.rddId === counted.id() && block.memBytes === 0 && block.diskBytes === 0)).toBe(true);
  });
});

describe('events of a failing job', () => {
  it('report each failed attempt with its error, and the job failed with the message its action rejected with', async () => {
    let message = '';
    const events = await eventsOf(() =>
      fc.parallelize([1, 2, 3], 1).map((x) => {
        if (x === 2) throw new Error('bad record 2');
        return x;
      }).collect().catch((error: Error) => {
        message = error.message;
        throw error;
      }),
    );
    const ends = ofType(events, 'taskEnd');
    expect(ends.map((task) => [task.status, task.attempt])).toEqual([['failed', 0], ['failed', 1]]);
    expect(ends[0].reason).toBe('Error: bad record 2');
    expect(ofType(events, 'jobEnd')).toEqual([expect.objectContaining({ result: 'failed', error: message })]);
    expect(ofType(events, 'stageCompleted')).toEqual([expect.objectContaining({ failureReason: expect.any(String) })]);
  });
});

describe('a listener that throws', () => {
  it('breaks neither the job nor the other listeners', async () => {
    const remove = fc.addListener(() => {
      throw new Error('listener bug');
    });
    try {
      const history = fc.jobHistory.length;
      const events = await eventsOf(() => fc.parallelize(words, 2).map((w): [string, number] => [w, 1]).reduceByKey((a, b) => a + b).collectAsMap());
      expect(ofType(events, 'jobEnd')).toEqual([expect.objectContaining({ result: 'succeeded' })]);
      expect(await fc.parallelize(words, 2).countByValue()).toEqual(reference);
      expect(fc.jobHistory.length).toBe(history + 2);
    } finally {
      remove();
    }
  });
});
