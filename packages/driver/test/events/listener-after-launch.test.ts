// The listener bus runs after the scheduler step that launched a job's tasks (events.ts): a task
// whose inputs came with it (none, or parallelized slices) is on its thread before the listeners
// of its job's start run, so a slow listener does not hold it back, as Spark's asynchronous
// listener bus does not hold back its tasks.
import { describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

const LISTENER_MS = 400;

describe('a slow listener of a job start', () => {
  it('does not hold back the tasks that need nothing fetched', async () => {
    const fc = await FlintContext.create({ master: 'local[1]', ui: false });
    try {
      // The thread is started and idle: the next task runs on it as soon as it is posted.
      await fc.parallelize([0], 1).collect();
      let listenerDone = 0;
      const remove = fc.addListener((event) => {
        if (event.type !== 'jobStart') return;
        const until = Date.now() + LISTENER_MS;
        while (Date.now() < until);
        listenerDone = Date.now();
      });
      const [taskStarted] = await fc.parallelize([0], 1).map(() => Date.now()).collect();
      remove();
      expect(listenerDone).toBeGreaterThan(0);
      expect(taskStarted).toBeLessThan(listenerDone);
    } finally {
      await fc.stop();
    }
  });
});
