/**
 * RDD<T>: a lazy, immutable, partitioned collection, described by its lineage. Transformations
 * return new RDDs synchronously; actions run a job and return a Promise. Pair methods take
 * `this: RDD<[K, V]>`, so they type-check only where the elements are pairs.
 *
 * Each method is a thin entry point; the work lives in `ops/`, one theme per file.
 */
import type { RddContext, StoredPartitions } from './context.js';
import type { PlanNode } from './plan/plan-node.js';
import type { Partitioner } from './partitioner/partitioner.js';
import { StorageLevel } from './storage-level.js';
import { ResourceProfile } from './resource-profile.js';
import { lineage } from './plan/lineage.js';
import type { Dependency } from './plan/node-properties.js';
import { nodeNumPartitions, nodePartitioner } from './plan/node-properties.js';
import { toDebugString } from './plan/debug-string.js';
import * as narrow from './ops/narrow.js';
import * as sampling from './ops/sampling.js';
import * as shuffle from './ops/shuffle.js';
import * as joins from './ops/joins.js';
import * as actions from './ops/actions.js';
import * as aggregates from './ops/aggregates.js';
import * as numeric from './ops/numeric.js';
import * as byKeySampling from './ops/by-key-sampling.js';
import * as approximate from './ops/approximate.js';
import { outputFromConf, refuseConverters, saveAsHadoop, type HadoopConf } from './ops/hadoop-output.js';
import type { StatCounter } from './runtime/stat-counter.js';
import { RDDBarrier } from './rdd-barrier.js';
import { isBarrier } from './plan/barrier.js';
import { userCallSiteShort } from './fn/call-site.js';

type Fn<A extends unknown[], R> = (...args: A) => R;
type Pair<K, V> = [K, V];
/** What a partition function may return: any iterable, an async one, or a promise of one. */
export type Iter<T> = Iterable<T> | AsyncIterable<T> | Promise<Iterable<T>>;

export class RDD<T> {
  private readonly rddId: number;
  private rddName: string | undefined;
  private level: StorageLevel = StorageLevel.NONE;
  private checkpointRequested = false;
  private localCheckpointRequested = false;
  private locallyCheckpointed = false;
  private stored: StoredPartitions | undefined;
  private resourceProfile: ResourceProfile | null = null;
  /**
   * @internal A shuffle's: the Flint method the user's code called to make it, and where
   * (`reduceByKey at job.ts:4:21`), which names its map stage. Only shuffles keep one: finding
   * it walks the stack, tens of microseconds that every RDD would pay.
   */
  readonly creationSite: string | undefined;

  constructor(
    readonly context: RddContext,
    private currentNode: PlanNode,
  ) {
    this.rddId = context.newRddId();
    this.creationSite = currentNode.kind === 'shuffled' ? userCallSiteShort() : undefined;
  }

  /** A unique id for this RDD within its context (PySpark's `rdd.id()`). */
  id(): number {
    return this.rddId;
  }

  /** What this RDD is, as data; replaced (never changed) by a pre-job step, see plan/prepare.ts. */
  get node(): PlanNode {
    return this.currentNode;
  }

  /** @internal Points this RDD at the node a pre-job step returned, of the same kind. */
  replaceNode(node: PlanNode): void {
    if (node.kind !== this.currentNode.kind) throw new Error(`A pre-job step turned RDD ${this.id} from ${this.currentNode.kind} into ${node.kind}`);
    this.currentNode = node;
  }

  /** @internal A new RDD in the same context. */
  derive<U>(node: PlanNode): RDD<U> {
    return new RDD<U>(this.context, node);
  }

  // ---- properties -------------------------------------------------------------------------

