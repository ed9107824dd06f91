/**
 * The JSON and CSV column functions (and datetime and regex patterns) as generated code calls them. Generated code may name only
 * JavaScript globals, so this object is installed on globalThis under a registered symbol; this
 * module is imported wherever generated code runs (the driver through the function registry,
 * task threads through io-runtime.ts). A function's schema and options arrive as values (a
 * string and a Map, or null), so the parser or writer they make is kept by their text and
 * built once per task thread, not once per row.
 */
import { StructType, dataTypeFromJson, type DataType } from '../types/index.js';
import { csvToStructs, schemaOfCsv, structsToCsv } from './csv/csv-functions.js';
import {
  getJsonObject, jsonArrayLength, jsonObjectKeys, jsonToStructs, jsonTuple, schemaOfJson, structsToJson,
} from './json/json-functions.js';
import type { ReaderOptions } from './reader-options.js';
import { parseJsonPath } from './json/json-path.js';
import { wallClockFormatter } from './values/datetime-format.js';
import { dateTimeParser } from './values/datetime-parser.js';
import { wallClockToInstant, zoneOffsetMs } from './values/time-zone.js';
import { fixedOffsetMillis, intlKnowsZone } from '../format/zone-ids.js';
import { javaRegex } from '../expr/java-regex.js';

export const FORMAT_FUNCTIONS_SYMBOL = 'flint.sql.formatFunctions';

type Options = ReadonlyMap<string, string | null> | null;

const made = new Map<string, unknown>();

function once<T>(kind: string, type: string, options: Options, extra: string, make: (type: string, options: ReaderOptions) => T): T {
  const key = `${kind}\u0000${type}\u0000${options === null ? '' : JSON.stringify([...options])}\u0000${extra}`;
  let value = made.get(key) as T | undefined;
  if (value === undefined) {
    value = make(type, options === null ? {} : Object.fromEntries(options));
    made.set(key, value);
  }
  return value;
}

const struct = (type: DataType, name: string): StructType => {
  if (type instanceof StructType) return type;
  throw new Error(`[INVALID_SCHEMA.NON_STRUCT_TYPE] The input schema ${type.simpleString()} is not a struct type, as ${name} requires.`);
};

export const formatFunctions = {
  /** from_json's parser and to_json's writer of a type (its JSON) with options in a zone (prepared once per generated function for literals). */
  jsonParser: (schema: string, options: Options, timeZone: string) =>
    once('fromJson', schema, options, timeZone, (s, o) => jsonToStructs(dataTypeFromJson(s), o, timeZone)),
  jsonWriter: (typeJson: string, options: Options, timeZone: string) =>
    once('toJson', typeJson, options, timeZone, (t, o) => structsToJson(dataTypeFromJson(t), o, timeZone)),
  schemaOfJson: (text: string, options: Options) => once('schemaOfJson', text, options, '', (t, o) => schemaOfJson(t, o)),
  getJsonObject,
  /** get_json_object's path read once (prepared). */
  jsonPath: parseJsonPath,
  jsonTuple,
  jsonArrayLength,
  jsonObjectKeys,
  /** from_csv's parser and to_csv's writer, as jsonParser and jsonWriter. */
  csvParser: (schema: string, options: Options, timeZone: string) =>
    once('fromCsv', schema, options, timeZone, (s, o) => csvToStructs(struct(dataTypeFromJson(s), 'from_csv'), o, timeZone)),
  csvWriter: (typeJson: string, options: Options, timeZone: string) =>
    once('toCsv', typeJson, options, timeZone, (t, o) => structsToCsv(struct(dataTypeFromJson(t), 'to_csv'), o, timeZone)),
  schemaOfCsv: (text: string, options: Options) => once('schemaOfCsv', text, options, '', (t, o) => schemaOfCsv(t, o)),
  /** date_format's, from_unixtime's and to_char's patterns, compiled (and kept) once each. */
  wallClockFormatter,
  /** to_timestamp's, to_date's, unix_timestamp's, ... patterns, compiled (and kept) once each: the readers' parser. */
  dateTimeParser,
  /** A region's offset at an instant, kept per day, and a wall clock's instant there (sqlZone's, as the readers'). */
  zoneOffsetMs,
  wallClockToInstant,
  /** A fixed-offset zone id's offset, and whether Intl knows a region's (sqlZone's, format/zone-ids.ts). */
  fixedOffsetMillis,
  intlKnowsZone,
  /** The regex functions' patterns: Java's dialect (inline flags, possessive quantifiers) as JavaScript RegExps. */
  javaRegex,
};

(globalThis as Record<symbol, unknown>)[Symbol.for(FORMAT_FUNCTIONS_SYMBOL)] = formatFunctions;
