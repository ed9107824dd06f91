// Shared variables and function shipping: broadcast (broadcast.py doctests, dump/load included), accumulators
// (accumulators.py doctest), capture(env, fn), and the free-variable check at the call site.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-shared' });
});

afterAll(async () => {
  await fc.stop();
});

function pairs<K, V>(xs: [K, V][]): [K, V][] {
  return xs;
}

describe('broadcast', () => {
  it('.value on the driver and inside tasks (broadcast.py doctest)', async () => {
    const b = fc.broadcast([1, 2, 3, 4, 5]);
    expect(b.value).toEqual([1, 2, 3, 4, 5]);
    const out = await fc
      .parallelize([0, 0])
      .flatMap(capture({ b }, (_x, { b }) => b.value))
      .collect();
    expect(out).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
  });

  it('a large broadcast reaches every task (broadcast.py doctest: range(10000))', async () => {
    const large = fc.broadcast(Array.from({ length: 10000 }, (_, i) => i));
    const sums = await fc
      .parallelize([1, 2, 3, 4], 4)
      .map(capture({ large }, (x, { large }) => x * large.value.reduce((a, b) => a + b, 0)))
      .collect();
    expect(sums).toEqual([1, 2, 3, 4].map((x) => x * 49995000));
  });

  it('broadcasts a lookup table used by a transformation', async () => {
    const names = fc.broadcast({ 1: 'one', 2: 'two', 3: 'three' } as Record<number, string>);
    const out = await fc
      .parallelize([3, 1, 2, 1], 3)
      .map(capture({ names }, (x, { names }) => names.value[x]))
      .collect();
    expect(out).toEqual(['three', 'one', 'two', 'one']);
  });

  it('unpersist() drops the executors’ copies; the next job sends the value again (broadcast.py doctest)', async () => {
    const b = fc.broadcast([1, 2, 3, 4, 5]);
    const flattened = () => fc.parallelize([0, 0], 2).flatMap(capture({ b }, (_x, { b }) => b.value)).collect();
    expect(await flattened()).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    b.unpersist();
    expect(await flattened()).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    expect(b.value).toEqual([1, 2, 3, 4, 5]);
  });

  it('destroy() makes every later use an error, and the context goes on', async () => {
    const b = fc.broadcast({ factor: 3 });
    const scaled = fc.parallelize([1, 2], 2).map(capture({ b }, (x, { b }) => x * b.value.factor));
    expect(await scaled.collect()).toEqual([3, 6]);
    b.destroy();
    expect(b.isDestroyed).toBe(true);
    expect(() => b.value).toThrow(`Attempted to use Broadcast(${b.id}) after it was destroyed`);
    await expect(scaled.collect()).rejects.toThrow(`Attempted to use Broadcast(${b.id}) after it was destroyed`);
    expect(() => b.unpersist()).toThrow(/after it was destroyed/);
    expect(await fc.parallelize([1, 2], 2).map((x) => x + 1).collect()).toEqual([2, 3]);
  });

  it('dump writes a value that load and loadFromPath read back (broadcast.py doctests)', () => {
    const b = fc.broadcast([1, 2, 3, 4, 5]);
    const c = fc.broadcast(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-broadcast-dump-'));
    try {
      const file = path.join(dir, 'test.txt');
      const out = fs.openSync(file, 'w');
      b.dump(b.value, out);
      fs.closeSync(out);
      expect(c.loadFromPath(file)).toEqual([1, 2, 3, 4, 5]);
      const input = fs.openSync(file, 'r');
      expect(c.load(input)).toEqual([1, 2, 3, 4, 5]);
      fs.closeSync(input);
      const richer = new Map<string, unknown>([['when', new Date(0)], ['big', 2n ** 70n], ['bytes', new Uint8Array([7, 8])]]);
      fs.writeFileSync(file, '');
      const again = fs.openSync(file, 'w');
      b.dump(richer as never, again);
      fs.closeSync(again);
      expect(c.loadFromPath(file)).toEqual(richer);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cannot be unpersisted inside a task', async () => {
    const b = fc.broadcast(1);
    const job = fc.parallelize([1], 1).map(capture({ b }, (x, { b }) => {
      b.unpersist();
      return x;
    }));
    await expect(job.collect()).rejects.toThrow(`Broadcast(${b.id}).unpersist() can only be called on the driver, not inside a task`);
  });
});

describe('accumulators', () => {
  it('accumulators.py doctest: driver adds and foreach adds', async () => {
    const a = fc.accumulator(1);
    expect(a.value).toBe(1);
    a.add(5);
    expect(a.value).toBe(6);
    const rdd = fc.parallelize([1, 2, 3]);
    await rdd.foreach(capture({ a }, (x, { a }) => a.add(x)));
    expect(a.value).toBe(12);
    const b = fc.accumulator(0);
    await rdd.foreach(capture({ b }, (x, { b }) => b.add(x)));
    expect(b.value).toBe(6);
  });

  it('counts each update from an action exactly once', async () => {
    const acc = fc.accumulator(0);
    await fc.range(1, 101, 1, 7).foreach(capture({ acc }, (x, { acc }) => acc.add(x)));
    expect(acc.value).toBe(5050);
    await fc.range(1, 101, 1, 7).foreach(capture({ acc }, (x, { acc }) => acc.add(x)));
    expect(acc.value).toBe(10100);
  });

  it('accumulates floats', async () => {
    const acc = fc.accumulator(0.5);
    await fc.parallelize([0.25, 0.25, 1.5], 2).foreach(capture({ acc }, (x, { acc }) => acc.add(x)));
    expect(acc.value).toBeCloseTo(2.5, 12);
  });

  it('can be updated from foreachPartition', async () => {
    const perPartition = fc.accumulator(0);
    await fc.parallelize([1, 2, 3, 4, 5, 6], 3).foreachPartition(
      capture({ perPartition }, (it, { perPartition }) => {
        perPartition.add([...it].length * 100);
      }),
    );
    expect(perPartition.value).toBe(600);
  });

  it('a custom AccumulatorParam (accumulators.py doctest: VectorAccumulatorParam)', async () => {
    const vectorAccumulatorParam = {
      zero: (value: number[]) => value.map(() => 0),
      addInPlace(val1: number[], val2: number[]) {
        for (let i = 0; i < val1.length; i++) val1[i] += val2[i];
        return val1;
      },
    };
    const va = fc.accumulator([1.0, 2.0, 3.0], vectorAccumulatorParam);
    expect(va.value).toEqual([1.0, 2.0, 3.0]);
    await fc.parallelize([1, 2, 3]).foreach(capture({ va }, (x, { va }) => va.add([x, x, x])));
    expect(va.value).toEqual([7.0, 8.0, 9.0]);
    va.add([1, 1, 1]);
    expect(va.value).toEqual([8.0, 9.0, 10.0]);
  });

  it('a custom accumulator of Maps, used twice in one task, counts each task once', async () => {
    const counts = fc.accumulator(new Map<string, number>(), {
      zero: () => new Map<string, number>(),
      addInPlace(m1: Map<string, number>, m2: Map<string, number>) {
        for (const [k, n] of m2) m1.set(k, (m1.get(k) ?? 0) + n);
        return m1;
      },
    });
    const words = ['a', 'b', 'a', 'c', 'a', 'b', 'd'];
    const lengths = await fc
      .parallelize(words, 3)
      .map(capture({ counts }, (w, { counts }) => (counts.add(new Map([[w, 1]])), w)))
      .map(capture({ counts }, (w, { counts }) => (counts.add(new Map([[`${w}!`, 1]])), w.length)))
      .collect();
    expect(lengths).toEqual(words.map((w) => w.length));
    const expected = new Map<string, number>();
    for (const w of words) for (const k of [w, `${w}!`]) expected.set(k, (expected.get(k) ?? 0) + 1);
    expect(new Map([...counts.value].sort())).toEqual(new Map([...expected].sort()));
  });

  it('a value other than a number needs an AccumulatorParam; addInPlace is checked like a shipped function', () => {
    expect(() => fc.accumulator([1.0, 2.0, 3.0] as never)).toThrow(/^No default accumulator param for type array: pass an AccumulatorParam/);
    const offset = 1;
    expect(() => fc.accumulator(0, { zero: () => 0, addInPlace: (a: number, b: number) => a + b + offset })).toThrow(/uses 'offset' from its enclosing scope/);
  });
});

describe('capture', () => {
  it('passes plain data as the last argument (map)', async () => {
    const k = 3;
    expect(await fc.parallelize([1, 2, 3]).map(capture({ k }, (x, { k }) => x * k)).collect()).toEqual([3, 6, 9]);
  });

  it('works for filter, flatMap, mapPartitions and mapPartitionsWithIndex', async () => {
    const limit = 2;
    const copies = 2;
    const offset = 100;
    const rdd = fc.parallelize([1, 2, 3, 4], 2);
    expect(await rdd.filter(capture({ limit }, (x, { limit }) => x > limit)).collect()).toEqual([3, 4]);
    expect(
      await rdd.flatMap(capture({ copies }, (x, { copies }) => Array.from({ length: copies }, () => x))).collect(),
    ).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(
      await rdd.mapPartitions(capture({ offset }, (it, { offset }) => [...it].map((x) => x + offset))).collect(),
    ).toEqual([101, 102, 103, 104]);
    expect(
      await rdd
        .mapPartitionsWithIndex(capture({ offset }, (i, it, { offset }) => [...it].map((x) => i * offset + x)))
        .collect(),
    ).toEqual([1, 2, 103, 104]);
  });

  it('works for pair functions and actions (reduceByKey, sortBy, aggregate, treeReduce, takeOrdered)', async () => {
    const factor = 10;
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 2], ['a', 3]]), 2);
    expect(
      new Map(await rdd.reduceByKey(capture({ factor }, (x, y, { factor }) => (x + y) * factor)).collect()),
    ).toEqual(new Map([['a', 40], ['b', 2]]));
    const order = ['b', 'a'];
    expect(await rdd.sortBy(capture({ order }, ([k], { order }) => order.indexOf(k))).keys().collect()).toEqual([
      'b',
      'a',
      'a',
    ]);
    const nums = fc.parallelize([1, 2, 3, 4], 2);
    expect(await nums.aggregate(0, capture({ factor }, (acc, x, { factor }) => acc + x * factor), (a, b) => a + b)).toBe(
      100,
    );
    expect(await nums.treeReduce(capture({ factor }, (x, y, { factor }) => x + y + 0 * factor))).toBe(10);
    expect(await nums.takeOrdered(2, capture({ factor }, (x, { factor }) => -x * factor))).toEqual([4, 3]);
  });

  it('passes the env to the driver-side merge of reduce, fold and aggregate', async () => {
    const nums = fc.parallelize([1, 2, 3, 4], 2);
    const cap = 5;
    // saturating addition is associative and commutative for non-negative values
    expect(await nums.reduce(capture({ cap }, (x, y, { cap }) => Math.min(cap, x + y)))).toBe(5);
    expect(await nums.fold(0, capture({ cap }, (x, y, { cap }) => Math.min(cap, x + y)))).toBe(5);
    expect(await nums.aggregate(0, (a, x) => a + x, capture({ cap }, (a, b, { cap }) => Math.min(cap, a + b)))).toBe(5);
  });

  it('ships nested plain data by value', async () => {
    const config = { weights: [1, 10, 100], label: 'w' };
    const out = await fc
      .parallelize([0, 1, 2], 3)
      .map(capture({ config }, (i, { config }) => `${config.label}${config.weights[i]}`))
      .collect();
    expect(out).toEqual(['w1', 'w10', 'w100']);
  });
});

