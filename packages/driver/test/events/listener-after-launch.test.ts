// The listener bus runs after the scheduler step that launched a job's tasks (events.ts): a task
// whose inputs are at hand (none, parallelized slices, or blocks its executor holds) is on its
// thread before the listeners of its job's start run, so a slow listener does not hold it back,
// as Spark's asynchronous listener bus does not hold back its tasks.
import { describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

const LISTENER_MS = 400;

/** A listener that busy-waits LISTENER_MS at each job start; when it last returned. */
function slowJobStartListener(fc: FlintContext): { done: () => number; remove: () => void } {
  let done = 0;
  const remove = fc.addListener((event) => {
    if (event.type !== 'jobStart') return;
    const until = Date.now() + LISTENER_MS;
    while (Date.now() < until);
    done = Date.now();
  });
  return { done: () => done, remove };
}

describe('a slow listener of a job start', () => {
  it('does not hold back the tasks that need nothing fetched', async () => {
    const fc = await FlintContext.create({ master: 'local[1]', ui: false });
    try {
      // The thread is started and idle: the next task runs on it as soon as it is posted.
      await fc.parallelize([0], 1).collect();
      const listener = slowJobStartListener(fc);
      const [taskStarted] = await fc.parallelize([0], 1).map(() => Date.now()).collect();
      listener.remove();
      expect(listener.done()).toBeGreaterThan(0);
      expect(taskStarted).toBeLessThan(listener.done());
    } finally {
      await fc.stop();
    }
  });

  it('does not hold back the reduce tasks of a shuffle whose map outputs are on their executor', async () => {
    const fc = await FlintContext.create({ master: 'local[1]', ui: false });
    try {
      const counts = fc.parallelize(['a', 'b', 'a'], 2).map((word): [string, number] => [word, 1]).reduceByKey((a, b) => a + b, 1);
      expect((await counts.collect()).sort()).toEqual([['a', 2], ['b', 1]]);
      // The second job skips the map stage: its one task reads the buckets the first job left here.
      const listener = slowJobStartListener(fc);
      const [[taskStarted, records]] = await counts.mapPartitions((it) => [[Date.now(), [...it].length]]).collect();
      listener.remove();
      expect(records).toBe(2);
      expect(taskStarted).toBeLessThan(listener.done());
    } finally {
      await fc.stop();
    }
  });
});
