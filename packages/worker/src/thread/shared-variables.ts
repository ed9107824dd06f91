/**
 * Broadcasts and accumulators as a task thread sees them. A broadcast's bytes arrive once per
 * worker (shared memory in-process) and are decoded once per thread, on first use. Each task gets
 * fresh accumulators starting at zero; their totals go back with the task's result.
 */
import { Accumulator, Broadcast, decode, encode, type ShippedAccumulator } from '@flint/rdd';
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

let taskAccumulators: Accumulator<unknown>[] = [];

/** A task's copy of an accumulator: a number starting at 0, or a custom one starting at its zero value. */
export function accumulatorRef(shipped: number | ShippedAccumulator): Accumulator<unknown> {
  const accumulator =
    typeof shipped === 'number'
      ? new Accumulator<unknown>(shipped, 0, false)
      : new Accumulator<unknown>(shipped[0], shipped[1], false, shipped[2] as unknown as (a: unknown, b: unknown) => unknown);
  taskAccumulators.push(accumulator);
  return accumulator;
}

/** What a task added to its accumulators: number totals, and custom ones' values encoded (they may be any data). */
export interface AccumulatorTotals {
  readonly accumulators: [number, number][];
  readonly customAccumulators?: Uint8Array;
}

/** Starts a task's accumulator scope; returns a function reading the totals added during it. */
export function beginTaskAccumulators(): () => AccumulatorTotals {
  taskAccumulators = [];
  const mine = taskAccumulators;
  return () => {
    const numbers = new Map<number, number>();
    // Copies of one custom accumulator (one per function that captured it) merge with its own addInPlace.
    const custom = new Map<number, Accumulator<unknown>>();
    for (const a of mine) {
      if (!a.isCustom) numbers.set(a.id, (numbers.get(a.id) ?? 0) + (a.localTotal as number));
      else if (custom.has(a.id)) custom.get(a.id)!.add(a.localTotal);
      else custom.set(a.id, a);
    }
    const customTotals = [...custom].map(([id, a]) => [id, a.localTotal]);
    return { accumulators: [...numbers], ...(customTotals.length > 0 && { customAccumulators: encode(customTotals) }) };
  };
}
