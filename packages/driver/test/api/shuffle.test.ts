// PySpark doctest semantics for the shuffle transformations: reduceByKey, groupByKey,
// aggregateByKey, combineByKey, foldByKey, groupBy, distinct, intersection, subtract,
// subtractByKey, sortByKey, sortBy, partitionBy, repartition, repartitionAndSortWithinPartitions.
// Joins and cogroup are in joins.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairs, sorted } from './python-order.js';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-shuffle' });
});

afterAll(async () => {
  await fc.stop();
});

/** Non-negative modulo, as Spark's HashPartitioner does for integer keys. */
function mod(k: number, n: number): number {
  return ((k % n) + n) % n;
}

describe('reduceByKey', () => {
  it('merges values per key (doctest)', async () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 1], ['a', 1]]));
    expect(sorted(await rdd.reduceByKey((a, b) => a + b).collect())).toEqual([['a', 2], ['b', 1]]);
  });

  it('agrees with a sequential count over many keys and partitions', async () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${(i * 7919) % 37}`);
    const expected = new Map<string, number>();
    for (const w of words) expected.set(w, (expected.get(w) ?? 0) + 1);
    const out = await fc
      .parallelize(words, 5)
      .map((w) => [w, 1] as [string, number])
      .reduceByKey((a, b) => a + b, 3)
      .collect();
    expect(new Map(out)).toEqual(expected);
    expect(out).toHaveLength(expected.size);
  });

  it('uses numPartitions, and defaults to the parent partition count', () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 2]]), 5);
    expect(rdd.reduceByKey((a, b) => a + b).getNumPartitions()).toBe(5);
    expect(rdd.reduceByKey((a, b) => a + b, 3).getNumPartitions()).toBe(3);
  });

  it('puts integer key k in partition k mod n (integer keys hash to themselves)', async () => {
    const data = pairs(Array.from({ length: 12 }, (_, i) => [i - 4, 1] as [number, number]));
    const parts = await fc.parallelize(data, 2).reduceByKey((a, b) => a + b, 3).glom().collect();
    parts.forEach((part, p) => {
      for (const [k] of part) expect(mod(k, 3), `key ${k}`).toBe(p);
    });
    expect(sorted(parts.flat())).toEqual(sorted(data));
  });

  it('compares keys by value: arrays with equal contents are the same key', async () => {
    const rdd = fc.parallelize(pairs<[string, number], number>([[['a', 1], 1], [['a', 1], 2], [['b', 1], 3], [['a', 2], 4]]), 3);
    expect(sorted(await rdd.reduceByKey((a, b) => a + b).collect())).toEqual([
      [['a', 1], 3],
      [['a', 2], 4],
      [['b', 1], 3],
    ]);
  });

  it('treats 1 and "1" as different keys', async () => {
    const rdd = fc.parallelize(pairs<number | string, number>([[1, 1], ['1', 10], [1, 100]]), 2);
    const out = await rdd.reduceByKey((a, b) => a + b).collect();
    expect(new Map(out)).toEqual(new Map<number | string, number>([[1, 101], ['1', 10]]));
  });
});

describe('groupByKey', () => {
  it('groups values per key (doctest)', async () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 1], ['a', 1]]));
    expect(sorted(await rdd.groupByKey().mapValues((vs) => vs.length).collect())).toEqual([['a', 2], ['b', 1]]);
    expect(sorted(await rdd.groupByKey().collect())).toEqual([['a', [1, 1]], ['b', [1]]]);
  });

  it('merges values in map-partition order', async () => {
    const data = pairs(Array.from({ length: 10 }, (_, i) => ['k', i] as [string, number]));
    expect(await fc.parallelize(data, 4).groupByKey(1).collect()).toEqual([['k', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]]);
  });

  it('honours numPartitions', () => {
    expect(fc.parallelize(pairs([['a', 1]]), 2).groupByKey(4).getNumPartitions()).toBe(4);
  });
});

describe('aggregateByKey', () => {
  it('aggregates into a different type (doctest)', async () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 1], ['a', 2]]));
    const out = await rdd
      .aggregateByKey(
        [0, 0] as [number, number],
        (acc, v) => [acc[0] + v, acc[1] + 1] as [number, number],
        (x, y) => [x[0] + y[0], x[1] + y[1]] as [number, number],
      )
      .collect();
    expect(sorted(out)).toEqual([['a', [3, 2]], ['b', [1, 1]]]);
  });

  it('applies the zero once per key per map partition', async () => {
    // slices [a, a] and [a, b, a]: 'a' is in both, (1 + 1 + 1) + (1 + 1 + 1) = 6; 'b' only in the second, 1 + 1 = 2.
    const rdd = fc.parallelize(pairs([['a', 1], ['a', 1], ['a', 1], ['b', 1], ['a', 1]]), 2);
    const out = await rdd.aggregateByKey(1, (acc, v) => acc + v, (x, y) => x + y).collect();
    expect(sorted(out)).toEqual([['a', 6], ['b', 2]]);
  });

  it('gives every key its own copy of a mutable zero', async () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 2], ['a', 3], ['b', 4]]), 1);
    const out = await rdd
      .aggregateByKey(
        [] as number[],
        (acc, v) => {
          acc.push(v);
          return acc;
        },
        (x, y) => x.concat(y),
      )
      .collect();
    expect(sorted(out)).toEqual([['a', [1, 3]], ['b', [2, 4]]]);
  });
});

describe('mutable zero values (test_rdd.py, SPARK-9021)', () => {
  it('aggregateByKey with [] builds the value list of every key, with 1 or 2 partitions', async () => {
    const tuples = pairs([...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => i)].map((i) => [i, 1] as [number, number]));
    const groundTruth = Array.from({ length: 10 }, (_, i) => [i, [1, 1]]);
    for (const slices of [1, 2]) {
      const values = await fc
        .parallelize(tuples, slices)
        .aggregateByKey(
          [] as number[],
          (x, y) => {
            x.push(y);
            return x;
          },
          (x, y) => {
            x.push(...y);
            return x;
          },
        )
        .collect();
      expect(sorted(values), `slices=${slices}`).toEqual(groundTruth);
    }
  });

  it('foldByKey with [] concatenates the lists of every key, with 1 or 2 partitions', async () => {
    const once = Array.from({ length: 10 }, (_, i) => [i, Array.from({ length: i }, (_, j) => j)] as [number, number[]]);
    const tuples = pairs([...once, ...once]);
    const groundTruth = once.map(([i, r]) => [i, [...r, ...r]]);
    for (const slices of [1, 2]) {
      const values = await fc
        .parallelize(tuples, slices)
        .foldByKey([], (x, y) => {
          x.push(...y);
          return x;
        })
        .collect();
      expect(sorted(values), `slices=${slices}`).toEqual(groundTruth);
    }
  });

  it('aggregateByKey into per-key value lists (test_aggregate_by_key, with arrays for sets)', async () => {
    const data = fc.parallelize(pairs([[1, 1], [1, 1], [3, 2], [5, 1], [5, 3]]), 2);
    const sets = new Map(
      await data
        .aggregateByKey(
          [] as number[],
          (x, y) => (x.includes(y) ? x : [...x, y]),
          (x, y) => [...x, ...y.filter((v) => !x.includes(v))],
        )
        .collect(),
    );
    expect(sets.size).toBe(3);
    expect(sets.get(1)).toEqual([1]);
    expect(sets.get(3)).toEqual([2]);
    expect([...(sets.get(5) ?? [])].sort()).toEqual([1, 3]);
  });
});

describe('combineByKey', () => {
  it('builds lists per key (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 1], ['a', 2]]));
    const out = await x
      .combineByKey(
        (v) => [v],
        (acc, v) => {
          acc.push(v);
          return acc;
        },
        (a, b) => {
          a.push(...b);
          return a;
        },
      )
      .collect();
    expect(sorted(out)).toEqual([['a', [1, 2]], ['b', [1]]]);
  });

  it('computes per-key averages like a sequential reference, with numPartitions', async () => {
    const data = pairs(Array.from({ length: 60 }, (_, i) => [`s${i % 4}`, i] as [string, number]));
    const sums = new Map<string, [number, number]>();
    for (const [k, v] of data) {
      const [s, n] = sums.get(k) ?? [0, 0];
      sums.set(k, [s + v, n + 1]);
    }
    const rdd = fc
      .parallelize(data, 6)
      .combineByKey(
        (v) => [v, 1] as [number, number],
        (c, v) => [c[0] + v, c[1] + 1] as [number, number],
        (c1, c2) => [c1[0] + c2[0], c1[1] + c2[1]] as [number, number],
        3,
      );
    expect(rdd.getNumPartitions()).toBe(3);
    expect(new Map(await rdd.collect())).toEqual(sums);
  });
});

describe('foldByKey', () => {
  it('folds values per key (doctest)', async () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 1], ['a', 1]]));
    expect(sorted(await rdd.foldByKey(0, (a, b) => a + b).collect())).toEqual([['a', 2], ['b', 1]]);
  });

  it('applies the zero once per key per map partition', async () => {
    // slices [a, a] [a, b, a]: a = (10+1+1) + (10+1+1), b = 10+1
    const rdd = fc.parallelize(pairs([['a', 1], ['a', 1], ['a', 1], ['b', 1], ['a', 1]]), 2);
    expect(sorted(await rdd.foldByKey(10, (a, b) => a + b).collect())).toEqual([['a', 24], ['b', 11]]);
  });
});

describe('groupBy', () => {
  it('groups by the function result (doctest)', async () => {
    const rdd = fc.parallelize([1, 1, 2, 3, 5, 8]);
    const result = await rdd.groupBy((x) => x % 2).collect();
    expect(sorted(result.map(([k, vs]) => [k, sorted(vs)]))).toEqual([[0, [2, 8]], [1, [1, 1, 3, 5]]]);
  });

  it('honours numPartitions', () => {
    expect(fc.parallelize([1, 2, 3]).groupBy((x) => x % 2, 3).getNumPartitions()).toBe(3);
  });
});

describe('distinct', () => {
  it('removes duplicates (doctest)', async () => {
    expect(sorted(await fc.parallelize([1, 1, 2, 3]).distinct().collect())).toEqual([1, 2, 3]);
  });

  it('counts distinct elements and honours numPartitions (test_rdd.py)', async () => {
    const rdd = fc.parallelize(Array.from({ length: 30 }, (_, i) => (i % 3) + 1), 10);
    expect(rdd.getNumPartitions()).toBe(10);
    expect(await rdd.distinct().count()).toBe(3);
    const result = rdd.distinct(5);
    expect(result.getNumPartitions()).toBe(5);
    expect(await result.count()).toBe(3);
  });

  it('compares by value for strings and arrays, with numPartitions', async () => {
    const rdd = fc.parallelize(['x', 'y', 'x', 'z', 'y'], 3).distinct(2);
    expect(rdd.getNumPartitions()).toBe(2);
    expect(sorted(await rdd.collect())).toEqual(['x', 'y', 'z']);
    const tuples = fc.parallelize([[1, 'a'], [1, 'a'], [2, 'a'], [1, 'b']], 2).distinct();
    expect(sorted(await tuples.collect())).toEqual([[1, 'a'], [1, 'b'], [2, 'a']]);
  });
});

describe('intersection', () => {
  it('keeps common elements once (doctest)', async () => {
    const rdd1 = fc.parallelize([1, 10, 2, 3, 4, 5]);
    const rdd2 = fc.parallelize([1, 6, 2, 3, 7, 8]);
    expect(sorted(await rdd1.intersection(rdd2).collect())).toEqual([1, 2, 3]);
  });

  it('removes duplicates present in the inputs', async () => {
    const a = fc.parallelize(['a', 'a', 'b', 'c'], 2);
    const b = fc.parallelize(['a', 'c', 'c', 'd'], 3);
    expect(sorted(await a.intersection(b).collect())).toEqual(['a', 'c']);
  });
});

describe('subtract', () => {
  it('removes elements present in the other RDD, comparing tuples by value (doctest)', async () => {
    const x = fc.parallelize(pairs<string, number | null>([['a', 1], ['b', 4], ['b', 5], ['a', 3]]));
    const y = fc.parallelize(pairs<string, number | null>([['a', 3], ['c', null]]));
    expect(sorted(await x.subtract(y).collect())).toEqual([['a', 1], ['b', 4], ['b', 5]]);
  });

  it('keeps duplicates of elements not in the other RDD', async () => {
    const out = await fc.parallelize([1, 1, 2, 3, 3, 4], 3).subtract(fc.parallelize([3, 5], 1)).collect();
    expect(sorted(out)).toEqual([1, 1, 2, 4]);
  });
});

describe('subtractByKey', () => {
  it('removes pairs whose key is in the other RDD (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4], ['b', 5], ['a', 2]]));
    const y = fc.parallelize(pairs<string, number | null>([['a', 3], ['c', null]]));
    expect(sorted(await x.subtractByKey(y).collect())).toEqual([['b', 4], ['b', 5]]);
  });
});

describe('sortByKey', () => {
  const tmp = pairs([['a', 1], ['b', 2], ['1', 3], ['d', 4], ['2', 5]]);
  const expected = [['1', 3], ['2', 5], ['a', 1], ['b', 2], ['d', 4]];

  it('first() of a sorted RDD is the smallest key (doctest)', async () => {
    expect(await fc.parallelize(tmp).sortByKey().first()).toEqual(['1', 3]);
  });

  it('sorts with 1 and 2 partitions (doctest)', async () => {
    expect(await fc.parallelize(tmp).sortByKey(true, 1).collect()).toEqual(expected);
    expect(await fc.parallelize(tmp).sortByKey(true, 2).collect()).toEqual(expected);
  });

  it('sorts by keyfunc (doctest)', async () => {
    const tmp2 = pairs([
      ['Mary', 1],
      ['had', 2],
      ['a', 3],
      ['little', 4],
      ['lamb', 5],
      ['whose', 6],
      ['fleece', 7],
      ['was', 8],
      ['white', 9],
    ]);
    const out = await fc
      .parallelize(tmp2)
      .sortByKey(true, 3, (k) => k.toLowerCase())
      .collect();
    expect(out).toEqual([
      ['a', 3],
      ['fleece', 7],
      ['had', 2],
      ['lamb', 5],
      ['little', 4],
      ['Mary', 1],
      ['was', 8],
      ['white', 9],
      ['whose', 6],
    ]);
  });

  it('sorts descending', async () => {
    expect(await fc.parallelize(tmp).sortByKey(false, 2).collect()).toEqual([...expected].reverse());
  });

  it('compares numbers numerically, not as strings', async () => {
    const data = pairs([[10, 'ten'], [9, 'nine'], [100, 'hundred'], [1, 'one'], [-3, 'minus three'], [2.5, 'x']]);
    expect((await fc.parallelize(data, 3).sortByKey().collect()).map(([k]) => k)).toEqual([-3, 1, 2.5, 9, 10, 100]);
  });

  it('range-partitions: each partition is sorted and all keys of partition i precede partition i+1', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    const parts = await fc
      .parallelize(keys.map((k) => [k, null] as [number, null]), 4)
      .sortByKey(true, 4)
      .glom()
      .collect();
    expect(parts).toHaveLength(4);
    const flat = parts.flat().map(([k]) => k);
    expect(flat).toEqual([...keys].sort((a, b) => a - b));
    for (let i = 0; i + 1 < parts.length; i++) {
      if (parts[i].length > 0 && parts[i + 1].length > 0) {
        expect(parts[i][parts[i].length - 1][0]).toBeLessThanOrEqual(parts[i + 1][0][0]);
      }
    }
  });

  it('defaults numPartitions to the parent partition count', () => {
    expect(fc.parallelize(tmp, 3).sortByKey().getNumPartitions()).toBe(3);
  });

  it('uses all partitions, not only the first and last (test_rdd.py, SPARK-5969)', async () => {
    const seq = pairs(Array.from({ length: 101 }, (_, i) => [(i * 59) % 101, i] as [number, number]));
    const rdd = fc.parallelize(seq);
    for (const ascending of [true, false]) {
      const sortedRdd = rdd.sortByKey(ascending, 5);
      const expected = [...seq].sort((a, b) => (ascending ? a[0] - b[0] : b[0] - a[0]));
      expect(await sortedRdd.collect()).toEqual(expected);
      const sizes = await sortedRdd.glom().map((p) => p.length).collect();
      expect(sizes).toHaveLength(5);
      for (const size of sizes) expect(size).toBeGreaterThan(0);
    }
  });

  it('sorts an empty RDD to an empty RDD', async () => {
    expect(await fc.parallelize(pairs<string, number>([]), 2).sortByKey().collect()).toEqual([]);
  });

  it('sorts array keys lexicographically by value', async () => {
    const data = pairs<[number, string], number>([[[2, 'a'], 1], [[1, 'b'], 2], [[1, 'a'], 3], [[10, 'a'], 4]]);
    expect((await fc.parallelize(data, 2).sortByKey().collect()).map(([, v]) => v)).toEqual([3, 2, 1, 4]);
  });
});

describe('sortBy', () => {
  const tmp = pairs([['a', 1], ['b', 2], ['1', 3], ['d', 4], ['2', 5]]);

  it('sorts by the key function (doctest)', async () => {
    expect(await fc.parallelize(tmp).sortBy((x) => x[0]).collect()).toEqual([
      ['1', 3],
      ['2', 5],
      ['a', 1],
      ['b', 2],
      ['d', 4],
    ]);
    expect(await fc.parallelize(tmp).sortBy((x) => x[1]).collect()).toEqual([
      ['a', 1],
      ['b', 2],
      ['1', 3],
      ['d', 4],
      ['2', 5],
    ]);
  });

  it('sorts descending into numPartitions partitions', async () => {
    const data = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    const rdd = fc.parallelize(data, 4).sortBy((x) => x, false, 3);
    expect(rdd.getNumPartitions()).toBe(3);
    expect(await rdd.collect()).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));
  });
});

describe('partitionBy', () => {
  it('sends equal keys to one partition (doctest)', async () => {
    const pairsRdd = fc.parallelize([1, 2, 3, 4, 2, 4, 1]).map((x) => [x, x] as [number, number]);
    const sets = await pairsRdd.partitionBy(2).glom().collect();
    expect(sets).toHaveLength(2);
    const keys0 = new Set(sets[0].map(([k]) => k));
    const keys1 = new Set(sets[1].map(([k]) => k));
    expect([...keys0].filter((k) => keys1.has(k))).toEqual([]);
  });

  it('places integer key k in partition k mod n, non-negative, in map-partition order', async () => {
    const data = pairs(Array.from({ length: 9 }, (_, i) => [i, `v${i}`] as [number, string]));
    expect(await fc.parallelize(data, 2).partitionBy(3).glom().collect()).toEqual([
      [[0, 'v0'], [3, 'v3'], [6, 'v6']],
      [[1, 'v1'], [4, 'v4'], [7, 'v7']],
      [[2, 'v2'], [5, 'v5'], [8, 'v8']],
    ]);
    const negatives = await fc.parallelize(pairs([[-1, 'a'], [-2, 'b'], [-3, 'c'], [-7, 'd']]), 2).partitionBy(3).glom().collect();
    expect(negatives).toEqual([[[-3, 'c']], [[-2, 'b']], [[-1, 'a'], [-7, 'd']]]);
  });

  it('keeps equal string and tuple keys together', async () => {
    const words = ['apple', 'pear', 'fig', 'apple', 'kiwi', 'fig', 'apple', 'plum'];
    const parts = await fc
      .parallelize(words.map((w) => [w, 1] as [string, number]), 3)
      .partitionBy(4)
      .glom()
      .collect();
    expect(parts).toHaveLength(4);
    const home = new Map<string, number>();
    parts.forEach((part, p) => {
      for (const [w] of part) {
        expect(home.get(w) ?? p, w).toBe(p);
        home.set(w, p);
      }
    });
    expect(parts.flat()).toHaveLength(words.length);
  });

  it('uses a custom partitionFunc modulo numPartitions', async () => {
    const data = pairs([['a', 1], ['bb', 2], ['ccc', 3], ['dddd', 4], ['eeeee', 5]]);
    const parts = await fc
      .parallelize(data, 2)
      .partitionBy(2, (k) => k.length)
      .glom()
      .collect();
    expect(parts).toEqual([
      [['bb', 2], ['dddd', 4]],
      [['a', 1], ['ccc', 3], ['eeeee', 5]],
    ]);
  });
});

describe('repartition', () => {
  it('changes the partition count and keeps the content (doctest)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4, 5, 6, 7], 4);
    expect(await rdd.glom().collect()).toEqual([[1], [2, 3], [4, 5], [6, 7]]);
    const two = await rdd.repartition(2).glom().collect();
    expect(two).toHaveLength(2);
    expect(sorted(two.flat())).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const ten = await rdd.repartition(10).glom().collect();
    expect(ten).toHaveLength(10);
    expect(sorted(ten.flat())).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves no partition empty when spreading 1000 elements over 20 (test_rdd.py)', async () => {
    const a = fc.parallelize(Array.from({ length: 1000 }, (_, i) => i), 2);
    for (const rdd of [a.repartition(20), a.coalesce(20, true)]) {
      const sizes = await rdd.glom().map((p) => p.length).collect();
      expect(sizes).toHaveLength(20);
      expect(sizes.filter((n) => n === 0)).toEqual([]);
    }
    expect(sorted(await a.repartition(20).collect())).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});

describe('repartitionAndSortWithinPartitions', () => {
  it('partitions by the function and sorts each partition by key (doctest)', async () => {
    const rdd = fc.parallelize(pairs([[0, 5], [3, 8], [2, 6], [0, 8], [3, 8], [1, 3]]));
    const rdd2 = rdd.repartitionAndSortWithinPartitions(2, (x) => x % 2, true);
    expect(await rdd2.glom().collect()).toEqual([
      [[0, 5], [0, 8], [2, 6]],
      [[1, 3], [3, 8], [3, 8]],
    ]);
  });

  it('sorts descending, keeping equal keys in arrival order (test_rdd.py)', async () => {
    const rdd = fc.parallelize(pairs([[0, 5], [3, 8], [2, 6], [0, 8], [3, 8], [1, 3]]), 2);
    const parts = await rdd.repartitionAndSortWithinPartitions(2, (key) => key % 2, false).glom().collect();
    expect(parts).toEqual([
      [[2, 6], [0, 5], [0, 8]],
      [[3, 8], [3, 8], [1, 3]],
    ]);
  });

  it('sorts descending and uses the default hash partitioner', async () => {
    const data = pairs(Array.from({ length: 20 }, (_, i) => [(i * 7) % 20, i] as [number, number]));
    const parts = await fc.parallelize(data, 3).repartitionAndSortWithinPartitions(4, undefined, false).glom().collect();
    expect(parts).toHaveLength(4);
    parts.forEach((part, p) => {
      const keys = part.map(([k]) => k);
      expect(keys).toEqual([...keys].sort((a, b) => b - a));
      for (const k of keys) expect(mod(k, 4)).toBe(p);
    });
    expect(sorted(parts.flat())).toEqual(sorted(data));
  });
});