  getNumPartitions(): number {
    return nodeNumPartitions(this.node);
  }
  get partitioner(): Partitioner | undefined {
    return nodePartitioner(this.node);
  }
  get storageLevel(): StorageLevel {
    return this.level;
  }
  get isCached(): boolean {
    return this.level !== StorageLevel.NONE;
  }
  /** Whether the RDD is checkpointed and materialized, reliably (checkpoint) or locally (localCheckpoint). */
  get isCheckpointed(): boolean {
    return this.stored?.reason === 'checkpoint' || this.locallyCheckpointed;
  }
  /** The directory this RDD was checkpointed to, once it was; null before, and for local checkpoints. */
  getCheckpointFile(): string | null {
    return this.stored?.reason === 'checkpoint' ? this.stored.dir : null;
  }
  isLocallyCheckpointed(): boolean {
    return this.localCheckpointRequested;
  }
  getStorageLevel(): StorageLevel {
    return this.level;
  }
  /** The ResourceProfile given to withResources, else null. */
  getResourceProfile(): ResourceProfile | null {
    return this.resourceProfile;
  }
  /** Gives the stage that computes this RDD a ResourceProfile (PySpark's withResources): its task cpus are scheduled by (resource-profile.ts). Returns the RDD. */
  withResources(profile: ResourceProfile): this {
    if (!(profile instanceof ResourceProfile)) throw new TypeError(`withResources expects a ResourceProfile, got ${profile === null ? 'null' : typeof profile}`);
    this.resourceProfile = profile;
    return this;
  }
  /**
   * Removes the map outputs of this RDD's shuffles and of its non-persisted ancestors' (PySpark's
   * cleanShuffleDependencies): a later job over the RDD computes those shuffles again. `blocking`
   * is accepted for PySpark's signature; the outputs are dropped before this returns.
   */
  cleanShuffleDependencies(_blocking = false): void {
    const throughUnpersisted = (dependency: Dependency): boolean => dependency.rdd.getStorageLevel() === StorageLevel.NONE;
    for (const ancestor of lineage(this, throughUnpersisted)) {
      if (ancestor.node.kind === 'shuffled') this.context.cleanShuffle(ancestor.node.shuffleId);
    }
  }
  /** @internal Where this RDD's partitions were saved, once they were: its lineage is cut there. */
  get storedPartitions(): StoredPartitions | undefined {
    return this.stored;
  }
  /** @internal Whether `checkpoint()` was called and the data is not written yet. */
  get needsCheckpoint(): boolean {
    return this.checkpointRequested && this.stored === undefined;
  }
  name(): string | null {
    return this.rddName ?? null;
  }
  setName(name: string): this {
    this.rddName = name;
    return this;
  }
  toDebugString(): string {
    return toDebugString(this);
  }

  // ---- persistence ------------------------------------------------------------------------

  cache(): this {
    return this.persist(StorageLevel.MEMORY_ONLY);
  }
  /** Keeps computed partitions for later jobs; no effect in mapreduce mode, which keeps nothing between jobs. */
  persist(level: StorageLevel = StorageLevel.MEMORY_ONLY): this {
    if (this.context.mode === 'mapreduce') {
      this.context.log('cache()/persist() have no effect in mapreduce mode: every job reads its input from storage');
      return this;
    }
    if (this.level !== StorageLevel.NONE && this.level !== level) {
      throw new Error(`Cannot change the storage level of RDD ${this.rddId} from ${this.level.name} to ${level.name}`);
    }
    this.level = level;
    return this;
  }
  unpersist(): this {
    this.level = StorageLevel.NONE;
    this.context.unpersist(this);
    return this;
  }
  /** Marks the RDD to be saved under the context's checkpoint directory by the next job that computes it. */
  checkpoint(): void {
    if (this.context.checkpointDir === undefined) {
      throw new Error('Checkpoint directory has not been set in the FlintContext: call fc.setCheckpointDir(dir) first');
    }
    this.checkpointRequested = true;
  }
  /**
   * Spark's localCheckpoint: keeps the computed partitions in the executors' block managers
   * (MEMORY_AND_DISK, or the level already set plus disk) instead of reliable storage. Flint keeps
   * the lineage behind it, so a lost partition is recomputed rather than failing the job.
   */
  localCheckpoint(): void {
    if (this.level === StorageLevel.NONE) this.persist(StorageLevel.MEMORY_AND_DISK);
    else if (!this.level.useDisk) this.level = this.level.replication === 2 ? StorageLevel.MEMORY_AND_DISK_2 : StorageLevel.MEMORY_AND_DISK;
    this.localCheckpointRequested = true;
  }
  /** @internal Called by the driver after a job that computed (and so kept) a locally checkpointed RDD. */
  markLocallyCheckpointed(): void {
    if (this.localCheckpointRequested) this.locallyCheckpointed = true;
  }
  /** @internal Called by the driver once the partitions are saved: the lineage is cut here. */
  markStored(stored: StoredPartitions): void {
    this.stored = stored;
  }

