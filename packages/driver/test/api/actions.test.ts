// PySpark doctest semantics for the actions: collect, count, first, take, takeOrdered, top,
// reduce, treeReduce, fold, aggregate, treeAggregate, max, min, countByKey, countByValue,
// collectAsMap, lookup, isEmpty, foreach, foreachPartition, toLocalIterator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-actions' });
});

afterAll(async () => {
  await fc.stop();
});

function pairs<K, V>(xs: [K, V][]): [K, V][] {
  return xs;
}

const add = (a: number, b: number) => a + b;

describe('collect and count', () => {
  it('count() (doctest)', async () => {
    expect(await fc.parallelize([2, 3, 4]).count()).toBe(3);
  });

  it('count() over many partitions with empty ones', async () => {
    expect(await fc.parallelize([1, 2, 3], 10).count()).toBe(3);
    expect(await fc.range(0, 1000, 1, 7).count()).toBe(1000);
  });
});

describe('first', () => {
  it('returns the first element (doctest)', async () => {
    expect(await fc.parallelize([2, 3, 4]).first()).toBe(2);
  });

  it('rejects with "RDD is empty" on an empty RDD (doctest)', async () => {
    await expect(fc.parallelize([] as number[]).first()).rejects.toThrow('RDD is empty');
    await expect(fc.emptyRDD<number>().first()).rejects.toThrow('RDD is empty');
  });

  it('skips leading empty partitions', async () => {
    expect(await fc.parallelize([7, 8], 6).first()).toBe(7);
  });
});

describe('take', () => {
  it('takes the first n elements (doctest)', async () => {
    expect(await fc.parallelize([2, 3, 4, 5, 6]).cache().take(2)).toEqual([2, 3]);
    expect(await fc.parallelize([2, 3, 4, 5, 6]).take(10)).toEqual([2, 3, 4, 5, 6]);
  });

  it('scans past empty partitions in partition order (doctest)', async () => {
    const rdd = fc.parallelize(Array.from({ length: 100 }, (_, i) => i), 100).filter((x) => x > 90);
    expect(await rdd.take(3)).toEqual([91, 92, 93]);
  });

  it('take(0) is empty', async () => {
    expect(await fc.parallelize([1, 2, 3]).take(0)).toEqual([]);
  });
});

describe('takeOrdered', () => {
  it('takes the n smallest in ascending order (doctest)', async () => {
    expect(await fc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7]).takeOrdered(6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('orders by a key function (doctest)', async () => {
    expect(await fc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6, (x) => -x)).toEqual([10, 9, 7, 6, 5, 4]);
  });

  it('compares numbers numerically and works on pairs with a key (README example)', async () => {
    expect(await fc.parallelize([100, 20, 3], 3).takeOrdered(2)).toEqual([3, 20]);
    const counts = fc.parallelize(pairs([['a', 3], ['b', 10], ['c', 1], ['d', 7]]), 2);
    expect(await counts.takeOrdered(2, ([, n]) => -n)).toEqual([['b', 10], ['d', 7]]);
  });

  it('returns everything when n exceeds the count', async () => {
    expect(await fc.parallelize(['b', 'c', 'a'], 2).takeOrdered(10)).toEqual(['a', 'b', 'c']);
  });
});

describe('top', () => {
  it('takes the largest in descending order (doctest)', async () => {
    expect(await fc.parallelize([10, 4, 2, 12, 3]).top(1)).toEqual([12]);
    expect(await fc.parallelize([2, 3, 4, 5, 6], 2).top(2)).toEqual([6, 5]);
  });

  it('orders by a key function: key=str (doctest)', async () => {
    expect(await fc.parallelize([10, 4, 2, 12, 3]).top(3, String)).toEqual([4, 3, 2]);
  });

  it('compares numbers numerically', async () => {
    expect(await fc.parallelize([9, 100, 20], 2).top(2)).toEqual([100, 20]);
  });
});

describe('reduce', () => {
  it('reduces with an associative operator (doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4, 5]).reduce(add)).toBe(15);
    const ones = fc.parallelize(Array.from({ length: 10 }, () => 2)).map(() => 1).cache();
    expect(await ones.reduce(add)).toBe(10);
  });

  it('rejects with "Can not reduce() empty RDD" on an empty RDD (doctest)', async () => {
    await expect(fc.parallelize([] as number[]).reduce(add)).rejects.toThrow('Can not reduce() empty RDD');
    await expect(fc.emptyRDD<number>().reduce(add)).rejects.toThrow('Can not reduce() empty RDD');
  });

  it('skips empty partitions', async () => {
    expect(await fc.parallelize([5, 6], 7).reduce((a, b) => a * b)).toBe(30);
  });
});

