import { describe, expect, it } from 'vitest';
import { type FusedRecords, runFused } from '../src/thread/fused-pipeline.js';
import type { LiveStep } from '../src/thread/live-step.js';

type Fn = (...args: unknown[]) => unknown;
const step = (op: LiveStep['op'], fn: Fn): LiveStep => ({ op, fn });

/** The same chain applied step by step with plain array methods: the reference. */
function sequential(steps: readonly LiveStep[], source: unknown[]): unknown[] {
  let records = source;
  for (const { op, fn } of steps) {
    const pairs = records as [unknown, unknown][];
    if (op === 'map') records = records.map((x) => fn(x));
    else if (op === 'filter') records = records.filter((x) => fn(x));
    else if (op === 'flatMap') records = records.flatMap((x) => [...(fn(x) as Iterable<unknown>)]);
    else if (op === 'mapValues') records = pairs.map(([k, v]) => [k, fn(v)]);
    else if (op === 'flatMapValues') records = pairs.flatMap(([k, v]) => [...(fn(v) as Iterable<unknown>)].map((w) => [k, w]));
    else records = records.map((x) => [fn(x), x]);
  }
  return records;
}

function pushed(steps: readonly LiveStep[], source: Iterable<unknown>): unknown[] {
  const out: unknown[] = [];
  (runFused(steps, source) as FusedRecords).forEach((record) => out.push(record));
  return out;
}

function* generated(values: number[]): Generator<number> {
  yield* values;
}

const chains: Record<string, LiveStep[]> = {
  'flatMap → filter → map (word count)': [
    step('flatMap', (line) => (line as string).split(' ')),
    step('filter', (word) => (word as string).length > 0),
    step('map', (word) => [word, 1]),
  ],
  'keyBy → mapValues → flatMapValues': [
    step('keyBy', (x) => (x as string).length),
    step('mapValues', (v) => (v as string).toUpperCase()),
    step('flatMapValues', (v) => (v as string).split('')),
  ],
  'flatMap over generators → filter → filter': [
    step('flatMap', (line) => generated((line as string).split(' ').map((w) => w.length))),
    step('filter', (n) => (n as number) > 0),
    step('filter', (n) => (n as number) % 2 === 1),
  ],
  'no steps': [],
};
const lines = ['the quick  brown fox', '', 'jumps over', ' the lazy dog ', 'a'];

describe('fused chains give what the steps give one by one', () => {
  for (const [name, steps] of Object.entries(chains)) {
    it(name, () => {
      const expected = sequential(steps, lines);
      expect(pushed(steps, lines)).toEqual(expected);
      expect(pushed(steps, new Set(lines))).toEqual(expected);
      expect([...(runFused(steps, lines) as Iterable<unknown>)]).toEqual(expected);
    });
  }

  it('a chain compiled for one set of functions is not reused for another', () => {
    const double = [step('map', (x) => (x as number) * 2)];
    const negate = [step('map', (x) => -(x as number))];
    expect(pushed(double, [1, 2])).toEqual([2, 4]);
    expect(pushed(negate, [1, 2])).toEqual([-1, -2]);
    expect(pushed(double, [3])).toEqual([6]);
  });

  it("a step's error reaches the consumer's caller", () => {
    const steps = [step('map', (x) => {
      if (x === 2) throw new Error('bad record 2');
      return x;
    })];
    expect(() => pushed(steps, [1, 2, 3])).toThrow('bad record 2');
  });
});
