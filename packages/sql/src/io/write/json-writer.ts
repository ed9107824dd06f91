/**
 * Rows as JSON lines, as Spark's JSON writer writes them: through the JacksonGenerator that
 * to_json uses too (json/json-generator.ts): fields in schema order, null fields left out
 * (`ignoreNullFields`), dates and timestamps with the `dateFormat`/`timestampFormat` options'
 * patterns (Spark's defaults), timestamps in the `timeZone` option's zone, else the session's.
 */
import type { StructType } from '../../types/index.js';
import { jsonWriter, parseJsonWriteOptions } from '../json/json-generator.js';
import type { ReaderOptions } from '../reader-options.js';

export function rowsToJsonLines(schema: StructType, rows: Iterable<unknown[]>, options: ReaderOptions, sessionTimeZone: string): string {
  const write = jsonWriter(schema, parseJsonWriteOptions(options, sessionTimeZone));
  const names = schema.fieldNames();
  const lines: string[] = [];
  for (const row of rows) lines.push(write(Object.fromEntries(names.map((name, i) => [name, row[i]]))));
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
