/**
 * Block names, as in Spark's BlockId, built and parsed here only. An executor's block manager (and
 * a task thread's decoded copies) keep each block under its driver application: `<appId>_rdd_3_0`.
 * App ids have no underscore (FlintContext makes them of letters, digits and dashes).
 */
export const blockKeys = {
  cached: (rddId: number, split: number) => `rdd_${rddId}_${split}`,
  slice: (rddId: number, split: number) => `slice_${rddId}_${split}`,
  shuffleInput: (shuffleId: number, reducePartition: number) => `shuffle_${shuffleId}_in_${reducePartition}`,
  shuffleBucket: (shuffleId: number, mapPartition: number, reducePartition: number) => `shuffle_${shuffleId}_${mapPartition}_${reducePartition}`,
  /** What the keys of an RDD's cached partitions (of every RDD, without an id) start with. */
  cachedPrefix: (rddId?: number) => (rddId === undefined ? 'rdd_' : `rdd_${rddId}_`),
  /** What the keys of a shuffle's buckets start with. */
  shufflePrefix: (shuffleId: number) => `shuffle_${shuffleId}_`,
  /** A block's key in the block manager: the application's id, then the block's name. */
  inApp: (appId: string, key: string) => `${appId}_${key}`,
};

/** Every key a block manager may hold: an app id, then a block name (nothing that could name a path). */
const BLOCK_KEY = /^[A-Za-z0-9-]+_(?:rdd_\d+_\d+|slice_\d+_\d+|shuffle_\d+_in_\d+|shuffle_\d+_\d+_\d+)$/;

export function isBlockKey(key: string): boolean {
  return key.length <= 255 && BLOCK_KEY.test(key);
}

/** A block manager's key split into its application and the block's name (app ids have no underscore). */
export function parseInApp(key: string): { appId: string; block: string } {
  const at = key.indexOf('_');
  return { appId: key.slice(0, at), block: key.slice(at + 1) };
}

const CACHED = /(?:^|_)rdd_(\d+)_(\d+)$/;

/** The RDD and split of a cached partition's key, with or without its app prefix; undefined for other blocks. */
export function parseCachedKey(key: string): { rddId: number; split: number } | undefined {
  const match = CACHED.exec(key);
  return match ? { rddId: Number(match[1]), split: Number(match[2]) } : undefined;
}

/** The key without its split (`<app>_rdd_3_0` → `<app>_rdd_3`), which all partitions of the RDD share; undefined for other blocks. */
export function cachedRddKey(key: string): string | undefined {
  return parseCachedKey(key) ? key.slice(0, key.lastIndexOf('_')) : undefined;
}
