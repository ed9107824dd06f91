/**
 * The `csv` and `json` formats of `fc.read`: the schema comes from the user, else from the
 * files (read on the driver, as Spark's inference reads them), plus the columns of Hive-style
 * partition directories; the scan reads byte splits. From dfs:// a schema must be given, and
 * the scan parses the lines of textFile's block splits.
 */
import { readFileSync, statSync } from 'node:fs';
import { registerFormatReader, type ReaderOptions } from '../../dataframe/data-sources.js';
import { StructType } from '../../types/index.js';
import { discoverPartitions } from '../files/partition-discovery.js';
import { csvSchema } from '../csv/csv-reader.js';
import { byteSplits, SPLIT_BYTES } from '../files/byte-splits.js';
import type { SqlSession } from '../../session.js';
import { expandLocalPaths } from '../files/local-paths.js';
import { jsonSchema } from '../json/json-reader.js';
import { DfsLinesScan, FileScan, type LinesReaderFunction, type ReaderFunction } from './file-scan.js';

/** A size setting (bytes, or with a b/k/m/g suffix), else `fallback`. */
function sizeSetting(name: string, setting: string | undefined, fallback: number): number {
  if (setting === undefined) return fallback;
  const m = /^(\d+)\s*([bkmg]?)b?$/i.exec(setting.trim());
  if (!m || Number(m[1]) === 0) throw new Error(`${name} must be a positive size such as 134217728 or 128m, got '${setting}'`);
  return Number(m[1]) * 1024 ** 'bkmg'.indexOf((m[2] || 'b').toLowerCase());
}

/**
 * Spark's FilePartition.maxSplitBytes: the input's bytes (each file counted with an open cost)
 * spread over the parallelism, at least the open cost and at most `spark.sql.files.maxPartitionBytes`
 * (Flint's default 32 MiB), so that a file of a few dozen MB gives every core a task of about
 * the same size instead of one full split and a short remainder.
 */
function maxSplitBytes(session: SqlSession, sizes: readonly number[]): number {
  const conf = (key: string) => session.conf.get(key);
  const maxPartitionBytes = sizeSetting('spark.sql.files.maxPartitionBytes', conf('spark.sql.files.maxPartitionBytes'), SPLIT_BYTES);
  const openCost = sizeSetting('spark.sql.files.openCostInBytes', conf('spark.sql.files.openCostInBytes'), 4 * 1024 * 1024);
  const totalBytes = sizes.reduce((n, size) => n + size + openCost, 0);
  const bytesPerCore = Math.ceil(totalBytes / Math.max(1, session.host.defaultParallelism));
  return Math.min(maxPartitionBytes, Math.max(openCost, bytesPerCore));
}

type SchemaOf = (files: { path: string; text: string }[], options: ReaderOptions) => StructType;

const isDfs = (path: string) => path.startsWith('dfs://');

function register(format: string, reader: ReaderFunction, linesReader: LinesReaderFunction, inferSchema: SchemaOf): void {
  registerFormatReader(format, (session, paths, options, userSchema) => {
    if (paths.some(isDfs)) {
      if (!paths.every(isDfs)) throw new Error(`read.${format}: give either dfs:// paths or local paths, not both`);
      if (!userSchema) {
        throw new Error(`read.${format} from dfs:// needs a schema (.schema('a INT, b STRING') or the schema option): Flint infers schemas from local files only`);
      }
      return session.relation(userSchema, new DfsLinesScan(format, paths, userSchema, linesReader, { ...options }, () => session.timeZone));
    }
    const files = expandLocalPaths(paths);
    const partitioning = discoverPartitions(paths, files);
    const partitionNames = new Set(partitioning.schema.fieldNames());
    const fileSchema = userSchema
      ? new StructType(userSchema.fields.filter((f) => !partitionNames.has(f.name)))
      : inferSchema(files.map((path) => ({ path, text: readFileSync(path, 'utf8') })), options);
    // multiLine records may cross any byte boundary, so each file is then one split.
    const whole = String(options.multiLine ?? options.multiline ?? 'false').toLowerCase() === 'true';
    const sizes = files.map((f) => statSync(f).size);
    const splits = byteSplits(files, whole ? Number.MAX_SAFE_INTEGER : maxSplitBytes(session, sizes))
      .map((split) => ({ ...split, partitionValues: partitioning.valuesOf(split.path) }));
    const size = sizes.reduce((n, s) => n + s, 0);
    const schema = new StructType([...fileSchema.fields, ...partitioning.schema.fields]);
    return session.relation(schema, new FileScan(format, paths, fileSchema, splits, reader, { ...options }, size, () => session.timeZone));
  });
}

register('csv', 'readCsvSplits', 'readCsvLines', csvSchema);
register('json', 'readJsonSplits', 'readJsonLines', jsonSchema);
