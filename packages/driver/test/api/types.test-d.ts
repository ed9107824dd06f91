// Type-level tests: generics flow through the fluent chain, pair methods exist only on RDDs of
// pairs. Never executed; types.test.ts type-checks this file with the TypeScript compiler.
// expectTypeOf is a local stand-in for vitest's, which keeps vitest's large type graph out of the compile.
import { FlintContext, StorageLevel, capture, type RDD } from '@flint/driver';

/** True when A and B are the same type (not just mutually assignable). */
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** toEqualTypeOf<U>() needs one argument, and so fails to compile, unless T and U are the same type. */
function expectTypeOf<T>(_value: T) {
  return {
    toEqualTypeOf<U>(..._proof: Equal<T, U> extends true ? [] : [`expected the same type`]): void {},
    toMatchTypeOf<U>(..._proof: T extends U ? [] : [`expected a subtype`]): void {},
  };
}

export function typeChecks(fc: FlintContext): void {
  const nums = fc.parallelize([1, 2]);
  expectTypeOf(nums).toEqualTypeOf<RDD<number>>();
  expectTypeOf(fc.range(10)).toEqualTypeOf<RDD<number>>();
  expectTypeOf(fc.textFile('x.txt')).toEqualTypeOf<RDD<string>>();

  // The brief's example: map to pairs, then reduceByKey keeps [string, number].
  const counts = nums.map((x) => [String(x), x] as [string, number]).reduceByKey((a, b) => a + b);
  expectTypeOf(counts).toEqualTypeOf<RDD<[string, number]>>();

  // Narrow transformations.
  expectTypeOf(nums.map(String)).toEqualTypeOf<RDD<string>>();
  expectTypeOf(nums.filter((x) => x > 1)).toEqualTypeOf<RDD<number>>();
  expectTypeOf(nums.flatMap((x) => [String(x), 'y'])).toEqualTypeOf<RDD<string>>();
  expectTypeOf(nums.glom()).toEqualTypeOf<RDD<number[]>>();
  expectTypeOf(nums.keyBy((x) => `${x}`)).toEqualTypeOf<RDD<[string, number]>>();
  expectTypeOf(nums.zip(fc.parallelize(['a', 'b']))).toEqualTypeOf<RDD<[number, string]>>();
  expectTypeOf(nums.zipWithIndex()).toEqualTypeOf<RDD<[number, number]>>();
  expectTypeOf(nums.cartesian(fc.parallelize([true]))).toEqualTypeOf<RDD<[number, boolean]>>();
  expectTypeOf(nums.mapPartitionsWithIndex((i, it) => [...it].map((x) => x + i))).toEqualTypeOf<RDD<number>>();
  expectTypeOf(nums.pipe('cat')).toEqualTypeOf<RDD<string>>();
  expectTypeOf(nums.randomSplit([1, 1], 1)).toEqualTypeOf<RDD<number>[]>();
  expectTypeOf(nums.map(capture({ k: 2 }, (x, { k }) => x * k))).toEqualTypeOf<RDD<number>>();
  expectTypeOf(nums.groupBy((x) => x % 2)).toEqualTypeOf<RDD<[number, number[]]>>();
  expectTypeOf(nums.persist(StorageLevel.DISK_ONLY)).toEqualTypeOf<RDD<number>>();

  // Pair transformations.
  const other = fc.parallelize([['a', true] as [string, boolean]]);
  expectTypeOf(counts.keys()).toEqualTypeOf<RDD<string>>();
  expectTypeOf(counts.values()).toEqualTypeOf<RDD<number>>();
  expectTypeOf(counts.mapValues((v) => v > 1)).toEqualTypeOf<RDD<[string, boolean]>>();
  expectTypeOf(counts.flatMapValues((v) => [v, v])).toEqualTypeOf<RDD<[string, number]>>();
  expectTypeOf(counts.groupByKey()).toEqualTypeOf<RDD<[string, number[]]>>();
  expectTypeOf(counts.aggregateByKey('', (acc, v) => acc + v, (a, b) => a + b)).toEqualTypeOf<RDD<[string, string]>>();
  expectTypeOf(counts.join(other)).toEqualTypeOf<RDD<[string, [number, boolean]]>>();
  expectTypeOf(counts.leftOuterJoin(other)).toEqualTypeOf<RDD<[string, [number, boolean | null]]>>();
  expectTypeOf(counts.rightOuterJoin(other)).toEqualTypeOf<RDD<[string, [number | null, boolean]]>>();
  expectTypeOf(counts.fullOuterJoin(other)).toEqualTypeOf<RDD<[string, [number | null, boolean | null]]>>();
  expectTypeOf(counts.cogroup(other)).toEqualTypeOf<RDD<[string, [number[], boolean[]]]>>();
  expectTypeOf(counts.sortByKey(false)).toEqualTypeOf<RDD<[string, number]>>();
  expectTypeOf(counts.partitionBy(3)).toEqualTypeOf<RDD<[string, number]>>();
  expectTypeOf(counts.subtractByKey(other)).toEqualTypeOf<RDD<[string, number]>>();

  // Actions.
  expectTypeOf(nums.collect()).toEqualTypeOf<Promise<number[]>>();
  expectTypeOf(nums.count()).toEqualTypeOf<Promise<number>>();
  expectTypeOf(nums.first()).toEqualTypeOf<Promise<number>>();
  expectTypeOf(nums.take(1)).toEqualTypeOf<Promise<number[]>>();
  expectTypeOf(nums.reduce((a, b) => a + b)).toEqualTypeOf<Promise<number>>();
  expectTypeOf(nums.aggregate('', (acc, x) => acc + x, (a, b) => a + b)).toEqualTypeOf<Promise<string>>();
  expectTypeOf(nums.countByValue()).toEqualTypeOf<Promise<Map<number, number>>>();
  expectTypeOf(nums.histogram(2)).toEqualTypeOf<Promise<[number[], number[]]>>();
  expectTypeOf(nums.foreach(() => undefined)).toEqualTypeOf<Promise<void>>();
  expectTypeOf(nums.saveAsTextFile('/tmp/x')).toEqualTypeOf<Promise<void>>();
  expectTypeOf(nums.toLocalIterator()).toMatchTypeOf<AsyncIterable<number>>();
  expectTypeOf(nums.getNumPartitions()).toEqualTypeOf<number>();
  expectTypeOf(counts.collectAsMap()).toEqualTypeOf<Promise<Map<string, number>>>();
  expectTypeOf(counts.countByKey()).toEqualTypeOf<Promise<Map<string, number>>>();
  expectTypeOf(counts.lookup('a')).toEqualTypeOf<Promise<number[]>>();
  expectTypeOf(nums.isCached).toEqualTypeOf<boolean>();
  expectTypeOf(nums.isCheckpointed).toEqualTypeOf<boolean>();
  expectTypeOf(fc.broadcast({ a: 1 }).value).toEqualTypeOf<{ a: number }>();
  expectTypeOf(fc.accumulator(0).value).toEqualTypeOf<number>();

  // Pair methods are not callable on an RDD that does not hold pairs.
  // @ts-expect-error reduceByKey needs RDD<[K, V]>
  nums.reduceByKey((a: number, b: number) => a + b);
  // @ts-expect-error join needs RDD<[K, V]>
  nums.join(other);
  // @ts-expect-error collectAsMap needs RDD<[K, V]>
  void nums.collectAsMap();
  // @ts-expect-error sortByKey needs RDD<[K, V]>
  fc.parallelize(['a', 'b']).sortByKey();
  // @ts-expect-error mapValues needs RDD<[K, V]>
  fc.parallelize(['a', 'b']).mapValues((v: string) => v);
  // @ts-expect-error a function must match the element type
  nums.map((s: string) => s.length);
}