describe('treeReduce', () => {
  it('gives the same answer at every depth (doctest)', async () => {
    const rdd = fc.parallelize([-5, -4, -3, -2, -1, 1, 2, 3, 4], 10);
    expect(await rdd.treeReduce(add)).toBe(-5);
    for (const depth of [1, 2, 5, 10]) expect(await rdd.treeReduce(add, depth)).toBe(-5);
  });
});

describe('fold', () => {
  it('folds with a neutral zero (doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4, 5]).fold(0, add)).toBe(15);
  });

  it('applies the zero once per partition and once more on the driver', async () => {
    // slices [1] [2] [3]: (1+1) + (1+2) + (1+3), merged starting from the zero: 1 + 2 + 3 + 4 = 10
    expect(await fc.parallelize([1, 2, 3], 3).fold(1, add)).toBe(10);
    // slices [1] [2, 3]: 1 + (1+1) + (1+2+3) = 9
    expect(await fc.parallelize([1, 2, 3], 2).fold(1, add)).toBe(9);
    // five empty partitions: the zero six times
    expect(await fc.parallelize([] as number[], 5).fold(1, add)).toBe(6);
  });
});

describe('aggregate', () => {
  const seqOp = (x: [number, number], y: number) => [x[0] + y, x[1] + 1] as [number, number];
  const combOp = (x: [number, number], y: [number, number]) => [x[0] + y[0], x[1] + y[1]] as [number, number];

  it('computes (sum, count) (doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4]).aggregate([0, 0] as [number, number], seqOp, combOp)).toEqual([10, 4]);
  });

  it('returns the zero for an empty RDD (doctest)', async () => {
    expect(await fc.parallelize([] as number[]).aggregate([0, 0] as [number, number], seqOp, combOp)).toEqual([0, 0]);
  });

  it('applies the zero once per partition and once on the driver', async () => {
    // every partition starts at 100 and the driver merge starts at 100: 4 * 100 + 10
    expect(await fc.parallelize([1, 2, 3, 4], 3).aggregate(100, (a, x) => a + x, add)).toBe(410);
  });

  it('gives every partition its own copy of a mutable zero', async () => {
    const out = await fc.parallelize([1, 2, 3, 4], 2).aggregate(
      [] as number[],
      (acc, x) => {
        acc.push(x);
        return acc;
      },
      (a, b) => {
        a.push(...b);
        return a;
      },
    );
    expect([...out].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });
});

