import { describe, expect, it } from 'vitest';
import { type FusedRecords, runFused } from '../src/thread/fused-pipeline.js';
import type { LiveStep } from '../src/thread/live-step.js';
import { FnRef, foldRecords } from '@flint/rdd';
import { compileFunction } from '../src/thread/compile-function.js';

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

  it('functions bound to an env get their own env, in their last declared parameter, from a loop shared by every env', () => {
    const scaled = (k: number) => compileFunction(new FnRef('((x, { k }) => x * k)', { k }, 'map at job.ts:1:1'));
    const third = compileFunction(new FnRef('((x, unused, { k }) => [x, unused, k])', { k: 7 }, 'map at job.ts:2:1'));
    const fourth = compileFunction(new FnRef('((x, a, b, { k }) => [x, a, b, k])', { k: 8 }, 'map at job.ts:3:1'));
    const rest = compileFunction(new FnRef('((...args) => args)', { k: 9 }, 'map at job.ts:4:1'));
    expect(pushed([step('map', scaled(2))], [1, 2])).toEqual([2, 4]);
    expect(pushed([step('map', scaled(10)), step('filter', scaled(0))], [1, 2])).toEqual([]);
    expect(pushed([step('mapValues', scaled(3))], [['a', 3]])).toEqual([['a', 9]]);
    expect(pushed([step('keyBy', third), step('mapValues', fourth)], [5])).toEqual([[[5, undefined, 7], [5, undefined, undefined, 8]]]);
    expect(pushed([step('map', rest)], [1])).toEqual([[1, { k: 9 }]]);
  });

  it("a step's error reaches the consumer's caller", () => {
    const steps = [step('map', (x) => {
      if (x === 2) throw new Error('bad record 2');
      return x;
    })];
    expect(() => pushed(steps, [1, 2, 3])).toThrow('bad record 2');
  });
});

describe('folding a fused chain gives what folding its records one by one gives', () => {
  const folded = (steps: readonly LiveStep[], source: Iterable<unknown>, f: Fn, start: [] | [unknown]) => foldRecords(runFused(steps, source) as FusedRecords, f, start);
  const sequentialFold = (records: unknown[], f: Fn, start: [] | [unknown]) => (start.length === 0 ? (records.length === 0 ? [] : [records.slice(1).reduce(f, records[0])]) : [records.reduce(f, start[0])]);
  const concat: Fn = (acc, word) => `${acc as string}|${word as string}`;

  for (const [name, steps] of Object.entries(chains)) {
    it(name, () => {
      const records = sequential(steps, lines);
      for (const start of [[], ['start']] as ([] | [unknown])[]) {
        expect(folded(steps, lines, concat, start)).toEqual(sequentialFold(records, concat, start));
        expect(folded(steps, new Set(lines), concat, start)).toEqual(sequentialFold(records, concat, start));
      }
    });
  }

  it('no records: [] without a start, [start] with one', () => {
    const none = [step('filter', () => false)];
    expect(folded(none, lines, concat, [])).toEqual([]);
    expect(folded(none, lines, concat, [0])).toEqual([0]);
  });

  it('the fold function gets its env where bindEnv puts it, by its arity', () => {
    const fold = (source: string) => compileFunction(new FnRef(source, { k: 10 }, 'reduce at job.ts:5:1'));
    const sum = [step('map', (x) => x)];
    expect(folded(sum, [1, 2, 3], fold('((a, b, { k }) => a + b * k)'), [])).toEqual([51]);
    expect(folded(sum, [1, 2, 3], fold('((a, b, c, { k }) => [a, b, c, k])'), [0])).toEqual([[[[0, 1, undefined, 10], 2, undefined, 10], 3, undefined, 10]]);
    expect(folded(sum, [1, 2], fold('((a, { k }) => [a, k])'), [0])).toEqual([[[0, 10], 10]]);
    expect(folded(sum, [1, 2], fold('((...args) => args)'), [0])).toEqual([[[0, 1, { k: 10 }], 2, { k: 10 }]]);
  });

  it("the fold function's error reaches the caller", () => {
    const bad: Fn = (acc, x) => {
      if (x === 3) throw new Error('bad record 3');
      return (acc as number) + (x as number);
    };
    expect(() => folded([step('map', (x) => x)], [1, 2, 3], bad, [])).toThrow('bad record 3');
  });
});
