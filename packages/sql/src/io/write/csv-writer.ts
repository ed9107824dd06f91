/**
 * Rows as CSV text, as Spark's CSV writer writes them: a `header` line (default false), fields
 * spelled by csvFieldWriter, each line ended by `lineSep`, in the `encoding` charset. Dates and timestamps take the
 * `dateFormat`/`timestampFormat`/`timestampNTZFormat` patterns (Spark's defaults, as to_csv),
 * timestamps in the `timeZone` option's zone, else the session's.
 */
import type { DataType, StructType } from '../../types/index.js';
import { parseJsonWriteOptions } from '../json/json-generator.js';
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { formatDayWithPattern, formatInstantWithPattern } from '../values/datetime-format.js';
import { csvCharsetEncoder } from './csv-charset.js';
import { csvFieldWriter } from './csv-field-writer.js';
import { scalarText } from './value-text.js';

export function rowsToCsv(schema: StructType, rows: Iterable<unknown[]>, rawOptions: ReaderOptions, sessionTimeZone: string): Uint8Array {
  const o = readerOptionLookup(rawOptions);
  const encode = csvCharsetEncoder(rawOptions);
  // Spark's CSV and JSON writers share these options and their defaults.
  const formats = parseJsonWriteOptions(rawOptions, sessionTimeZone);
  const text = (value: unknown, type: DataType): string => {
    switch (type.typeName()) {
      case 'date': return formatDayWithPattern(value as number, formats.dateFormat);
      case 'timestamp': return formatInstantWithPattern(value as number, formats.timestampFormat, formats.timeZone);
      case 'timestamp_ntz': return formatInstantWithPattern(value as number, formats.timestampNTZFormat, 'UTC');
      default: return scalarText(value, type);
    }
  };
  const csv = csvFieldWriter(rawOptions);
  const types = schema.fields.map((f) => {
    const name = f.dataType.typeName();
    if (name === 'array' || name === 'map' || name === 'struct' || name === 'binary') {
      throw new Error(`[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column \`${f.name}\` of the type ${f.dataType.simpleString()}.`);
    }
    return f.dataType;
  });
  const lines: string[] = [];
  if (o.boolean('header', false)) lines.push(schema.fields.map((f) => csv.field(f.name)).join(csv.sep));
  for (const row of rows) {
    lines.push(row.map((v, i) => (v === null || v === undefined ? csv.nullField() : csv.field(text(v, types[i])))).join(csv.sep));
  }
  return encode(lines.length === 0 ? '' : lines.join(csv.lineSep) + csv.lineSep);
}
