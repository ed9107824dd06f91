// The application's own events: start (with the effective configuration and each value's source),
// the executors as they register, and the end when the context stops.
import { describe, expect, it } from 'vitest';
import { FlintContext, type SchedulerEvent } from '@flint/driver';

describe('application events', () => {
  it('reports start with the configuration and its sources, the executor, and the end', async () => {
    const seen: SchedulerEvent[] = [];
    const fc = await FlintContext.create({ master: 'local[2]', appName: 'events-app', maxFailures: 2 });
    // Joining after create(), the listener first gets the application's standing state.
    fc.addListener((event) => seen.push(event));
    await fc.stop();
    expect(seen.map((event) => event.type)).toEqual(['applicationStart', 'executorAdded', 'applicationEnd']);
    const [start, executor, end] = seen;
    expect(start).toMatchObject({ appId: fc.applicationId, appName: 'events-app', master: 'local[2]', mode: 'memory', startTime: fc.startTime, flintVersion: fc.version, user: fc.sparkUser() });
    if (start.type !== 'applicationStart') throw new Error('not a start');
    const conf = Object.fromEntries(start.conf.map(({ key, value, source }) => [key, { value, source }]));
    expect(conf.appName).toEqual({ value: 'events-app', source: 'FlintContext option' });
    expect(conf.maxFailures).toEqual({ value: '2', source: 'FlintContext option' });
    expect(conf.executorMemory).toEqual({ value: String(512 * 1024 * 1024), source: 'default' });
    expect(executor).toMatchObject({ type: 'executorAdded', slots: 2 });
    expect(end).toMatchObject({ type: 'applicationEnd', appId: fc.applicationId });
    expect(end.time).toBeGreaterThanOrEqual(start.time);
    expect(JSON.parse(JSON.stringify(seen))).toEqual(seen);
  });
});
