import { describe, expect, it } from 'vitest';
import { CacheTracker } from '../src/scheduler/block-locations.js';

describe('the cache tracker', () => {
  it('adds executors that kept a copy as holders, so losing the first holder loses nothing', () => {
    const cache = new CacheTracker();
    cache.register(3, 0, 'a', 100);
    cache.register(3, 1, 'a', 120);
    cache.addCopy(3, 0, 'b');
    cache.addCopy(3, 0, 'b');
    expect(cache.locations(3, 0)).toEqual(['a', 'b']);
    expect(cache.report()).toEqual([
      {
        rddId: 3,
        partitionsCached: 2,
        bytes: 220,
        executors: { a: 2, b: 1 },
        partitions: [
          { split: 0, bytes: 100, executors: ['a', 'b'] },
          { split: 1, bytes: 120, executors: ['a'] },
        ],
      },
    ]);
    expect(cache.forgetExecutor('a')).toBe(1);
    expect(cache.locations(3, 0)).toEqual(['b']);
    expect(cache.location(3, 1)).toBeUndefined();
  });

  it('ignores a copy of a partition it no longer tracks', () => {
    const cache = new CacheTracker();
    cache.addCopy(4, 0, 'b');
    expect(cache.locations(4, 0)).toEqual([]);
  });
});
