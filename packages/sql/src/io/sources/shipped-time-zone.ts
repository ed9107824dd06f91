/**
 * The zone a CSV or JSON scan's or write's tasks read or write timestamps in when the options name
 * none (and, reading, the text carries none): as Spark's CSVOptions/JSONOptions, the session's
 * (`spark.sql.session.timeZone`), resolved on the driver when the query is planned and shipped
 * with the task, so that neither a zone set after the read nor an executor's own zone changes the
 * instants. Asked for only when a column read or written holds timestamps: the session's default,
 * the process's zone, costs Intl's first use. Undefined: the tasks need none.
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

export function shippedTimeZone(schema: StructType, columns: readonly number[] | undefined, options: ReaderOptions, sessionTimeZone: () => string): string | undefined {
  if (readerOptionLookup(options).string('timeZone') !== undefined) return undefined;
  const read = columns === undefined ? schema.fields : columns.map((i) => schema.fields[i]).filter((f) => f !== undefined);
  return read.some((f) => holdsTimestamps(f.dataType)) ? sessionTimeZone() : undefined;
}
