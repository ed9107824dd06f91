// PySpark doctest semantics for the narrow transformations: map, flatMap, filter, mapPartitions,
// mapPartitionsWithIndex, glom, keyBy, keys, values, mapValues, flatMapValues, union, coalesce,
// zip, zipWithIndex, zipWithUniqueId, cartesian, and pipelining through cache().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairs, sorted } from './python-order.js';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-narrow' });
});

afterAll(async () => {
  await fc.stop();
});

/** What tsx/esbuild insert into compiled function bodies to keep function names. */
declare const __name: <F>(fn: F, name: string) => F;

describe('map', () => {
  it('maps every element (doctest)', async () => {
    const rdd = fc.parallelize(['b', 'a', 'c']);
    expect(sorted(await rdd.map((x) => [x, 1] as [string, number]).collect())).toEqual([['a', 1], ['b', 1], ['c', 1]]);
  });

  it('keeps order and partitioning', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4, 5], 3).map((x) => x * 10);
    expect(rdd.getNumPartitions()).toBe(3);
    expect(await rdd.glom().collect()).toEqual([[10], [20, 30], [40, 50]]);
  });

  it('accepts built-ins passed directly (String, Number)', async () => {
    expect(await fc.parallelize([1, 22, 333], 2).map(String).collect()).toEqual(['1', '22', '333']);
    expect(await fc.parallelize(['4', '5.5', '-6'], 2).map(Number).collect()).toEqual([4, 5.5, -6]);
  });

  it('may use JS globals such as Math and JSON inside the function', async () => {
    const out = await fc.parallelize([1, 4, 9], 2).map((x) => JSON.stringify({ r: Math.sqrt(x) })).collect();
    expect(out).toEqual(['{"r":1}', '{"r":2}', '{"r":3}']);
  });

  it('pipelines consecutive maps (PipelinedRDD doctest)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4]);
    expect(await rdd.map((x) => 2 * x).map((x) => 2 * x).collect()).toEqual([4, 8, 12, 16]);
    expect(await rdd.map((x) => 2 * x).cache().map((x) => 2 * x).collect()).toEqual([4, 8, 12, 16]);
    expect(await rdd.map((x) => 2 * x).reduce((a, b) => a + b)).toBe(20);
    expect(await rdd.flatMap((x) => [x, x]).reduce((a, b) => a + b)).toBe(20);
  });
});

describe('flatMap', () => {
  it('flattens arrays (doctest)', async () => {
    const rdd = fc.parallelize([2, 3, 4]);
    const ranges = rdd.flatMap((x) => Array.from({ length: x - 1 }, (_, i) => i + 1));
    expect(sorted(await ranges.collect())).toEqual([1, 1, 1, 2, 2, 3]);
    const tuples = rdd.flatMap((x) => [[x, x] as [number, number], [x, x] as [number, number]]);
    expect(sorted(await tuples.collect())).toEqual([[2, 2], [2, 2], [3, 3], [3, 3], [4, 4], [4, 4]]);
  });

  it('flattens any iterable, e.g. a generator', async () => {
    const out = await fc
      .parallelize([1, 2, 3], 2)
      .flatMap(function* (x) {
        for (let i = 0; i < x; i++) yield x;
      })
      .collect();
    expect(out).toEqual([1, 2, 2, 3, 3, 3]);
  });

  it('an empty result drops the element', async () => {
    expect(await fc.parallelize([1, 2, 3], 2).flatMap((x) => (x === 2 ? [] : [x])).collect()).toEqual([1, 3]);
  });
});

describe('filter', () => {
  it('keeps the elements that satisfy the predicate (doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4, 5]).filter((x) => x % 2 === 0).collect()).toEqual([2, 4]);
  });

  it('keeps the partition count, possibly with empty partitions', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4, 5, 6], 3).filter((x) => x > 4);
    expect(rdd.getNumPartitions()).toBe(3);
    expect(await rdd.glom().collect()).toEqual([[], [], [5, 6]]);
  });
});

describe('mapPartitions', () => {
  it('applies a generator per partition (doctest)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4], 2);
    const out = await rdd
      .mapPartitions(function* (it) {
        let s = 0;
        for (const x of it) s += x;
        yield s;
      })
      .collect();
    expect(out).toEqual([3, 7]);
  });

  it('may return an array', async () => {
    const out = await fc
      .parallelize([1, 2, 3, 4, 5], 2)
      .mapPartitions((it) => {
        const xs = [...it];
        return [xs.length, ...xs.map((x) => -x)];
      })
      .collect();
    expect(out).toEqual([2, -1, -2, 3, -3, -4, -5]);
  });

  it('sees an empty iterable for an empty partition', async () => {
    const out = await fc
      .parallelize([7], 3)
      .mapPartitions((it) => [[...it].length])
      .collect();
    expect(out).toEqual([0, 0, 1]);
  });
});

