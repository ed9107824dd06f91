/**
 * The `csv` and `json` formats of `fc.read`: the schema comes from the user, else from the
 * files (read on the driver, as Spark's inference reads them), plus the columns of Hive-style
 * partition directories; the scan reads byte splits, planned into tasks as Spark plans them
 * (files/file-partitions.ts). From dfs:// a schema must be given, and the scan parses the lines
 * of textFile's block splits.
 */
import { readFileSync, statSync } from 'node:fs';
import { registerFormatReader, type ReaderOptions } from '../../dataframe/data-sources.js';
import { StructType } from '../../types/index.js';
import { discoverPartitions } from '../files/partition-discovery.js';
import { csvSchema } from '../csv/csv-reader.js';
import type { ByteSplit } from '../files/byte-splits.js';
import { planFilePartitions } from '../files/file-partitions.js';
import { expandLocalPaths } from '../files/local-paths.js';
import { jsonSchema } from '../json/json-reader.js';
import { DfsLinesScan, FileScan, type LinesReaderFunction, type ReaderFunction } from './file-scan.js';

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
    const splittable = String(options.multiLine ?? options.multiline ?? 'false').toLowerCase() !== 'true';
    const sizes = files.map((f) => statSync(f).size);
    const size = sizes.reduce((n, s) => n + s, 0);
    const partitions = () =>
      planFilePartitions(session.filePartitioning, sizes, splittable, (i, range): ByteSplit => ({ path: files[i], ...range, partitionValues: partitioning.valuesOf(files[i]) }));
    const schema = new StructType([...fileSchema.fields, ...partitioning.schema.fields]);
    return session.relation(schema, new FileScan(format, paths, files, fileSchema, partitions, reader, { ...options }, size, () => session.timeZone));
  });
}

register('csv', 'readCsvSplits', 'readCsvLines', csvSchema);
register('json', 'readJsonSplits', 'readJsonLines', jsonSchema);