  // ---- narrow transformations -------------------------------------------------------------

  map<U>(f: Fn<[T], U>, preservesPartitioning = false): RDD<U> {
    return narrow.element(this, 'map', f, preservesPartitioning);
  }
  flatMap<U>(f: Fn<[T], Iterable<U>>, preservesPartitioning = false): RDD<U> {
    return narrow.element(this, 'flatMap', f, preservesPartitioning);
  }
  filter(f: Fn<[T], unknown>): RDD<T> {
    return narrow.element(this, 'filter', f);
  }
  mapPartitions<U>(f: Fn<[Iterable<T>], Iter<U>>, preservesPartitioning = false): RDD<U> {
    return narrow.mapPartitions(this, f, false, preservesPartitioning);
  }
  mapPartitionsWithIndex<U>(f: Fn<[number, Iterable<T>], Iter<U>>, preservesPartitioning = false): RDD<U> {
    return narrow.mapPartitions(this, f, true, preservesPartitioning);
  }
  /** @deprecated PySpark's old name for mapPartitionsWithIndex. */
  mapPartitionsWithSplit<U>(f: Fn<[number, Iterable<T>], Iter<U>>, preservesPartitioning = false): RDD<U> {
    this.context.log('mapPartitionsWithSplit is deprecated; use mapPartitionsWithIndex instead');
    return narrow.mapPartitions(this, f, true, preservesPartitioning);
  }
  glom(): RDD<T[]> {
    return narrow.glom(this);
  }
  keyBy<K>(f: Fn<[T], K>): RDD<Pair<K, T>> {
    return narrow.element(this, 'keyBy', f);
  }
  keys<K, V>(this: RDD<Pair<K, V>>): RDD<K> {
    return narrow.keys(this);
  }
  values<K, V>(this: RDD<Pair<K, V>>): RDD<V> {
    return narrow.values(this);
  }
  mapValues<K, V, U>(this: RDD<Pair<K, V>>, f: Fn<[V], U>): RDD<Pair<K, U>> {
    return narrow.element(this, 'mapValues', f);
  }
  flatMapValues<K, V, U>(this: RDD<Pair<K, V>>, f: Fn<[V], Iterable<U>>): RDD<Pair<K, U>> {
    return narrow.element(this, 'flatMapValues', f);
  }
  union<U>(other: RDD<U>): RDD<T | U> {
    return narrow.union<T | U>([this, other]);
  }
  coalesce(numPartitions: number, shuffle = false): RDD<T> {
    return shuffle ? this.repartition(numPartitions) : narrow.coalesce(this, numPartitions);
  }
  zip<U>(other: RDD<U>): RDD<Pair<T, U>> {
    return narrow.zip(this, other);
  }
  zipWithIndex(): RDD<Pair<T, number>> {
    return narrow.zipWithIndex(this);
  }
  zipWithUniqueId(): RDD<Pair<T, number>> {
    return narrow.zipWithUniqueId(this);
  }
  cartesian<U>(other: RDD<U>): RDD<Pair<T, U>> {
    return narrow.cartesian(this, other);
  }
  /** Pipes each partition's elements, one per line, through a shell command; its output lines are the result. */
  pipe(command: string, env: Record<string, string> = {}, checkCode = false): RDD<string> {
    return narrow.pipe(this, command, env, checkCode);
  }
  sample(withReplacement: boolean, fraction: number, seed?: number): RDD<T> {
    return sampling.sample(this, withReplacement, fraction, seed);
  }
  /** Marks the stage of the next mapPartitions as a barrier stage: its tasks start together and may wait for each other. */
  barrier(): RDDBarrier<T> {
    return new RDDBarrier(this);
  }
  /** Whether this RDD is computed in a barrier stage (PySpark's `_is_barrier`). */
  isBarrier(): boolean {
    return isBarrier(this);
  }
  randomSplit(weights: number[], seed?: number): RDD<T>[] {
    return sampling.randomSplit(this, weights, seed);
  }
  /** Keeps each pair with its key's rate from `fractions` (a Map of key to rate). */
  sampleByKey<K, V>(this: RDD<Pair<K, V>>, withReplacement: boolean, fractions: byKeySampling.Fractions<K>, seed?: number): RDD<Pair<K, V>> {
    return byKeySampling.sampleByKey(this, withReplacement, fractions, seed);
  }
  /** Exactly ceil(count * rate) pairs per key (Spark's sampleByKeyExact; one shuffle). */
  sampleByKeyExact<K, V>(this: RDD<Pair<K, V>>, withReplacement: boolean, fractions: byKeySampling.Fractions<K>, seed?: number): RDD<Pair<K, V>> {
    return byKeySampling.sampleByKeyExact(this, withReplacement, fractions, seed);
  }

