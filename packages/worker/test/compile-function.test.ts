import { describe, expect, it } from 'vitest';
import { FnRef, registerRuntime } from '@flint/rdd';
import { LruCache } from '../src/thread/lru-cache.js';
import { compileFunction, MAX_COMPILED_FUNCTIONS } from '../src/thread/compile-function.js';

describe('LruCache', () => {
  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow('LruCache: capacity must be a positive integer, got 0');
  });
});

describe('compileFunction', () => {
  const ref = (i: number) => new FnRef(`((x) => x + ${i})`, undefined, `map at job.ts:${i}:1`);

  it('compiles a source once while it stays among the most recently used', () => {
    const first = compileFunction(ref(0));
    expect(first(1)).toBe(1);
    for (let i = 1; i < MAX_COMPILED_FUNCTIONS; i++) compileFunction(ref(i));
    expect(compileFunction(ref(0))).toBe(first);
  });

  it('forgets the least recently used source once more than the cap were compiled', () => {
    const first = compileFunction(ref(-1));
    for (let i = 1; i <= MAX_COMPILED_FUNCTIONS; i++) compileFunction(ref(10_000 + i));
    const again = compileFunction(ref(-1));
    expect(again).not.toBe(first);
    expect(again(1)).toBe(0);
  });

  it('resolves generated code and namespaced runtime functions', () => {
    const kernels = registerRuntime('compileTest', { scale: (x: number, env: { by: number }) => x * env.by });
    expect(compileFunction(kernels.ref('scale', { by: 3 }))(5)).toBe(15);
    expect(compileFunction(FnRef.fromSource('(x, env) => x - env.d', { d: 1 }))(5)).toBe(4);
    expect(compileFunction(new FnRef('runtime:pairValue', undefined, 'test'))(['k', 'v'])).toBe('v');
  });
});
