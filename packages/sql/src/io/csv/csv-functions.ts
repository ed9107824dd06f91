/**
 * The CSV column functions over one value, as Spark 4 evaluates them (CsvToStructs,
 * StructsToCsv, SchemaOfCsv): one record read with the CSV reader's options and conversions,
 * a struct written as Spark's CSV writer writes a row. Generated code reaches these through
 * format-functions-runtime.ts.
 */
import { ArrayType, DecimalType, MapType, StructType, type DataType } from '../../types/index.js';
import { cellText } from '../../format/cell-text.js';
import { decimalToString, doubleToJavaString, floatToJavaString } from '../../format/index.js';
import { toExternal } from '../../dataframe/row-conversion.js';
import { sqlTypeText } from '../../types/sql-type-text.js';
import { MalformedRecordError, malformedRecordError, rowText, unsupportedParseMode } from '../parse-mode.js';
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { formatDayWithPattern, formatInstantWithPattern } from '../values/datetime-format.js';
import { CsvSchemaInferrer, csvColumnNames } from './csv-infer.js';
import { parseCsvOptions } from './csv-options.js';
import { CsvRowConverter } from './csv-row-converter.js';
import { csvFieldWriter } from '../write/csv-field-writer.js';
import { csvRecords, type CsvRecord } from './csv-tokenizer.js';
import { DEFAULT_TIMESTAMP_FORMAT, DEFAULT_TIMESTAMP_NTZ_FORMAT } from '../json/json-generator.js';

function oneRecord(text: string, options: ReturnType<typeof parseCsvOptions>): CsvRecord {
  return csvRecords(text, { ...options, multiLine: true })[0] ?? { fields: [''], line: 1, text };
}

/** from_csv's parser for a struct schema: bad fields null (PERMISSIVE) or Spark's FAILFAST error. */
export function csvToStructs(schema: StructType, options: ReaderOptions, timeZone: string): (text: string) => Record<string, unknown> {
  const parsed = parseCsvOptions(options, timeZone);
  if (parsed.mode === 'DROPMALFORMED') throw unsupportedParseMode('from_csv', parsed.mode);
  const converter = new CsvRowConverter(schema, parsed);
  return (text) => {
    let row: unknown[] | null;
    try {
      row = converter.convert(oneRecord(text, parsed), 'from_csv');
    } catch (e) {
      if (!(e instanceof MalformedRecordError)) throw e;
      row = new CsvRowConverter(schema, { ...parsed, mode: 'PERMISSIVE' }).convert(oneRecord(text, parsed), 'from_csv');
      throw malformedRecordError(rowText(row ?? []));
    }
    return Object.fromEntries(schema.fields.map((f, i) => [f.name, row?.[i] ?? null]));
  };
}

/** schema_of_csv: the inferred struct of one record, fields `_c0`, `_c1`, ... */
export function schemaOfCsv(text: string, options: ReaderOptions): string {
  const parsed = parseCsvOptions({ ...options, inferSchema: true });
  const record = oneRecord(text, parsed);
  const inferrer = new CsvSchemaInferrer(csvColumnNames(undefined, record.fields.length), parsed);
  inferrer.add(record.fields);
  return sqlTypeText(inferrer.schema());
}

/** to_csv's writer for a struct: df.write.csv's field options (csvFieldWriter) and date/timestamp formats. */
export function structsToCsv(schema: StructType, options: ReaderOptions, timeZone: string): (row: Record<string, unknown>) => string {
  const o = readerOptionLookup(options);
  // to_csv is Spark's UnivocityGenerator with the writer's settings: fields as df.write.csv spells them.
  const csv = csvFieldWriter(options);
  const dateFormat = o.string('dateFormat') ?? 'yyyy-MM-dd';
  const timestampFormat = o.string('timestampFormat') ?? DEFAULT_TIMESTAMP_FORMAT;
  const timestampNTZFormat = o.string('timestampNTZFormat') ?? DEFAULT_TIMESTAMP_NTZ_FORMAT;
  const zone = o.string('timeZone') ?? timeZone;
  const text = (value: unknown, type: DataType): string => {
    switch (type.typeName()) {
      case 'double': return doubleToJavaString(value as number);
      case 'float': return floatToJavaString(value as number);
      case 'decimal': return decimalToString(value as number, (type as DecimalType).scale);
      case 'date': return formatDayWithPattern(value as number, dateFormat);
      case 'timestamp': return formatInstantWithPattern(value as number, timestampFormat, zone);
      case 'timestamp_ntz': return formatInstantWithPattern(value as number, timestampNTZFormat, 'UTC');
      default:
        if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
          return cellText(toExternal(value, type), type, { timeZone: zone, nullText: 'null', binaryAsUtf8: true });
        }
        return String(value);
    }
  };
  return (row) =>
    schema.fields
      .map((f) => {
        const v = row[f.name];
        return v === null || v === undefined ? csv.nullField() : csv.field(text(v, f.dataType));
      })
      .join(csv.sep);
}
