/**
 * The part of FlintContext's API that creates RDDs: from data (parallelize, range) and from files
 * (text, whole files, binary records, object files, Hadoop SequenceFiles and input formats),
 * local or on the DFS, split as Hadoop splits them. FlintContext extends it and gives it the
 * context's namenode, parallelism and the RDDs themselves.
 */
import { RDD, refuseConverters, type HadoopConf, type PlanNode } from '@flint/rdd';
import { localTextSplits } from './text-input.js';
import { dfsTextSplits } from './dfs-text-input.js';
import { wholeFileSplits } from './whole-files.js';
import { fixedLengthSplits, hadoopInputSplits, inputPathFromConf, objectFileSplits, type SplitSizing } from './record-files.js';

export abstract class RddInputs {
  /** The namenode of the cluster this context runs on (undefined in local mode). */
  abstract get namenode(): string | undefined;
  /** Task slots when the context started: the default number of partitions of parallelize and range. */
  abstract get defaultParallelism(): number;
  /** A new RDD of this context over `node`. */
  protected abstract newRdd<T>(node: PlanNode): RDD<T>;

  /** The default minimum number of partitions of file inputs: min(defaultParallelism, 2). */
  get defaultMinPartitions(): number {
    return Math.min(this.defaultParallelism, 2);
  }

  /** Slices data as Spark does: slice i holds elements [floor(i*n/k), floor((i+1)*n/k)). */
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    requireSlices(numSlices, 'parallelize');
    const items = Array.from(data);
    const n = items.length;
    const slices = Array.from({ length: numSlices }, (_, i) => items.slice(Math.floor((i * n) / numSlices), Math.floor(((i + 1) * n) / numSlices)));
    return this.newRdd<T>({ kind: 'parallelize', slices });
  }

  /** Numbers from start (inclusive) to end (exclusive) by step; `range(n)` is 0..n-1. */
  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    const [from, to] = end === undefined ? [0, start] : [start, end];
    if (step === 0) throw new RangeError('range: step cannot be 0');
    requireSlices(numSlices, 'range');
    return this.newRdd<number>({ kind: 'range', start: from, end: to, step, numSlices });
  }

  /** Lines of a local text file, a directory of files, or a glob; split by size with Hadoop's line rule. */
  textFile(path: string, minPartitions: number = this.defaultMinPartitions): RDD<string> {
    const splits = path.startsWith('dfs://') ? dfsTextSplits(path, this.namenode, minPartitions) : localTextSplits(path, minPartitions, this.defaultParallelism);
    return this.newRdd<string>({ kind: 'textFile', splits });
  }

  /** `[path, content]` per file of a directory, file or glob; the path as Hadoop names it (`file:/...`, `dfs://...`). */
  wholeTextFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, string]> {
    return this.wholeFiles<[string, string]>(path, minPartitions, 'wholeText', 'wholeTextFiles');
  }

  /** `[path, bytes]` per file, as wholeTextFiles but with the content as a Uint8Array. */
  binaryFiles(path: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, Uint8Array]> {
    return this.wholeFiles<[string, Uint8Array]>(path, minPartitions, 'wholeBinary', 'binaryFiles');
  }

  private wholeFiles<T>(path: string, minPartitions: number, format: 'wholeText' | 'wholeBinary', operation: string): RDD<T> {
    requireSlices(minPartitions, operation);
    const splits = wholeFileSplits(path, this.namenode, format);
    const files = this.newRdd<T>({ kind: 'textFile', splits });
    return splits.length > minPartitions ? files.coalesce(minPartitions) : files;
  }

  /** Records of `recordLength` bytes each, as Uint8Arrays (PySpark's binaryRecords); every file must hold whole records. */
  binaryRecords(path: string, recordLength: number): RDD<Uint8Array> {
    const splits = fixedLengthSplits(path, recordLength, this.splitSizing(this.defaultMinPartitions));
    return this.newRdd<Uint8Array>({ kind: 'textFile', splits });
  }

  /** The records `rdd.saveAsPickleFile` saved: Flint's object files (msgpack batches, not Python pickle). */
  pickleFile<T = unknown>(path: string, minPartitions: number = this.defaultMinPartitions): RDD<T> {
    requireSlices(minPartitions, 'pickleFile');
    return this.newRdd<T>({ kind: 'textFile', splits: objectFileSplits(path, this.splitSizing(minPartitions)) });
  }

  /** [key, value] pairs of Hadoop SequenceFiles (Writables as JS values: Text a string, IntWritable a number, BytesWritable bytes, ...). */
  sequenceFile<K = unknown, V = unknown>(path: string, keyClass?: string, valueClass?: string, keyConverter?: string, valueConverter?: string, minSplits: number = this.defaultMinPartitions): RDD<[K, V]> {
    return this.hadoopInput('sequenceFile', path, 'org.apache.hadoop.mapred.SequenceFileInputFormat', [keyConverter, valueConverter], minSplits);
  }

  /** [key, value] pairs through a Hadoop input format: SequenceFileInputFormat, or TextInputFormat ([byte offset, line]). */
  hadoopFile<K = unknown, V = unknown>(path: string, inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('hadoopFile', path, inputFormatClass, [keyConverter, valueConverter]);
  }

  newAPIHadoopFile<K = unknown, V = unknown>(path: string, inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('newAPIHadoopFile', path, inputFormatClass, [keyConverter, valueConverter]);
  }

  /** As hadoopFile, with the input directory from a Hadoop job conf (mapreduce.input.fileinputformat.inputdir). */
  hadoopRDD<K = unknown, V = unknown>(inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('hadoopRDD', inputPathFromConf(conf, 'hadoopRDD'), inputFormatClass, [keyConverter, valueConverter]);
  }

  newAPIHadoopRDD<K = unknown, V = unknown>(inputFormatClass: string, keyClass: string, valueClass: string, keyConverter?: string, valueConverter?: string, conf?: HadoopConf): RDD<[K, V]> {
    return this.hadoopInput('newAPIHadoopRDD', inputPathFromConf(conf, 'newAPIHadoopRDD'), inputFormatClass, [keyConverter, valueConverter]);
  }

  private hadoopInput<T>(operation: string, path: string, inputFormatClass: string, converters: unknown[], minSplits = this.defaultMinPartitions): RDD<T> {
    refuseConverters(operation, ...converters);
    requireSlices(minSplits, operation);
    return this.newRdd<T>({ kind: 'textFile', splits: hadoopInputSplits(path, inputFormatClass, this.splitSizing(minSplits), operation) });
  }

  private splitSizing(minPartitions: number): SplitSizing {
    return { namenode: this.namenode, minPartitions, taskSlots: this.defaultParallelism };
  }

  union<T>(rdds: RDD<T>[]): RDD<T> {
    if (rdds.length === 0) return this.emptyRDD<T>();
    return rdds.length === 1 ? rdds[0] : rdds[0].union(rdds[1]).union(this.union(rdds.slice(2)));
  }

  emptyRDD<T>(): RDD<T> {
    return this.newRdd<T>({ kind: 'empty' });
  }
}

function requireSlices(n: number, operation: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${operation}: numSlices must be a positive integer, got ${n}`);
}
