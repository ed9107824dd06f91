/**
 * Engine values as JSON text, as Spark's JacksonGenerator writes them for to_json and
 * DataFrame.toJSON: struct fields in schema order with null fields left out
 * (`ignoreNullFields`, default true), maps as objects (null values kept), arrays as arrays,
 * doubles as Java prints them (NaN and the infinities as strings), decimals with their scale,
 * binary as base64, dates with `dateFormat` (default yyyy-MM-dd) and timestamps with
 * `timestampFormat` (default yyyy-MM-dd'T'HH:mm:ss.SSS and the offset, Z for UTC) in the session time zone.
 */
import { ArrayType, DecimalType, MapType, StructType, type DataType } from '../../types/index.js';
import { decimalToString, doubleToJavaString, floatToJavaString } from '../../format/index.js';
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { formatDayWithPattern, formatInstantWithPattern } from '../values/datetime-format.js';

/** Spark 4's write patterns (JSONOptions/CSVOptions timestampFormatInWrite; offsets with seconds since SPARK-48776). */
export const DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXXXX]";
export const DEFAULT_TIMESTAMP_NTZ_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";

export interface JsonWriteOptions {
  ignoreNullFields: boolean;
  dateFormat: string;
  timestampFormat: string;
  timestampNTZFormat: string;
  timeZone: string;
}

export function parseJsonWriteOptions(options: ReaderOptions, sessionTimeZone: string): JsonWriteOptions {
  const o = readerOptionLookup(options);
  return {
    ignoreNullFields: o.boolean('ignoreNullFields', true),
    dateFormat: o.string('dateFormat') ?? 'yyyy-MM-dd',
    timestampFormat: o.string('timestampFormat') ?? DEFAULT_TIMESTAMP_FORMAT,
    timestampNTZFormat: o.string('timestampNTZFormat') ?? DEFAULT_TIMESTAMP_NTZ_FORMAT,
    timeZone: o.string('timeZone') ?? sessionTimeZone,
  };
}

type Writer = (value: unknown) => string;

const number = (text: string): string => (/^-?\d/.test(text) ? text : JSON.stringify(text));

/** The writer of non-null values of `type`. */
export function jsonWriter(type: DataType, options: JsonWriteOptions): Writer {
  switch (type.typeName()) {
    case 'string':
      return (v) => JSON.stringify(v);
    case 'double':
      return (v) => number(doubleToJavaString(v as number));
    case 'float':
      return (v) => number(floatToJavaString(v as number));
    case 'decimal':
      return (v) => decimalToString(v as number, (type as DecimalType).scale);
    case 'date':
      return (v) => JSON.stringify(formatDayWithPattern(v as number, options.dateFormat));
    case 'timestamp':
      return (v) => JSON.stringify(formatInstantWithPattern(v as number, options.timestampFormat, options.timeZone));
    case 'timestamp_ntz':
      return (v) => JSON.stringify(formatInstantWithPattern(v as number, options.timestampNTZFormat, 'UTC'));
    case 'binary':
      return (v) => JSON.stringify(Buffer.from(v as Uint8Array).toString('base64'));
    case 'array': {
      const element = nullableWriter((type as ArrayType).elementType, options);
      return (v) => `[${(v as unknown[]).map(element).join(',')}]`;
    }
    case 'map': {
      const value = nullableWriter((type as MapType).valueType, options);
      const key = keyText((type as MapType).keyType);
      return (v) => `{${Array.from(v as Map<unknown, unknown>, ([k, x]) => `${JSON.stringify(key(k))}:${value(x)}`).join(',')}}`;
    }
    case 'struct': {
      const fields = (type as StructType).fields.map((f) => ({ key: JSON.stringify(f.name), name: f.name, write: jsonWriter(f.dataType, options) }));
      return (v) => {
        const row = v as Record<string, unknown>;
        const parts: string[] = [];
        for (const f of fields) {
          const x = row[f.name];
          if (x !== null && x !== undefined) parts.push(`${f.key}:${f.write(x)}`);
          else if (!options.ignoreNullFields) parts.push(`${f.key}:null`);
        }
        return `{${parts.join(',')}}`;
      };
    }
    default:
      return (v) => String(v);
  }
}

/** A map key as a field name: its internal value's text, a struct's as `[1,2]` (Spark writes the key's toString). */
function keyText(type: DataType): (key: unknown) => string {
  if (!(type instanceof StructType)) return String;
  const fields = type.fields.map((f) => ({ name: f.name, text: keyText(f.dataType) }));
  return (key) => `[${fields.map((f) => { const v = (key as Record<string, unknown>)[f.name]; return v === null || v === undefined ? 'null' : f.text(v); }).join(',')}]`;
}

function nullableWriter(type: DataType, options: JsonWriteOptions): Writer {
  const write = jsonWriter(type, options);
  return (v) => (v === null || v === undefined ? 'null' : write(v));
}