describe('mapPartitionsWithIndex', () => {
  it('passes the partition index (doctest: sum of indexes of 4 partitions is 6)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4], 4);
    const indexes = rdd.mapPartitionsWithIndex(function* (i) {
      yield i;
    });
    expect(await indexes.sum()).toBe(6);
    expect(await indexes.collect()).toEqual([0, 1, 2, 3]);
  });

  it('pairs each element with its partition index', async () => {
    const out = await fc
      .parallelize(['a', 'b', 'c', 'd', 'e'], 3)
      .mapPartitionsWithIndex((i, it) => [...it].map((x) => [i, x] as [number, string]))
      .collect();
    expect(out).toEqual([[0, 'a'], [1, 'b'], [1, 'c'], [2, 'd'], [2, 'e']]);
  });
});

describe('glom', () => {
  it('gives one array per partition (doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4], 2).glom().collect()).toEqual([[1, 2], [3, 4]]);
  });
});

describe('keyBy, keys, values, mapValues, flatMapValues', () => {
  it('keyBy pairs f(x) with x', async () => {
    expect(await fc.parallelize([0, 1, 2]).keyBy((x) => x * x).collect()).toEqual([[0, 0], [1, 1], [4, 2]]);
  });

  it('keys() (doctest)', async () => {
    expect(await fc.parallelize(pairs([[1, 2], [3, 4]])).keys().collect()).toEqual([1, 3]);
  });

  it('values() (doctest)', async () => {
    expect(await fc.parallelize(pairs([[1, 2], [3, 4]])).values().collect()).toEqual([2, 4]);
  });

  it('mapValues (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', ['apple', 'banana', 'lemon']], ['b', ['grapes']]]));
    expect(await x.mapValues((v) => v.length).collect()).toEqual([['a', 3], ['b', 1]]);
  });

  it('flatMapValues (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', ['x', 'y', 'z']], ['b', ['p', 'r']]]));
    expect(await x.flatMapValues((v) => v).collect()).toEqual([
      ['a', 'x'],
      ['a', 'y'],
      ['a', 'z'],
      ['b', 'p'],
      ['b', 'r'],
    ]);
  });
});

describe('union', () => {
  it('rdd.union(rdd) (doctest)', async () => {
    const rdd = fc.parallelize([1, 1, 2, 3]);
    expect(await rdd.union(rdd).collect()).toEqual([1, 1, 2, 3, 1, 1, 2, 3]);
  });
});

describe('coalesce', () => {
  it('coalesce(1) puts everything in one partition in order (doctest)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4, 5], 3);
    expect(await rdd.glom().collect()).toEqual([[1], [2, 3], [4, 5]]);
    expect(await rdd.coalesce(1).glom().collect()).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('without a shuffle, reduces the partition count and keeps element order', async () => {
    const data = Array.from({ length: 20 }, (_, i) => i);
    const rdd = fc.parallelize(data, 8).coalesce(3);
    expect(rdd.getNumPartitions()).toBe(3);
    const parts = await rdd.glom().collect();
    expect(parts).toHaveLength(3);
    expect(parts.flat()).toEqual(data);
  });

  it('without a shuffle cannot increase the partition count', () => {
    expect(fc.parallelize([1, 2, 3, 4], 2).coalesce(5).getNumPartitions()).toBe(2);
  });

  it('with shuffle = true reaches the requested count and keeps the content', async () => {
    const data = Array.from({ length: 30 }, (_, i) => i);
    const rdd = fc.parallelize(data, 2).coalesce(5, true);
    expect(rdd.getNumPartitions()).toBe(5);
    expect(sorted(await rdd.collect())).toEqual(data);
  });
});

describe('zip', () => {
  it('zips element-wise (doctest)', async () => {
    const x = fc.parallelize([0, 1, 2, 3, 4]);
    const y = fc.parallelize([1000, 1001, 1002, 1003, 1004]);
    expect(await x.zip(y).collect()).toEqual([[0, 1000], [1, 1001], [2, 1002], [3, 1003], [4, 1004]]);
  });

  it('zips an RDD with a map of itself', async () => {
    const x = fc.parallelize(['a', 'bb', 'ccc'], 3);
    expect(await x.zip(x.map((s) => s.length)).collect()).toEqual([['a', 1], ['bb', 2], ['ccc', 3]]);
  });
});

describe('zipWithIndex', () => {
  it('numbers by partition then position (doctest)', async () => {
    expect(await fc.parallelize(['a', 'b', 'c', 'd'], 3).zipWithIndex().collect()).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
  });

  it('is 0..n-1 in collect order, across empty partitions', async () => {
    const data = Array.from({ length: 25 }, (_, i) => `e${i}`);
    const rdd = fc.parallelize(data, 4).filter((s) => s !== 'e3' && s !== 'e4' && s !== 'e5');
    const kept = data.filter((s) => s !== 'e3' && s !== 'e4' && s !== 'e5');
    expect(await rdd.zipWithIndex().collect()).toEqual(kept.map((s, i) => [s, i]));
    expect(await fc.parallelize([9], 4).zipWithIndex().collect()).toEqual([[9, 0]]);
  });
});

describe('zipWithUniqueId', () => {
  it('gives items in partition k the ids k, n+k, 2n+k, ... (doctest)', async () => {
    expect(await fc.parallelize(['a', 'b', 'c', 'd', 'e'], 3).zipWithUniqueId().collect()).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 4],
      ['d', 2],
      ['e', 5],
    ]);
  });

  it('gives unique ids', async () => {
    const ids = (await fc.range(0, 100, 1, 7).zipWithUniqueId().collect()).map(([, id]) => id);
    expect(new Set(ids).size).toBe(100);
  });
});