  // ---- shuffle transformations ------------------------------------------------------------

  partitionBy<K, V>(this: RDD<Pair<K, V>>, numPartitions?: number, partitionFunc?: Fn<[K], number>): RDD<Pair<K, V>> {
    return shuffle.partitionBy(this, numPartitions, partitionFunc);
  }
  combineByKey<K, V, C>(
    this: RDD<Pair<K, V>>,
    createCombiner: Fn<[V], C>,
    mergeValue: Fn<[C, V], C>,
    mergeCombiners: Fn<[C, C], C>,
    numPartitions?: number,
    partitionFunc?: Fn<[K], number>,
  ): RDD<Pair<K, C>> {
    return shuffle.combineByKey(this, { createCombiner, mergeValue, mergeCombiners }, numPartitions, partitionFunc);
  }
  reduceByKey<K, V>(this: RDD<Pair<K, V>>, func: Fn<[V, V], V>, numPartitions?: number, partitionFunc?: Fn<[K], number>): RDD<Pair<K, V>> {
    return shuffle.reduceByKey(this, func, numPartitions, partitionFunc);
  }
  groupByKey<K, V>(this: RDD<Pair<K, V>>, numPartitions?: number, partitionFunc?: Fn<[K], number>): RDD<Pair<K, V[]>> {
    return shuffle.groupByKey(this, numPartitions, partitionFunc);
  }
  aggregateByKey<K, V, U>(
    this: RDD<Pair<K, V>>,
    zeroValue: U,
    seqFunc: Fn<[U, V], U>,
    combFunc: Fn<[U, U], U>,
    numPartitions?: number,
    partitionFunc?: Fn<[K], number>,
  ): RDD<Pair<K, U>> {
    return shuffle.aggregateByKey(this, zeroValue, seqFunc, combFunc, numPartitions, partitionFunc);
  }
  foldByKey<K, V>(this: RDD<Pair<K, V>>, zeroValue: V, func: Fn<[V, V], V>, numPartitions?: number, partitionFunc?: Fn<[K], number>): RDD<Pair<K, V>> {
    return shuffle.aggregateByKey(this, zeroValue, func, func, numPartitions, partitionFunc);
  }
  groupBy<K>(f: Fn<[T], K>, numPartitions?: number, partitionFunc?: Fn<[K], number>): RDD<Pair<K, T[]>> {
    return this.keyBy(f).groupByKey(numPartitions, partitionFunc);
  }
  distinct(numPartitions?: number): RDD<T> {
    return shuffle.distinct(this, numPartitions);
  }
  repartition(numPartitions: number): RDD<T> {
    return shuffle.repartition(this, numPartitions);
  }
  sortByKey<K, V>(this: RDD<Pair<K, V>>, ascending = true, numPartitions?: number, keyfunc?: Fn<[K], unknown>): RDD<Pair<K, V>> {
    return shuffle.sortByKey(this, ascending, numPartitions, keyfunc);
  }
  sortBy<K>(keyfunc: Fn<[T], K>, ascending = true, numPartitions?: number): RDD<T> {
    return shuffle.sortByKey(this.keyBy(keyfunc), ascending, numPartitions).values();
  }
  repartitionAndSortWithinPartitions<K, V>(
    this: RDD<Pair<K, V>>,
    numPartitions?: number,
    partitionFunc?: Fn<[K], number>,
    ascending = true,
    keyfunc?: Fn<[K], unknown>,
  ): RDD<Pair<K, V>> {
    return shuffle.repartitionAndSortWithinPartitions(this, numPartitions, partitionFunc, ascending, keyfunc);
  }
  intersection(other: RDD<T>): RDD<T> {
    return joins.intersection(this, other);
  }
  subtract(other: RDD<T>, numPartitions?: number): RDD<T> {
    return joins.subtract(this, other, numPartitions);
  }
  intersectByKey<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, V>> {
    return joins.intersectByKey(this, other, numPartitions);
  }
  subtractByKey<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, V>> {
    return joins.subtractByKey(this, other, numPartitions);
  }
  cogroup<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, [V[], W[]]>> {
    return joins.cogroup([this, other], numPartitions) as RDD<Pair<K, [V[], W[]]>>;
  }
  groupWith<K, V>(this: RDD<Pair<K, V>>, ...others: RDD<Pair<K, unknown>>[]): RDD<Pair<K, unknown[][]>> {
    return joins.cogroup([this, ...others]);
  }
  join<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, [V, W]>> {
    return joins.join(this, other, 'inner', numPartitions) as RDD<Pair<K, [V, W]>>;
  }
  leftOuterJoin<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, [V, W | null]>> {
    return joins.join(this, other, 'left', numPartitions) as RDD<Pair<K, [V, W | null]>>;
  }
  rightOuterJoin<K, V, W>(this: RDD<Pair<K, V>>, other: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, [V | null, W]>> {
    return joins.join(this, other, 'right', numPartitions) as RDD<Pair<K, [V | null, W]>>;
  }
  fullOuterJoin<K, V, W>(
    this: RDD<Pair<K, V>>,
    other: RDD<Pair<K, W>>,
    numPartitions?: number,
  ): RDD<Pair<K, [V | null, W | null]>> {
    return joins.join(this, other, 'full', numPartitions) as RDD<Pair<K, [V | null, W | null]>>;
  }

  // ---- actions ----------------------------------------------------------------------------

  collect(): Promise<T[]> {
    return actions.collect(this);
  }
  count(): Promise<number> {
    return actions.count(this);
  }
  first(): Promise<T> {
    return actions.first(this);
  }
  take(num: number): Promise<T[]> {
    return actions.take(this, num);
  }
  isEmpty(): Promise<boolean> {
    return actions.take(this, 1).then((items) => items.length === 0);
  }
  takeOrdered(num: number, key?: Fn<[T], unknown>): Promise<T[]> {
    return actions.takeOrdered(this, num, key, false);
  }
  top(num: number, key?: Fn<[T], unknown>): Promise<T[]> {
    return actions.takeOrdered(this, num, key, true);
  }
  takeSample(withReplacement: boolean, num: number, seed?: number): Promise<T[]> {
    return sampling.takeSample(this, withReplacement, num, seed);
  }
  foreach(f: Fn<[T], unknown>): Promise<void> {
    return actions.foreach(this, f);
  }
  foreachPartition(f: Fn<[Iterable<T>], unknown>): Promise<void> {
    return actions.foreachPartition(this, f);
  }
  toLocalIterator(prefetchPartitions = false): AsyncIterable<T> {
    return actions.toLocalIterator(this, prefetchPartitions);
  }
  /** Part files of `String(record)` lines; compressed with `'org.apache.hadoop.io.compress.GzipCodec'` (part-00000.gz). */
  saveAsTextFile(path: string, compressionCodecClass?: string): Promise<void> {
    return actions.saveAsTextFile(this, path, compressionCodecClass);
  }
  /**
   * Saves the records as Flint's object files (PySpark's name): part files of batches of
   * `batchSize` records (0: automatic) in Flint's codec, msgpack — not Python pickle. Read them back with `fc.pickleFile`.
   */
  saveAsPickleFile(path: string, batchSize = 10): Promise<void> {
    return actions.saveAsPickleFile(this, path, batchSize);
  }
  /** [key, value] records as Hadoop SequenceFiles, record-compressed with a codec if one is given. Read them back with `fc.sequenceFile`. */
  saveAsSequenceFile(path: string, compressionCodecClass?: string): Promise<void> {
    return saveAsHadoop(this, { path, outputFormatClass: 'org.apache.hadoop.mapred.SequenceFileOutputFormat', compressionCodecClass }, 'saveAsSequenceFile');
  }
  /** [key, value] records through a Hadoop output format: TextOutputFormat or SequenceFileOutputFormat (old or new API name). */
  saveAsHadoopFile(path: string, outputFormatClass: string, keyClass?: string, valueClass?: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf, compressionCodecClass?: string): Promise<void> {
    refuseConverters('saveAsHadoopFile', keyConverter, valueConverter);
    const compressionType = conf?.['mapreduce.output.fileoutputformat.compress.type'] ?? conf?.['mapred.output.compression.type'];
    return saveAsHadoop(this, { path, outputFormatClass, keyClass, valueClass, compressionCodecClass, compressionType }, 'saveAsHadoopFile');
  }
  saveAsNewAPIHadoopFile(path: string, outputFormatClass: string, keyClass?: string, valueClass?: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): Promise<void> {
    refuseConverters('saveAsNewAPIHadoopFile', keyConverter, valueConverter);
    const { compressionCodecClass, compressionType } = conf ? outputFromConf({ 'mapreduce.output.fileoutputformat.outputdir': path, 'mapreduce.job.outputformat.class': outputFormatClass, ...conf }, 'saveAsNewAPIHadoopFile') : {};
    return saveAsHadoop(this, { path, outputFormatClass, keyClass, valueClass, compressionCodecClass, compressionType }, 'saveAsNewAPIHadoopFile');
  }
  /** As saveAsHadoopFile, with the output directory, format and classes from a Hadoop job conf. */
  saveAsHadoopDataset(conf: HadoopConf, keyConverter?: string, valueConverter?: string): Promise<void> {
    refuseConverters('saveAsHadoopDataset', keyConverter, valueConverter);
    return saveAsHadoop(this, outputFromConf(conf, 'saveAsHadoopDataset'), 'saveAsHadoopDataset');
  }
  saveAsNewAPIHadoopDataset(conf: HadoopConf, keyConverter?: string, valueConverter?: string): Promise<void> {
    refuseConverters('saveAsNewAPIHadoopDataset', keyConverter, valueConverter);
    return saveAsHadoop(this, outputFromConf(conf, 'saveAsNewAPIHadoopDataset'), 'saveAsNewAPIHadoopDataset');
  }
  /** @deprecated As in PySpark (3.1): use fc.setJobGroup, then collect(). Collects in the given job group. */
  collectWithJobGroup(groupId: string, description: string, interruptOnCancel = false): Promise<T[]> {
    this.context.log('collectWithJobGroup is deprecated (as in PySpark 3.1+): call fc.setJobGroup(...) and then collect()');
    return actions.collect(this, { id: groupId, description, interruptOnCancel });
  }
  countByKey<K, V>(this: RDD<Pair<K, V>>): Promise<Map<K, number>> {
    return aggregates.countByValue(this.keys());
  }
  countByValue(): Promise<Map<T, number>> {
    return aggregates.countByValue(this);
  }
  collectAsMap<K, V>(this: RDD<Pair<K, V>>): Promise<Map<K, V>> {
    return actions.collect(this).then((pairs) => new Map(pairs));
  }
  lookup<K, V>(this: RDD<Pair<K, V>>, key: K): Promise<V[]> {
    return actions.lookup(this, key);
  }
  reduceByKeyLocally<K, V>(this: RDD<Pair<K, V>>, func: Fn<[V, V], V>): Promise<Map<K, V>> {
    return aggregates.reduceByKeyLocally(this, func);
  }
  countApprox(timeout: number, confidence = 0.95): Promise<number> {
    return approximate.countApprox(this, timeout, confidence);
  }
  countApproxDistinct(relativeSD = 0.05): Promise<number> {
    return approximate.countApproxDistinct(this, relativeSD);
  }
  reduce(f: Fn<[T, T], T>): Promise<T> {
    return aggregates.reduce(this, f);
  }
  treeReduce(f: Fn<[T, T], T>, depth = 2): Promise<T> {
    return aggregates.treeReduce(this, f, depth);
  }
  fold(zeroValue: T, op: Fn<[T, T], T>): Promise<T> {
    return aggregates.aggregate(this, zeroValue, op, op);
  }
  aggregate<U>(zeroValue: U, seqOp: Fn<[U, T], U>, combOp: Fn<[U, U], U>): Promise<U> {
    return aggregates.aggregate(this, zeroValue, seqOp, combOp);
  }
  treeAggregate<U>(zeroValue: U, seqOp: Fn<[U, T], U>, combOp: Fn<[U, U], U>, depth = 2): Promise<U> {
    return aggregates.treeAggregate(this, zeroValue, seqOp, combOp, depth);
  }
  max(key?: Fn<[T], unknown>): Promise<T> {
    return aggregates.extreme(this, key, 'max');
  }
  min(key?: Fn<[T], unknown>): Promise<T> {
    return aggregates.extreme(this, key, 'min');
  }

  // ---- numeric actions (RDD<number>) ---------------------------------------------------------

  stats(this: RDD<number>): Promise<StatCounter> {
    return numeric.stats(this);
  }
  sum(this: RDD<number>): Promise<number> {
    return numeric.sum(this);
  }
  mean(this: RDD<number>): Promise<number> {
    return numeric.stats(this).then((s) => s.mean());
  }
  variance(this: RDD<number>): Promise<number> {
    return numeric.stats(this).then((s) => s.variance());
  }
  stdev(this: RDD<number>): Promise<number> {
    return numeric.stats(this).then((s) => s.stdev());
  }
  sampleVariance(this: RDD<number>): Promise<number> {
    return numeric.stats(this).then((s) => s.sampleVariance());
  }
  sampleStdev(this: RDD<number>): Promise<number> {
    return numeric.stats(this).then((s) => s.sampleStdev());
  }
  sumApprox(this: RDD<number>, timeout: number, confidence = 0.95): Promise<approximate.BoundedFloat> {
    return approximate.sumApprox(this, timeout, confidence);
  }
  meanApprox(this: RDD<number>, timeout: number, confidence = 0.95): Promise<approximate.BoundedFloat> {
    return approximate.meanApprox(this, timeout, confidence);
  }
  /** Counts per bucket; buckets are numbers or strings (compared as strings), or a bucket count. */
  histogram<B extends number | string>(this: RDD<B>, buckets: number | B[]): Promise<[B[], number[]]> {
    return numeric.histogram(this, buckets);
  }
}
