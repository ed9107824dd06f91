/**
 * The `parquet` format of `fc.read`: the driver reads each file's footer (schema, row groups);
 * when a query runs, the files' byte splits are planned into tasks as Spark plans them
 * (files/file-partitions.ts), each split reading the row groups whose midpoint it holds, less
 * those whose statistics exclude a filter right above the scan; tasks read only the columns the
 * query uses. Hive-style partition directories add their columns.
 */
import type { FileMetaData } from 'hyparquet';
import type { RDD } from '@flint/rdd';
import type { Expr } from '../../expr/expression.js';
import type { ColumnPredicate } from '../parquet/row-group-filter.js';
import type { RowSource } from '../../plan/logical-plan.js';
import type { SqlHost } from '../../session-host.js';
import { columnPredicates } from '../parquet/filter-predicates.js';
import { rowGroupsToRead } from '../parquet/row-group-filter.js';
import { registerFormatReader } from '../../dataframe/data-sources.js';
import { StructType } from '../../types/index.js';
import { discoverPartitions } from '../files/partition-discovery.js';
import { expandLocalPaths } from '../files/local-paths.js';
import type { ParquetSplit } from '../io-runtime.js';
import { planFilePartitions, type FilePartitioning } from '../files/file-partitions.js';
import { rowGroupMidpoints } from '../parquet/row-group-midpoints.js';
import type { ColumnBatch } from '../column-batch.js';
import { readParquetFooter } from '../parquet/parquet-read.js';
import { FileScan } from './file-scan.js';

interface FileFooter {
  path: string;
  schema: StructType;
  metadata: FileMetaData;
  /** Each row group's midpoint in the file: the split holding it reads the row group. */
  midpoints: number[];
  size: number;
  partitionValues: unknown[];
}

/**
 * The files' splits and their row groups, planned when a query runs: the conjuncts of a filter
 * right above the scan drop the row groups whose statistics exclude them.
 */
class ParquetScan implements RowSource {
  readonly format = 'parquet';
  constructor(
    private readonly paths: readonly string[],
    private readonly fileSchema: StructType,
    private readonly files: readonly FileFooter[],
    private readonly options: Record<string, string>,
    /** The session's `spark.sql.files.*` settings as the query runs. */
    private readonly settings: () => FilePartitioning,
  ) {}

  get description(): string {
    return `Scan parquet ${this.paths.join(', ')}`;
  }

  get sizeInBytes(): number {
    return this.files.reduce((n, f) => n + f.size, 0);
  }

  get inputFiles(): string[] {
    return this.files.map((f) => f.path);
  }

  toRdd(host: SqlHost, columns?: readonly number[], filters?: readonly Expr[]): RDD<unknown[]> {
    return this.scan(filters).toRdd(host, columns);
  }

  toColumnBatches(host: SqlHost, columns?: readonly number[], filters?: readonly Expr[]): RDD<ColumnBatch> | undefined {
    return this.scan(filters).toColumnBatches(host, columns);
  }

  toColumnBatchSample(host: SqlHost, columns?: readonly number[], filters?: readonly Expr[]): RDD<ColumnBatch> | undefined {
    return this.scan(filters).toColumnBatchSample(host, columns);
  }

  private scan(filters: readonly Expr[] | undefined): FileScan<ParquetSplit> {
    const predicates = columnPredicates(filters);
    return new FileScan('parquet', this.paths, this.inputFiles, this.fileSchema, () => this.partitions(predicates), 'readParquetRowGroups', this.options, this.sizeInBytes);
  }

  /**
   * Spark's tasks over the files' byte splits, each split with the row groups whose midpoint it
   * holds that the predicates leave; a split left with no row group is dropped from its task, but
   * the task stays (Spark runs it, to read nothing), so the count of tasks is Spark's.
   */
  private partitions(predicates: readonly ColumnPredicate[]): ParquetSplit[][] {
    const kept = this.files.map((f) => new Set(rowGroupsToRead(f.metadata, predicates)));
    const sizes = this.files.map((f) => f.size);
    return planFilePartitions(this.settings(), sizes, true, (i, { start, length }): ParquetSplit => {
      const f = this.files[i];
      return {
        path: f.path,
        start,
        length,
        rowGroups: f.midpoints.flatMap((midpoint, index) => (kept[i].has(index) && midpoint >= start && midpoint < start + length ? [index] : [])),
        partitionValues: f.partitionValues,
      };
    }).map((task) => task.filter((split) => split.rowGroups.length > 0));
  }
}

/** The footer of a local Parquet file, read synchronously (the reader API is synchronous). */
function footerOf(path: string): Omit<FileFooter, 'path' | 'partitionValues'> {
  const { schema, metadata, size } = readParquetFooter(path);
  return { schema, metadata, midpoints: rowGroupMidpoints(metadata), size };
}

registerFormatReader('parquet', (session, paths, options, userSchema) => {
  const files = expandLocalPaths(paths);
  const partitioning = discoverPartitions(paths, files);
  const footers: FileFooter[] = files.map((path) => ({ path, ...footerOf(path), partitionValues: partitioning.valuesOf(path) }));
  const partitionNames = new Set(partitioning.schema.fieldNames());
  const fileSchema = userSchema ? new StructType(userSchema.fields.filter((f) => !partitionNames.has(f.name))) : footers[0]?.schema;
  if (!fileSchema) throw new Error(`[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet. It must be specified manually.`);
  for (const f of footers) {
    if (f.schema.simpleString() !== footers[0].schema.simpleString()) {
      throw new Error(`Parquet files have different schemas: ${footers[0].path} has ${footers[0].schema.simpleString()}, ${f.path} has ${f.schema.simpleString()}`);
    }
  }
  const schema = new StructType([...fileSchema.fields, ...partitioning.schema.fields]);
  return session.relation(schema, new ParquetScan(paths, fileSchema, footers, { ...options }, () => session.filePartitioning));
});
