import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/scheduler/event-bus.js';
import type { SchedulerEvent } from '../../src/scheduler/events.js';

const lost = (executorId: string) => ({ type: 'executorLost', executorId, reason: 'killed', lostMapOutputs: [], lostCachedPartitions: 0 }) as const;

describe('EventBus', () => {
  it('delivers events after the posting code has returned, in order, stamped with the time', async () => {
    const logged: string[] = [];
    const bus = new EventBus((line) => logged.push(line));
    const seen: SchedulerEvent[] = [];
    bus.add((event) => seen.push(event));
    const before = Date.now();
    bus.post(lost('a'));
    bus.post(lost('b'));
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen.map((event) => event.type === 'executorLost' && event.executorId)).toEqual(['a', 'b']);
    expect(seen[0].time).toBeGreaterThanOrEqual(before);
    expect(JSON.parse(JSON.stringify(seen))).toEqual(seen);
    expect(logged).toEqual([]);
  });

  it('isolates a throwing listener: the others still get every event, and it is logged once', async () => {
    const logged: string[] = [];
    const bus = new EventBus((line) => logged.push(line));
    const seen: string[] = [];
    bus.add(() => {
      throw new Error('listener bug');
    });
    bus.add((event) => seen.push(event.type));
    bus.post(lost('a'));
    bus.post(lost('b'));
    bus.flush();
    expect(seen).toEqual(['executorLost', 'executorLost']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('Error: listener bug');
  });

  it('stops delivering to an unsubscribed listener', () => {
    const bus = new EventBus(() => undefined);
    const seen: string[] = [];
    const unsubscribe = bus.add((event) => seen.push(event.type));
    bus.post(lost('a'));
    bus.flush();
    unsubscribe();
    bus.post(lost('b'));
    bus.flush();
    expect(seen).toEqual(['executorLost']);
  });
});

describe('EventBus, a listener joining late', () => {
  it('first gets the application start and the executors still alive, then what follows', () => {
    const bus = new EventBus(() => undefined);
    bus.post({ type: 'applicationStart', appId: 'app', appName: 'a', master: 'local[1]', mode: 'memory', user: 'u', startTime: 1, flintVersion: '0', conf: [] });
    bus.post({ type: 'executorAdded', executorId: 'a', host: 'h1', slots: 1 });
    bus.post({ type: 'executorAdded', executorId: 'b', host: 'h2', slots: 1 });
    bus.post(lost('a'));
    bus.flush();
    const seen: string[] = [];
    bus.add((event) => seen.push(event.type === 'executorAdded' ? `added ${event.executorId}` : event.type));
    bus.post(lost('b'));
    bus.flush();
    expect(seen).toEqual(['applicationStart', 'added b', 'executorLost']);
  });
});
