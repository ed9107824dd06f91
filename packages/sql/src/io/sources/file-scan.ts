/**
 * A scan of local files as a RowSource: the driver lists the files and, when a query runs, plans
 * the tasks as Spark does (files/file-partitions.ts); each task reads its splits in turn with a
 * reader task function (io-runtime.ts) and returns rows of the relation's schema. Only the
 * columns the query needs are converted.
 */
import type { RDD } from '@flint/rdd';
import type { RowSource } from '../../plan/logical-plan.js';
import type { SqlHost } from '../../session-host.js';
import type { StructType } from '../../types/index.js';
import { IO_RUNTIME, type LinesEnv, type ReadEnv } from '../io-runtime.js';
import type { ColumnBatch } from '../column-batch.js';
import { partitionFileBlocks } from '../input-file.js';
import { shippedTimeZone } from './shipped-time-zone.js';

export type ReaderFunction = 'readCsvSplits' | 'readJsonSplits' | 'readParquetRowGroups';
export type LinesReaderFunction = 'readCsvLines' | 'readJsonLines';

export class FileScan<Split extends { readonly path: string }> implements RowSource {
  constructor(
    readonly format: string,
    private readonly paths: readonly string[],
    /** The files the paths list (inputFiles: no task planning, so empty files are listed too). */
    private readonly files: readonly string[],
    /** The files' own columns (partition columns, if any, follow them in each row). */
    private readonly fileSchema: StructType,
    /** The tasks, each the splits it reads (planned from the session's settings when a query runs). */
    private readonly partitions: () => readonly (readonly Split[])[],
    private readonly reader: ReaderFunction,
    private readonly options: Record<string, string>,
    readonly sizeInBytes: number,
    /** The session's time zone, the CSV and JSON readers' default (shipped-time-zone.ts). */
    private readonly sessionTimeZone?: () => string,
  ) {}

  get description(): string {
    return `Scan ${this.format} ${this.paths.join(', ')}`;
  }

  get inputFiles(): readonly string[] {
    return this.files;
  }

  toRdd(host: SqlHost, columns?: readonly number[]): RDD<unknown[]> {
    return this.read<unknown[]>(host, this.reader, columns);
  }

  toColumnBatches(host: SqlHost, columns?: readonly number[]): RDD<ColumnBatch> | undefined {
    const reader = BATCH_READERS[this.reader];
    return reader === undefined ? undefined : this.read<ColumnBatch>(host, reader, columns);
  }

  /**
   * Column batches of a sample of each split, for the range bounds of a sort (SORT_SAMPLE: a few
   * chunks spread over a CSV split, the first rows of each Parquet row group); undefined for JSON.
   */
  toColumnBatchSample(host: SqlHost, columns?: readonly number[]): RDD<ColumnBatch> | undefined {
    const reader = BATCH_READERS[this.reader];
    return reader === undefined ? undefined : this.read<ColumnBatch>(host, reader, columns, SORT_SAMPLE);
  }

  private read<T>(host: SqlHost, reader: ReaderFunction | BatchReaderFunction, columns: readonly number[] | undefined, sample?: ReadEnv['sample']): RDD<T> {
    const partitions = this.partitions();
    if (partitions.length === 0) return host.emptyRDD<T>();
    const sessionTimeZone = this.sessionTimeZone && shippedTimeZone(this.fileSchema, columns, this.options, this.sessionTimeZone);
    const env: ReadEnv = { schema: this.fileSchema.json(), options: this.options, sessionTimeZone, columns: columns ? [...columns] : undefined, sample };
    return host
      .parallelize([...partitions], partitions.length)
      .mapPartitions(IO_RUNTIME.ref(reader, env as unknown as Record<string, unknown>) as unknown as (task: Iterable<readonly Split[]>) => Promise<T[]>);
  }
}

/**
 * What a sort's sample reads: of a CSV split, 16 chunks of 64 KiB (1 MiB, a thousand lines or so
 * per chunk); of a Parquet row group, its first 64Ki rows (its pages hold up to all of its rows,
 * so a page is no unit to spread over: only the first rows' values are decoded).
 */
const SORT_SAMPLE = { chunks: 16, chunkBytes: 64 * 1024, rowGroupRows: 64 * 1024 };

type BatchReaderFunction = 'readCsvSplitBatches' | 'readParquetRowGroupBatches';

/** The readers that have a column-batch form. */
const BATCH_READERS: Partial<Record<ReaderFunction, BatchReaderFunction>> = {
  readCsvSplits: 'readCsvSplitBatches',
  readParquetRowGroups: 'readParquetRowGroupBatches',
};

/** CSV or JSON lines in Flint DFS: the lines of textFile's block splits, parsed by a task function. */
export class DfsLinesScan implements RowSource {
  constructor(
    readonly format: string,
    private readonly paths: readonly string[],
    private readonly schema: StructType,
    private readonly reader: LinesReaderFunction,
    private readonly options: Record<string, string>,
    private readonly sessionTimeZone: () => string,
  ) {}

  get description(): string {
    return `Scan ${this.format} ${this.paths.join(', ')}`;
  }

  get inputFiles(): readonly string[] {
    return this.paths;
  }

  toRdd(host: SqlHost, columns?: readonly number[]): RDD<unknown[]> {
    const lines = this.paths.map((p) => host.textFile(p));
    const all = lines.length === 1 ? lines[0] : lines.reduce((a, b) => a.union(b));
    const env: LinesEnv = {
      schema: this.schema.json(),
      options: this.options,
      sessionTimeZone: shippedTimeZone(this.schema, columns, this.options, this.sessionTimeZone),
      columns: columns ? [...columns] : undefined,
      paths: [...this.paths],
      files: partitionFileBlocks(all),
    };
    return all.mapPartitionsWithIndex(IO_RUNTIME.ref(this.reader, env as unknown as Record<string, unknown>) as unknown as (i: number, l: Iterable<string>) => Iterable<unknown[]>);
  }
}
