/**
 * The JSON column functions over one value, as Spark 4 evaluates them (JsonToStructs,
 * StructsToJson, SchemaOfJson, GetJsonObject, JsonTuple, LengthOfJsonArray, JsonObjectKeys).
 * Values are in the engine's form (dataframe/row-conversion.ts). Generated code reaches these
 * through format-functions-runtime.ts.
 */
import { ArrayType, StructType, type DataType } from '../../types/index.js';
import { malformedRecordError, rowText, unsupportedParseMode } from '../parse-mode.js';
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { INVALID } from '../values/parse-value.js';
import { jsonWriter, parseJsonWriteOptions } from './json-generator.js';
import { canonicalJsonType, inferJsonValueType } from './json-infer.js';
import { parseJsonOptions } from './json-options.js';
import { JsonFraction, JsonSyntaxError, STRICT_JSON, parseJsonDocument, type JsonSyntax } from './json-parser.js';
import { jacksonText, jsonPathText, type PathStep } from './json-path.js';
import { prettyJson } from './json-pretty.js';
import { makeJsonConverter } from './json-value-converter.js';
import { sqlTypeText } from '../../types/sql-type-text.js';

/** Spark's JSONOptions syntax switches (allowSingleQuotes is on unless turned off). */
export function jsonSyntax(options: ReaderOptions): JsonSyntax {
  const o = readerOptionLookup(options);
  return {
    singleQuotes: o.boolean('allowSingleQuotes', true),
    unquotedFieldNames: o.boolean('allowUnquotedFieldNames', false),
    numericLeadingZeros: o.boolean('allowNumericLeadingZeros', false),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonFraction);

/** The document in `text`, or INVALID when it is not JSON; undefined for blank text. */
function parseOrInvalid(text: string, syntax: JsonSyntax): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parseJsonDocument(text, syntax);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return INVALID;
    throw e;
  }
}

/**
 * from_json's parser for a schema and options: a struct gets a row (a malformed document: every
 * field null, or the corrupt-record field set, in PERMISSIVE mode; a field that does not fit its
 * type: that field null), an array or a map its value or null. FAILFAST raises Spark's error.
 */
export function jsonToStructs(schema: DataType, options: ReaderOptions, timeZone: string): (text: string) => unknown {
  const parsed = parseJsonOptions(options, timeZone);
  const mode = parsed.mode;
  if (mode === 'DROPMALFORMED') throw unsupportedParseMode('from_json', mode);
  const syntax = jsonSyntax(options);
  if (schema instanceof StructType) {
    const corrupt = parsed.columnNameOfCorruptRecord;
    const fields = schema.fields.filter((f) => f.name !== corrupt).map((f) => ({ name: f.name, convert: makeJsonConverter(f.dataType, parsed) }));
    const hasCorrupt = schema.fields.some((f) => f.name === corrupt);
    return (text) => {
      const doc = parseOrInvalid(text, syntax);
      if (doc === undefined || doc === null) return null;
      const row: Record<string, unknown> = Object.fromEntries(schema.fields.map((f) => [f.name, null]));
      let malformed = !isObject(doc);
      if (isObject(doc)) {
        for (const f of fields) {
          if (!Object.hasOwn(doc, f.name)) continue;
          const value = f.convert(doc[f.name]);
          if (value === INVALID) malformed = true;
          else row[f.name] = value;
        }
      }
      if (!malformed) return row;
      if (mode === 'FAILFAST') {
        throw Array.isArray(doc) ? malformedRecordError(text, 'CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS') : malformedRecordError(rowText(schema.fields.map((f) => row[f.name])));
      }
      if (hasCorrupt) row[corrupt] = text;
      return row;
    };
  }
  // A single object is read as a one-element array of structs, as Spark's root converter does.
  const wrapsObject = schema instanceof ArrayType && schema.elementType instanceof StructType;
  const convert = makeJsonConverter(schema, parsed);
  return (text) => {
    const doc = parseOrInvalid(text, syntax);
    if (doc === undefined) return null;
    const value = doc === INVALID ? INVALID : convert(wrapsObject && isObject(doc) ? [doc] : doc);
    if (value !== INVALID) return value;
    if (mode === 'FAILFAST') throw malformedRecordError(rowText([null]));
    return null;
  };
}

/** to_json's writer for values of `type` (a struct, an array or a map); `pretty` lays it out as Jackson does. */
export function structsToJson(type: DataType, options: ReaderOptions, timeZone: string): (value: unknown) => string {
  const write = jsonWriter(type, parseJsonWriteOptions(options, timeZone));
  return readerOptionLookup(options).boolean('pretty', false) ? (value) => prettyJson(write(value)) : write;
}

/** schema_of_json: the type of one document, as Spark's SQL type text (`STRUCT<a: BIGINT>`). */
export function schemaOfJson(text: string, options: ReaderOptions): string {
  const parsed = parseJsonOptions(options);
  let doc: unknown;
  try {
    doc = parseJsonDocument(text, jsonSyntax(options));
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new Error(`[INVALID_JSON_SCHEMA] schema_of_json cannot infer a schema: '${text}' is not valid JSON (${e.message})`);
    throw e;
  }
  return sqlTypeText(canonicalJsonType(inferJsonValueType(doc, parsed)));
}

/** The document, or undefined when the text is not JSON (the functions below then give null). */
function strictDocument(text: string): unknown {
  const doc = parseOrInvalid(text, STRICT_JSON);
  return doc === INVALID ? undefined : doc;
}

/** get_json_object with its path read by jsonPath (undefined: not a path, the answer is null). */
export function getJsonObject(text: string, steps: PathStep[] | undefined): string | null {
  const doc = steps && strictDocument(text);
  return steps === undefined || doc === undefined ? null : jsonPathText(doc, steps);
}

/** json_tuple's one row: each field's value (strings bare, other values as JSON), null where missing. */
export function jsonTuple(text: string | null, fields: readonly (string | null)[]): (string | null)[] {
  const doc = text === null ? undefined : strictDocument(text);
  return fields.map((name) => {
    if (!isObject(doc) || name === null || !Object.hasOwn(doc, name)) return null;
    const value = doc[name];
    if (value === null) return null;
    return typeof value === 'string' ? value : jacksonText(value);
  });
}

export function jsonArrayLength(text: string): number | null {
  const doc = strictDocument(text);
  return Array.isArray(doc) ? doc.length : null;
}

export function jsonObjectKeys(text: string): string[] | null {
  const doc = strictDocument(text);
  return isObject(doc) ? Object.keys(doc) : null;
}