describe('mutable zero values (test_rdd.py, SPARK-9021)', () => {
  const seqOp = (x: Record<string, number>, y: number) => {
    x[y] = (x[y] ?? 0) + 1;
    return x;
  };
  const comboOp = (x: Record<string, number>, y: Record<string, number>) => {
    for (const [key, val] of Object.entries(y)) x[key] = (x[key] ?? 0) + val;
    return x;
  };
  const groundTruth = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i), 1]));

  it('aggregate and treeAggregate build a counter with 1 or 2 partitions', async () => {
    for (const slices of [1, 2]) {
      const data = fc.range(0, 10, 1, slices);
      expect(await data.aggregate({} as Record<string, number>, seqOp, comboOp), `slices=${slices}`).toEqual(groundTruth);
      expect(await data.treeAggregate({} as Record<string, number>, seqOp, comboOp, 2), `slices=${slices}`).toEqual(groundTruth);
    }
  });

  it('fold merges counters with 1 or 2 partitions', async () => {
    const counter = (from: number, to: number) =>
      Object.fromEntries(Array.from({ length: to - from }, (_, i) => [String(from + i), 1])) as Record<string, number>;
    const allCounts = [counter(0, 10), counter(3, 8), counter(4, 7), counter(5, 6)];
    const expected: Record<string, number> = {};
    for (const c of allCounts) for (const [k, v] of Object.entries(c)) expected[k] = (expected[k] ?? 0) + v;
    for (const slices of [1, 2]) {
      expect(await fc.parallelize(allCounts, slices).fold({}, comboOp), `slices=${slices}`).toEqual(expected);
    }
  });
});

describe('treeAggregate', () => {
  it('gives the same answer at every depth (doctest)', async () => {
    const rdd = fc.parallelize([-5, -4, -3, -2, -1, 1, 2, 3, 4], 10);
    expect(await rdd.treeAggregate(0, add, add)).toBe(-5);
    for (const depth of [1, 2, 5, 10]) expect(await rdd.treeAggregate(0, add, add, depth)).toBe(-5);
  });

  it('computes (sum, count) over many partitions', async () => {
    const out = await fc.range(0, 1000, 1, 20).treeAggregate(
      [0, 0] as [number, number],
      (acc, x) => [acc[0] + x, acc[1] + 1] as [number, number],
      (a, b) => [a[0] + b[0], a[1] + b[1]] as [number, number],
      3,
    );
    expect(out).toEqual([499500, 1000]);
  });
});

describe('max and min', () => {
  it('max() and max(key=str) (doctest)', async () => {
    const rdd = fc.parallelize([1.0, 5.0, 43.0, 10.0]);
    expect(await rdd.max()).toBe(43);
    expect(await rdd.max(String)).toBe(5);
  });

  it('min() and min(key=str) (doctest)', async () => {
    const rdd = fc.parallelize([2.0, 5.0, 43.0, 10.0]);
    expect(await rdd.min()).toBe(2);
    expect(await rdd.min(String)).toBe(10);
  });

  it('compares numbers numerically and strings lexicographically', async () => {
    expect(await fc.parallelize([9, 10, 100, -1], 3).max()).toBe(100);
    expect(await fc.parallelize([9, 10, 100, -1], 3).min()).toBe(-1);
    expect(await fc.parallelize(['pear', 'apple', 'zoo'], 2).max()).toBe('zoo');
  });

  it('reject on an empty RDD like reduce', async () => {
    await expect(fc.parallelize([] as number[]).max()).rejects.toThrow('Can not reduce() empty RDD');
  });
});