describe('free variables', () => {
  it('map with an outer variable throws synchronously, naming it and pointing to capture', () => {
    const k = 3;
    const rdd = fc.parallelize([1, 2, 3]);
    let thrown: unknown;
    try {
      rdd.map((x) => x * k);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    const message = (thrown as Error).message;
    expect(message).toMatch(/\bk\b/);
    expect(message).toMatch(/capture/);
  });

  it('is checked for other transformations too', () => {
    const threshold = 2;
    const rdd = fc.parallelize(pairs([['a', 1]]));
    expect(() => rdd.filter(([, v]) => v > threshold)).toThrow(/threshold/);
    expect(() => rdd.mapValues((v) => v + threshold)).toThrow(/threshold/);
    expect(() => rdd.reduceByKey((a, b) => a + b + threshold)).toThrow(/threshold/);
    expect(() => rdd.flatMap(() => [threshold])).toThrow(/threshold/);
  });

  it('names the first free variable of a function expression, not its locals or parameters', () => {
    const outerTable = { a: 1 };
    const rdd = fc.parallelize(['a', 'b']);
    expect(() =>
      rdd.map(function (x) {
        const local = 1;
        return local + (outerTable as Record<string, number>)[x];
      }),
    ).toThrow(/outerTable/);
  });

  it('rejects an action given a function with a free variable (sync throw or rejection)', async () => {
    const bonus = 5;
    const rdd = fc.parallelize([1, 2, 3]);
    await expect((async () => rdd.reduce((a, b) => a + b + bonus))()).rejects.toThrow(/bonus/);
  });

  it('capturing the variable fixes it', async () => {
    const k = 3;
    expect(await fc.parallelize([1, 2, 3]).map(capture({ k }, (x, { k }) => x * k)).sum()).toBe(18);
  });
});