describe('cartesian', () => {
  it('gives all pairs (doctest)', async () => {
    const rdd = fc.parallelize([1, 2]);
    expect(sorted(await rdd.cartesian(rdd).collect())).toEqual([[1, 1], [1, 2], [2, 1], [2, 2]]);
  });

  it('has numPartitions(a) * numPartitions(b) partitions and every pair once', async () => {
    const a = fc.parallelize([1, 2, 3], 3);
    const b = fc.parallelize(['x', 'y'], 2);
    const c = a.cartesian(b);
    expect(c.getNumPartitions()).toBe(6);
    const expected: [number, string][] = [];
    for (const x of [1, 2, 3]) for (const y of ['x', 'y']) expected.push([x, y]);
    expect(sorted(await c.collect())).toEqual(sorted(expected));
  });
});

describe('chaining zip and cartesian (test_rdd.py)', () => {
  const key = (x: unknown) => JSON.stringify(x);

  it('cartesian of a cartesian', async () => {
    const rdd = fc.parallelize(Array.from({ length: 10 }, (_, i) => i), 2);
    const expectedLeft: string[] = [];
    const expectedRight: string[] = [];
    const expectedZip: string[] = [];
    for (let x = 0; x < 10; x++) {
      for (let y = 0; y < 10; y++) {
        expectedZip.push(key([x, [y, y]]));
        for (let z = 0; z < 10; z++) {
          expectedLeft.push(key([[x, y], z]));
          expectedRight.push(key([x, [y, z]]));
        }
      }
    }
    expect((await rdd.cartesian(rdd).cartesian(rdd).collect()).map(key).sort()).toEqual(expectedLeft.sort());
    expect((await rdd.cartesian(rdd.cartesian(rdd)).collect()).map(key).sort()).toEqual(expectedRight.sort());
    expect((await rdd.cartesian(rdd.zip(rdd)).collect()).map(key).sort()).toEqual(expectedZip.sort());
  });

  it('zip of a zip', async () => {
    const rdd = fc.parallelize(['a', 'b', 'c'], 2);
    expect(await rdd.zip(rdd).zip(rdd).collect()).toEqual([[['a', 'a'], 'a'], [['b', 'b'], 'b'], [['c', 'c'], 'c']]);
    expect(await rdd.zip(rdd.zip(rdd)).collect()).toEqual([['a', ['a', 'a']], ['b', ['b', 'b']], ['c', ['c', 'c']]]);
  });

  it('maps over a cartesian result', async () => {
    const cart = fc.parallelize([1, 2]).cartesian(fc.parallelize([3, 4]));
    expect((await cart.map(([x, y]) => x + y).collect()).sort()).toEqual([4, 5, 5, 6]);
  });
});

describe('function forms', () => {
  it('accepts function expressions', async () => {
    const out = await fc
      .parallelize([1, 2, 3])
      .map(function (x) {
        return x + 1;
      })
      .collect();
    expect(out).toEqual([2, 3, 4]);
  });

  it('accepts object methods', async () => {
    const ops = {
      triple(x: number) {
        return x * 3;
      },
    };
    expect(await fc.parallelize([1, 2, 3]).map(ops.triple).collect()).toEqual([3, 6, 9]);
  });

  it('accepts async partition functions and async generators', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4], 2);
    expect(await rdd.mapPartitions(async (it) => [...it].map((x) => x * 2)).collect()).toEqual([2, 4, 6, 8]);
    const out = await rdd
      .mapPartitions(async function* (it) {
        for (const x of it) yield x + 1;
      })
      .collect();
    expect(out).toEqual([2, 3, 4, 5]);
  });

  it('accepts bodies with the __name(...) calls tsx/esbuild insert', async () => {
    const out = await fc
      .parallelize([1, 2, 3], 2)
      .map((x) => {
        const inc = __name((y: number) => y + 1, 'inc');
        return inc(x);
      })
      .collect();
    expect(out).toEqual([2, 3, 4]);
  });

  it('accepts functions with local variables, inner functions, destructuring and loops', async () => {
    const out = await fc
      .parallelize(pairs([['a', [1, 2, 3]], ['b', [4]]]), 2)
      .map(([k, vs]) => {
        const weight = 2;
        let total = 0;
        for (const v of vs) total += v;
        const label = (s: string) => `${s}:${total * weight}`;
        const obj = { k: 1 };
        return label(k) + obj.k;
      })
      .collect();
    expect(out).toEqual(['a:121', 'b:81']);
  });
});
