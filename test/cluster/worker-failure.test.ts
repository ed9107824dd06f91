/**
 * SIGKILL a worker of local-cluster[3,1] during a map stage, during a shuffle fetch, and while it
 * holds cached partitions that are reused: each job completes with the correct result, and only
 * the lost work is recomputed — the tests count the recomputed tasks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlintContext, StorageLevel, capture } from '@flint/driver';
import { TaskLog } from './harness.js';

const MAP_PARTITIONS = 12;
const REDUCE_PARTITIONS = 6;
const values = Array.from({ length: 6_000 }, (_, i) => i);

function sumsByKeyReference(): Map<number, number> {
  const sums = new Map<number, number>();
  for (const x of values) sums.set(x % 25, (sums.get(x % 25) ?? 0) + x);
  return sums;
}

let fc: FlintContext;
let log: TaskLog;

beforeEach(async () => {
  fc = await FlintContext.create({ master: 'local-cluster[3,1]' });
  log = new TaskLog();
  fc.addListener(log.onEvent);
});

afterEach(async () => {
  await fc?.stop();
});

function killWorkerOf(executor: string): void {
  const worker = fc.localCluster!.workers.find((w) => w.executorId === executor);
  if (!worker) throw new Error(`no worker runs executor ${executor}`);
  fc.localCluster!.killWorker(worker.index);
}

describe('a worker SIGKILLed mid-job', () => {
  it('during a map stage: the job is correct; only its lost and running map tasks rerun', async () => {
    const pairs = fc
      .parallelize(values, MAP_PARTITIONS)
      .mapPartitions(capture({ ms: 250 }, (records, { ms }) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
        return records;
      }))
      .map((x): [number, number] => [x % 25, x]);
    const job = pairs.reduceByKey((a, b) => a + b, REDUCE_PARTITIONS).collectAsMap();
    await log.until(() => log.mapStages.size > 0 && log.tasks.filter((t) => t.end === 'success').length >= 4);
    const mapStage = [...log.mapStages.keys()][0];
    const victim = log.successes(mapStage)[0].executor;
    const doneOnVictim = log.successes(mapStage).filter((t) => t.executor === victim).length;
    killWorkerOf(victim);

    expect(await job).toEqual(sumsByKeyReference());
    const [lost] = log.lost;
    expect(lost.executor).toBe(victim);
    expect(lost.lostMapOutputs.length).toBeGreaterThanOrEqual(doneOnVictim);
    // Every map partition succeeded once, plus once more for each output lost with the worker.
    expect(log.successes(mapStage)).toHaveLength(MAP_PARTITIONS + lost.lostMapOutputs.length);
    expect(log.successes(resultStageOf(log))).toHaveLength(REDUCE_PARTITIONS);
  });

  it('during a shuffle fetch: reducers that lose their input make only the lost map outputs rerun', async () => {
    const sums = fc
      .parallelize(values, MAP_PARTITIONS)
      .map((x): [number, number] => [x % 25, x])
      .reduceByKey((a, b) => a + b, REDUCE_PARTITIONS)
      .mapPartitions(capture({ ms: 400 }, (records, { ms }) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
        return records;
      }));
    const job = sums.collect();
    await log.until(() => log.tasks.some((t) => t.end === 'success' && !log.mapStages.has(t.stageId)));
    const mapStage = [...log.mapStages.keys()][0];
    const victim = log.successes(mapStage)[0].executor;
    const outputsOnVictim = log.successes(mapStage).filter((t) => t.executor === victim).length;
    killWorkerOf(victim);

    expect(new Map(await job)).toEqual(sumsByKeyReference());
    // The victim's outputs are lost through fetch failures or the executor's loss, whichever comes first.
    expect(log.lost[0].lostMapOutputs.length).toBeLessThanOrEqual(outputsOnVictim);
    expect(log.successes(mapStage)).toHaveLength(MAP_PARTITIONS + outputsOnVictim);
    // Every reduce partition succeeded. A reduce task of the first attempt that was still running
    // when the stage was resubmitted may succeed twice: as in Spark, the older attempt is not killed
    // (a queued copy is dropped when the first one ends; a copy already running is not).
    const reduced = log.successes(resultStageOf(log)).map((task) => task.partition);
    expect(new Set(reduced).size).toBe(REDUCE_PARTITIONS);
    expect(reduced.length).toBeLessThan(2 * REDUCE_PARTITIONS);
  });

  it('holding cached partitions: only the partitions it cached are recomputed', async () => {
    const computed = fc.accumulator(0);
    const cached = fc
      .parallelize(values, MAP_PARTITIONS)
      .map(capture({ computed }, (x, { computed }) => {
        computed.add(1);
        return x * 2;
      }))
      .cache();
    expect(await cached.count()).toBe(values.length);
    expect(computed.value).toBe(values.length);
    const firstJob = log.tasks.filter((t) => t.end === 'success');
    const victim = firstJob[0].executor;
    const partitionsOnVictim = firstJob.filter((t) => t.executor === victim).map((t) => t.partition);
    killWorkerOf(victim);
    await waitFor(() => log.lost.length === 1);

    const total = await cached.map((x) => x + 1).sum();
    expect(total).toBe(values.reduce((sum, x) => sum + x * 2 + 1, 0));
    expect(log.lost[0].lostCachedPartitions).toBe(partitionsOnVictim.length);
    const perPartition = values.length / MAP_PARTITIONS;
    expect(computed.value - values.length).toBe(partitionsOnVictim.length * perPartition);
  });
});

function resultStageOf(taskLog: TaskLog): number {
  return log.tasks.map((t) => t.stageId).find((id) => !taskLog.mapStages.has(id))!;
}

describe('a replicated cache (MEMORY_ONLY_2)', () => {
  it('keeps a second copy on another worker, so losing one recomputes nothing', async () => {
    const computed = fc.accumulator(0);
    const cached = fc
      .parallelize(values, MAP_PARTITIONS)
      .map(capture({ computed }, (x, { computed }) => (computed.add(1), x * 3)))
      .persist(StorageLevel.MEMORY_ONLY_2);
    expect(await cached.count()).toBe(values.length);
    const [info] = fc.getPersistentRDDs();
    expect(info.partitionsCached).toBe(MAP_PARTITIONS);
    const copies = Object.values(info.executors).reduce((a, b) => a + b, 0);
    expect(copies).toBe(2 * MAP_PARTITIONS);

    const victim = Object.keys(info.executors)[0];
    killWorkerOf(victim);
    await waitFor(() => log.lost.length === 1);
    expect(log.lost[0].lostCachedPartitions).toBe(0);
    expect(await cached.sum()).toBe(values.reduce((sum, x) => sum + 3 * x, 0));
    expect(computed.value).toBe(values.length);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
