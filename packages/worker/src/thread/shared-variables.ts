/**
 * Broadcasts and accumulators as a task thread sees them. A broadcast's bytes arrive once per
 * worker (shared memory in-process) and are decoded once per thread, on first use. Each task gets
 * fresh accumulators starting at zero; their totals go back with the task's result.
 */
import { Accumulator, Broadcast, decode } from '@flint/rdd';
import { applicationKey } from './application.js';

const broadcastBytes = new Map<string, Uint8Array>();
const broadcastValues = new Map<string, unknown>();

/** Per application, how many of the executor's broadcast drops this thread has applied. */
const appliedDrops = new Map<string, number>();

/**
 * Applies the executor's drops not seen yet: `dropped` is the application's broadcast ids in the
 * order they were dropped (append-only), so a broadcast sent again after a drop is kept.
 */
export function applyBroadcastDrops(dropped: readonly number[]): void {
  const application = applicationKey('');
  for (let index = appliedDrops.get(application) ?? 0; index < dropped.length; index++) {
    const key = applicationKey(String(dropped[index]));
    broadcastBytes.delete(key);
    broadcastValues.delete(key);
  }
  appliedDrops.set(application, dropped.length);
}

export function registerBroadcast(id: number, bytes: Uint8Array): void {
  const key = applicationKey(String(id));
  if (!broadcastBytes.has(key)) broadcastBytes.set(key, bytes);
}

export function broadcastRef(id: number): Broadcast<unknown> {
  const key = applicationKey(String(id));
  return new Broadcast(id, () => {
    if (!broadcastValues.has(key)) {
      const bytes = broadcastBytes.get(key);
      if (!bytes) throw new Error(`broadcast ${id} was not sent to this worker (was it destroyed?)`);
      broadcastValues.set(key, decode(bytes));
    }
    return broadcastValues.get(key);
  });
}

let taskAccumulators: Accumulator[] = [];

export function accumulatorRef(id: number): Accumulator {
  const accumulator = new Accumulator(id, 0, false);
  taskAccumulators.push(accumulator);
  return accumulator;
}

/** Starts a task's accumulator scope; returns a function reading the totals added during it. */
export function beginTaskAccumulators(): () => [number, number][] {
  taskAccumulators = [];
  const mine = taskAccumulators;
  return () => {
    const totals = new Map<number, number>();
    for (const a of mine) totals.set(a.id, (totals.get(a.id) ?? 0) + a.localTotal);
    return [...totals];
  };
}
