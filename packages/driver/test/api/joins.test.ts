// PySpark doctest semantics for join, leftOuterJoin, rightOuterJoin, fullOuterJoin, cogroup and
// groupWith (outer sides are null, cogroup values are [vs1[], vs2[]]).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairs, sorted } from './python-order.js';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-joins' });
});

afterAll(async () => {
  await fc.stop();
});

/** Sequential reference joins over arrays of pairs. */
function refJoin<K, V, W>(xs: [K, V][], ys: [K, W][], outer: 'inner' | 'left' | 'right' | 'full') {
  const out: [K, [V | null, W | null]][] = [];
  const key = (k: K) => JSON.stringify(k);
  for (const [k, v] of xs) {
    const matches = ys.filter(([k2]) => key(k2) === key(k));
    if (matches.length === 0 && (outer === 'left' || outer === 'full')) out.push([k, [v, null]]);
    for (const [, w] of matches) out.push([k, [v, w]]);
  }
  if (outer === 'right' || outer === 'full') {
    for (const [k, w] of ys) {
      if (!xs.some(([k1]) => key(k1) === key(k))) out.push([k, [null, w]]);
    }
  }
  return sorted(out);
}

describe('join', () => {
  it('pairs every matching value (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2], ['a', 3]]));
    expect(sorted(await x.join(y).collect())).toEqual([['a', [1, 2]], ['a', [1, 3]]]);
  });

  it('gives the per-key cross product when both sides repeat a key', async () => {
    const xs = pairs([['k', 1], ['k', 2], ['j', 3], ['only-x', 4]]);
    const ys = pairs([['k', 'a'], ['k', 'b'], ['j', 'c'], ['only-y', 'd']]);
    const out = await fc.parallelize(xs, 2).join(fc.parallelize(ys, 3)).collect();
    expect(sorted(out)).toEqual(refJoin(xs, ys, 'inner'));
    expect(out).toHaveLength(5);
  });

  it('honours numPartitions', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2]]));
    const joined = x.join(y, 5);
    expect(joined.getNumPartitions()).toBe(5);
    expect(await joined.collect()).toEqual([['a', [1, 2]]]);
  });

  it('matches integer and tuple keys by value', async () => {
    const xs = pairs<[number, string], number>([[[1, 'a'], 10], [[2, 'b'], 20]]);
    const ys = pairs<[number, string], string>([[[1, 'a'], 'x'], [[2, 'c'], 'y']]);
    expect(await fc.parallelize(xs, 2).join(fc.parallelize(ys, 2)).collect()).toEqual([[[1, 'a'], [10, 'x']]]);
  });

  it('of disjoint keys is empty', async () => {
    const x = fc.parallelize(pairs([[1, 1]]));
    const y = fc.parallelize(pairs([[2, 2]]));
    expect(await x.join(y).collect()).toEqual([]);
  });
});

describe('leftOuterJoin', () => {
  it('uses null for a missing right side (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2]]));
    expect(sorted(await x.leftOuterJoin(y).collect())).toEqual([['a', [1, 2]], ['b', [4, null]]]);
  });

  it('agrees with a sequential reference', async () => {
    const xs = pairs(Array.from({ length: 30 }, (_, i) => [i % 7, i] as [number, number]));
    const ys = pairs(Array.from({ length: 10 }, (_, i) => [i % 5, `w${i}`] as [number, string]));
    const out = await fc.parallelize(xs, 3).leftOuterJoin(fc.parallelize(ys, 2), 4).collect();
    expect(sorted(out)).toEqual(refJoin(xs, ys, 'left'));
  });
});

describe('rightOuterJoin', () => {
  it('uses null for a missing left side (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2]]));
    expect(sorted(await y.rightOuterJoin(x).collect())).toEqual([['a', [2, 1]], ['b', [null, 4]]]);
  });

  it('agrees with a sequential reference', async () => {
    const xs = pairs(Array.from({ length: 10 }, (_, i) => [i % 5, `v${i}`] as [number, string]));
    const ys = pairs(Array.from({ length: 30 }, (_, i) => [i % 7, i] as [number, number]));
    const out = await fc.parallelize(xs, 2).rightOuterJoin(fc.parallelize(ys, 3)).collect();
    expect(sorted(out)).toEqual(refJoin(xs, ys, 'right'));
  });
});

describe('fullOuterJoin', () => {
  it('uses null on whichever side is missing (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2], ['c', 8]]));
    expect(sorted(await x.fullOuterJoin(y).collect())).toEqual([
      ['a', [1, 2]],
      ['b', [4, null]],
      ['c', [null, 8]],
    ]);
  });

  it('agrees with a sequential reference', async () => {
    const xs = pairs(Array.from({ length: 12 }, (_, i) => [`k${i % 6}`, i] as [string, number]));
    const ys = pairs(Array.from({ length: 12 }, (_, i) => [`k${(i % 4) + 3}`, -i - 1] as [string, number]));
    const out = await fc.parallelize(xs, 3).fullOuterJoin(fc.parallelize(ys, 2), 3).collect();
    expect(sorted(out)).toEqual(refJoin(xs, ys, 'full'));
  });
});

describe('cogroup', () => {
  it('groups both sides per key, [] for a missing side (doctest)', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2]]));
    expect(sorted(await x.cogroup(y).collect())).toEqual([
      ['a', [[1], [2]]],
      ['b', [[4], []]],
    ]);
  });

  it('cogroups a keyBy result with zipped pairs (keyBy doctest)', async () => {
    const x = fc.parallelize([0, 1, 2]).keyBy((v) => v * v);
    const y = fc.parallelize(pairs([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]));
    expect(sorted(await x.cogroup(y).collect())).toEqual([
      [0, [[0], [0]]],
      [1, [[1], [1]]],
      [2, [[], [2]]],
      [3, [[], [3]]],
      [4, [[2], [4]]],
    ]);
  });

  it('keeps every value of repeated keys, in map-partition order', async () => {
    const x = fc.parallelize(pairs([['k', 1], ['k', 2], ['k', 3], ['k', 4]]), 4);
    const y = fc.parallelize(pairs([['k', 'a'], ['k', 'b']]), 2);
    expect(await x.cogroup(y, 1).collect()).toEqual([['k', [[1, 2, 3, 4], ['a', 'b']]]]);
  });
});

describe('groupWith', () => {
  it('cogroups several RDDs (doctest)', async () => {
    const w = fc.parallelize(pairs([['a', 5], ['b', 6]]));
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2]]));
    const z = fc.parallelize(pairs([['b', 42]]));
    expect(sorted(await w.groupWith(x, y, z).collect())).toEqual([
      ['a', [[5], [1], [2], []]],
      ['b', [[6], [4], [], [42]]],
    ]);
  });

  it('with one other RDD is cogroup', async () => {
    const x = fc.parallelize(pairs([['a', 1], ['b', 4]]));
    const y = fc.parallelize(pairs([['a', 2]]));
    expect(sorted(await x.groupWith(y).collect())).toEqual(sorted(await x.cogroup(y).collect()));
  });
});
