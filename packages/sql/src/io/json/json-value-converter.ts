/**
 * Parsed JSON values → values of a schema type, as Spark's JacksonParser converts them:
 * integers fit integral columns in range, any number fits double/decimal, a string column takes
 * any value (numbers and nested values as their JSON text), dates and timestamps parse from
 * strings (a timestamp also from an integer of seconds), objects become structs (plain objects)
 * or maps (`Map`), arrays arrays; values in the engine's form (see values/parse-value.ts).
 * Anything else is INVALID, which the mode then handles.
 */
import { ArrayType, DataType, DecimalType, MapType, StructType } from '../../types/index.js';
import { INVALID, makeValueParser, parseIntegral, type ParsedValue, type ValueParseOptions } from '../values/parse-value.js';
import { JsonFraction } from './json-parser.js';

export type JsonConverter = (value: unknown) => ParsedValue;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonFraction);
}

/** A JSON value written back as JSON text (Spark keeps the raw text for string columns). */
export function jsonText(value: unknown): string {
  if (value instanceof JsonFraction) return value.text;
  if (typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof JsonFraction) return value.value;
  return undefined;
}

export function makeJsonConverter(type: DataType, options: ValueParseOptions): JsonConverter {
  const nullable = (convert: JsonConverter): JsonConverter => (v) => (v === null ? null : convert(v));
  const name = type.typeName();
  switch (name) {
    case 'string':
      return nullable((v) => (typeof v === 'string' ? v : jsonText(v)));
    case 'byte':
    case 'short':
    case 'integer':
    case 'long':
      return nullable((v) => (typeof v === 'number' || typeof v === 'bigint' ? parseIntegral(String(v), name) : INVALID));
    case 'float':
    case 'double': {
      const special: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
      return nullable((v) => numberOf(v) ?? (typeof v === 'string' && v in special ? special[v] : INVALID));
    }
    case 'decimal': {
      const parse = makeValueParser(type as DecimalType, options);
      return nullable((v) => (numberOf(v) === undefined ? INVALID : parse(jsonText(v))));
    }
    case 'boolean':
      return nullable((v) => (typeof v === 'boolean' ? v : INVALID));
    case 'date':
    case 'timestamp':
    case 'timestamp_ntz': {
      const parse = makeValueParser(type, options);
      return nullable((v) => {
        if (typeof v === 'string') return parse(v);
        if (name !== 'date' && typeof v === 'number' && Number.isInteger(v)) return v * 1000;
        return INVALID;
      });
    }
    case 'array': {
      const element = makeJsonConverter((type as ArrayType).elementType, options);
      return nullable((v) => {
        if (!Array.isArray(v)) return INVALID;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const e = element(v[i]);
          if (e === INVALID) return INVALID;
          out[i] = e;
        }
        return out;
      });
    }
    case 'map': {
      const valueConverter = makeJsonConverter((type as MapType).valueType, options);
      return nullable((v) => {
        if (!isPlainObject(v)) return INVALID;
        const out = new Map<string, unknown>();
        for (const [k, x] of Object.entries(v)) {
          const converted = valueConverter(x);
          if (converted === INVALID) return INVALID;
          out.set(k, converted);
        }
        return out;
      });
    }
    case 'struct': {
      const fields = (type as StructType).fields.map((f) => ({ name: f.name, convert: makeJsonConverter(f.dataType, options) }));
      return nullable((v) => {
        if (!isPlainObject(v)) return INVALID;
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const converted = f.name in v ? f.convert(v[f.name]) : null;
          if (converted === INVALID) return INVALID;
          out[f.name] = converted;
        }
        return out;
      });
    }
    default:
      throw new Error(`the JSON reader cannot read a column of type ${type.simpleString()}`);
  }
}
