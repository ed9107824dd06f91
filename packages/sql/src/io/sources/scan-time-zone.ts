/**
 * The zone a CSV or JSON scan's tasks read timestamps in when the text carries none and the
 * options name none: as Spark's CSVOptions/JSONOptions, the session's (`spark.sql.session.timeZone`),
 * resolved on the driver when the query is planned and shipped with the task, so that neither a
 * zone set after the read nor an executor's own zone changes the instants read. Asked for only
 * when a column the query reads holds timestamps: the session's default, the process's zone,
 * costs Intl's first use.
 */
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { ArrayType, MapType, StructType, TimestampType, type DataType } from '../../types/index.js';

function holdsTimestamps(type: DataType): boolean {
  if (type instanceof TimestampType) return true;
  if (type instanceof ArrayType) return holdsTimestamps(type.elementType);
  if (type instanceof MapType) return holdsTimestamps(type.keyType) || holdsTimestamps(type.valueType);
  if (type instanceof StructType) return type.fields.some((f) => holdsTimestamps(f.dataType));
  return false;
}

export function scanTimeZone(schema: StructType, columns: readonly number[] | undefined, options: ReaderOptions, sessionTimeZone: () => string): string | undefined {
  if (readerOptionLookup(options).string('timeZone') !== undefined) return undefined;
  const read = columns === undefined ? schema.fields : columns.map((i) => schema.fields[i]).filter((f) => f !== undefined);
  return read.some((f) => holdsTimestamps(f.dataType)) ? sessionTimeZone() : undefined;
}
