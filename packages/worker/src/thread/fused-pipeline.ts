/**
 * Runs a chain of element-wise steps (map, filter, flatMap, ...) as one loop over a partition:
 * each step is a small "sink" closure that pushes to the next, so no step builds an intermediate
 * array or runs a generator per record. The result is pulled lazily: each pull pushes source
 * records through the chain until its small buffer has output, so a partition's output is never
 * materialized as a whole. Steps with async functions get an awaiting (materializing) variant.
 */
import { FOLD_RECORDS, type FoldRecords } from '@flint/rdd';
import { ASYNC } from './compile-function.js';
import { fusedFold, fusedLoop } from './fused-loop.js';
import type { LiveStep } from './live-step.js';

type Fn = (...args: unknown[]) => unknown;
type Sink = (record: unknown) => void;
type AsyncSink = (record: unknown) => Promise<void>;

export function runFused(steps: readonly LiveStep[], source: Iterable<unknown>): Iterable<unknown> | Promise<unknown[]> {
  if (steps.some((s) => (s.fn as Fn & { [ASYNC]?: true })[ASYNC])) return runFusedAsync(steps, source);
  return new FusedRecords(steps, source);
}

/**
 * The lazy output of a fused chain. Iterating it pulls; `forEach` pushes through a generated loop
 * (see fused-loop.ts), which is faster still, and is what Flint's own partition functions use;
 * folding it (reduce, aggregate) runs the fold in that loop too.
 */
export class FusedRecords implements Iterable<unknown> {
  constructor(
    private readonly steps: readonly LiveStep[],
    private readonly source: Iterable<unknown>,
  ) {}

  [Symbol.iterator](): Iterator<unknown> {
    return fusedIterator(this.steps, this.source[Symbol.iterator]());
  }

  forEach(consumer: (record: unknown) => void): void {
    fusedLoop(this.steps)(this.source, consumer);
  }

  /** Folds the output in the chain's own generated loop (foldRecords in @flint/rdd). */
  readonly [FOLD_RECORDS]: FoldRecords = (f, start) => fusedFold(this.steps, f as Fn)(this.source, start);
}

function fusedIterator(steps: readonly LiveStep[], source: Iterator<unknown>): Iterator<unknown> {
  // The buffer is refilled from its start: `filled` counts its live entries (setting the array's
  // length on every pull was a runtime call per record). Entries past `filled` are stale.
  const buffer: unknown[] = [];
  let filled = 0;
  let position = 0;
  let sink: Sink = (record) => {
    buffer[filled++] = record;
  };
  for (let i = steps.length - 1; i >= 0; i--) sink = stepSink(steps[i], sink);
  return {
    next(): IteratorResult<unknown> {
      while (position >= filled) {
        filled = 0;
        position = 0;
        const input = source.next();
        if (input.done) {
          buffer.length = 0;
          return { done: true, value: undefined };
        }
        sink(input.value);
      }
      const value = buffer[position];
      buffer[position++] = undefined;
      return { done: false, value };
    },
  };
}

function stepSink({ op, fn: f }: LiveStep, next: Sink): Sink {
  switch (op) {
    case 'map':
      return (x) => next(f(x));
    case 'filter':
      return (x) => {
        if (f(x)) next(x);
      };
    case 'flatMap':
      return (x) => {
        const ys = f(x) as Iterable<unknown>;
        if (Array.isArray(ys)) {
          for (let i = 0; i < ys.length; i++) next(ys[i]);
        } else {
          for (const y of ys) next(y);
        }
      };
    case 'mapValues':
      return (kv) => next([(kv as unknown[])[0], f((kv as unknown[])[1])]);
    case 'flatMapValues':
      return (kv) => {
        const key = (kv as unknown[])[0];
        for (const v of f((kv as unknown[])[1]) as Iterable<unknown>) next([key, v]);
      };
    case 'keyBy':
      return (x) => next([f(x), x]);
  }
}

async function runFusedAsync(steps: readonly LiveStep[], source: Iterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  let sink: AsyncSink = async (record) => {
    out.push(record);
  };
  for (let i = steps.length - 1; i >= 0; i--) sink = asyncStepSink(steps[i], sink);
  for (const record of source) await sink(record);
  return out;
}

function asyncStepSink({ op, fn: f }: LiveStep, next: AsyncSink): AsyncSink {
  switch (op) {
    case 'map':
      return async (x) => next(await f(x));
    case 'filter':
      return async (x) => {
        if (await f(x)) await next(x);
      };
    case 'flatMap':
      return async (x) => {
        for await (const y of (await f(x)) as AsyncIterable<unknown>) await next(y);
      };
    case 'mapValues':
      return async (kv) => next([(kv as unknown[])[0], await f((kv as unknown[])[1])]);
    case 'flatMapValues':
      return async (kv) => {
        const key = (kv as unknown[])[0];
        for await (const v of (await f((kv as unknown[])[1])) as AsyncIterable<unknown>) await next([key, v]);
      };
    case 'keyBy':
      return async (x) => next([await f(x), x]);
  }
}