describe('countByKey, countByValue, collectAsMap', () => {
  it('countByKey returns a Map (doctest)', async () => {
    const rdd = fc.parallelize(pairs([['a', 1], ['b', 1], ['a', 1]]));
    const counts = await rdd.countByKey();
    expect(counts).toBeInstanceOf(Map);
    expect(counts).toEqual(new Map([['a', 2], ['b', 1]]));
  });

  it('countByValue returns a Map (doctest)', async () => {
    const counts = await fc.parallelize([1, 2, 1, 2, 2], 2).countByValue();
    expect(counts).toBeInstanceOf(Map);
    expect(counts).toEqual(new Map([[1, 2], [2, 3]]));
  });

  it('countByValue agrees with a sequential count', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${(i * i) % 17}`);
    const expected = new Map<string, number>();
    for (const w of words) expected.set(w, (expected.get(w) ?? 0) + 1);
    expect(await fc.parallelize(words, 4).countByValue()).toEqual(expected);
  });

  it('collectAsMap returns a Map (doctest)', async () => {
    const m = await fc.parallelize(pairs([[1, 2], [3, 4]])).collectAsMap();
    expect(m).toBeInstanceOf(Map);
    expect(m.get(1)).toBe(2);
    expect(m.get(3)).toBe(4);
    expect(m.size).toBe(2);
  });

  it('collectAsMap keeps the last value of a repeated key, like dict(collect())', async () => {
    const m = await fc.parallelize(pairs([['k', 1], ['j', 2], ['k', 3]]), 2).collectAsMap();
    expect(m).toEqual(new Map([['k', 3], ['j', 2]]));
  });
});

describe('lookup', () => {
  const l = Array.from({ length: 1000 }, (_, i) => i);

  it('finds the values of a key, with and without a partitioner (doctest)', async () => {
    const rdd = fc.parallelize(l.map((i) => [i, i] as [number, number]), 10);
    expect(await rdd.lookup(42)).toEqual([42]);
    const sortedRdd = rdd.sortByKey();
    expect(await sortedRdd.lookup(42)).toEqual([42]);
    expect(await sortedRdd.lookup(1024)).toEqual([]);
  });

  it('matches tuple keys by value (doctest)', async () => {
    const rdd2 = fc.parallelize(pairs<[string, string], string>([[['a', 'b'], 'c']])).groupByKey();
    const found = await rdd2.lookup(['a', 'b']);
    expect(found).toHaveLength(1);
    expect([...found[0]]).toEqual(['c']);
  });

  it('returns every value of a repeated key', async () => {
    const rdd = fc.parallelize(pairs([[1, 'a'], [2, 'b'], [1, 'c'], [3, 'd'], [1, 'e']]), 3);
    expect(await rdd.lookup(1)).toEqual(['a', 'c', 'e']);
    expect(await rdd.partitionBy(2).lookup(1)).toEqual(['a', 'c', 'e']);
  });
});

describe('isEmpty', () => {
  it('is true only without elements (doctest)', async () => {
    expect(await fc.parallelize([] as number[]).isEmpty()).toBe(true);
    expect(await fc.parallelize([1]).isEmpty()).toBe(false);
    expect(await fc.parallelize([1, 2, 3], 3).filter((x) => x > 5).isEmpty()).toBe(true);
  });
});

describe('foreach and foreachPartition', () => {
  it('foreach runs the function on every element (doctest, observed through an accumulator)', async () => {
    const acc = fc.accumulator(0);
    const result = fc.parallelize([1, 2, 3, 4, 5]).foreach(
      capture({ acc }, (x, { acc }) => {
        acc.add(x);
      }),
    );
    await expect(result).resolves.toBeUndefined();
    expect(acc.value).toBe(15);
  });

  it('foreachPartition runs once per partition with that partition\'s elements', async () => {
    const partitions = fc.accumulator(0);
    const elements = fc.accumulator(0);
    await fc.parallelize([1, 2, 3, 4, 5], 3).foreachPartition(
      capture({ partitions, elements }, (it, { partitions, elements }) => {
        partitions.add(1);
        for (const x of it) elements.add(x);
      }),
    );
    expect(partitions.value).toBe(3);
    expect(elements.value).toBe(15);
  });
});

describe('toLocalIterator', () => {
  it('yields every element in order (doctest)', async () => {
    const out: number[] = [];
    for await (const x of fc.range(10).toLocalIterator()) out.push(x);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('yields every element after a repartition into many partitions (test_rdd.py)', async () => {
    const out: number[] = [];
    for await (const x of fc.parallelize([1, 2, 3]).repartition(20).toLocalIterator()) out.push(x);
    expect(out.sort()).toEqual([1, 2, 3]);
  });

  it('crosses empty partitions and shuffles', async () => {
    const out: [string, number][] = [];
    const rdd = fc
      .parallelize(['b', 'a', 'b', 'c'], 5)
      .map((w) => [w, 1] as [string, number])
      .reduceByKey(add, 3)
      .sortByKey();
    for await (const x of rdd.toLocalIterator()) out.push(x);
    expect(out).toEqual([['a', 1], ['b', 2], ['c', 1]]);
  });
});
