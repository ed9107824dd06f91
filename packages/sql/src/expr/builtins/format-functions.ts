/**
 * JSON and CSV column functions: from_json, to_json, schema_of_json, get_json_object,
 * json_tuple (a generator), json_array_length, json_object_keys, from_csv, to_csv,
 * schema_of_csv. A schema argument must be known while planning (a literal, or a
 * schema_of_json/schema_of_csv of a literal), because it is the result type; options are a
 * `map(...)` of strings. Each names its column after its first argument, as Spark does.
 */
import { ArrayType, MapType, StructField, StructType, dataTypeFromJson, type DataType } from '../../types/index.js';
import { sqlTypeText } from '../../types/sql-type-text.js';
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { FORMAT_FUNCTIONS_SYMBOL, formatFunctions } from '../../io/format-functions-runtime.js';
import { registerFunction, type GenState } from '../registry.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

const helpers = { sqlFormats: `const sqlFormats = globalThis[Symbol.for(${JSON.stringify(FORMAT_FUNCTIONS_SYMBOL)})];` };
const firstArgument = (name: string) => (args: string[]) => `${name}(${args[0]})`;
const optionsCode = (args: readonly string[], at: number) => args[at] ?? 'null';

/** Spark reads a schema's nested fields as nullable (`schema.asNullable`). */
function asNullable(type: DataType): DataType {
  if (type instanceof StructType) return new StructType(type.fields.map((f) => new StructField(f.name, asNullable(f.dataType), true, f.metadata)));
  if (type instanceof ArrayType) return new ArrayType(asNullable(type.elementType), true);
  if (type instanceof MapType) return new MapType(type.keyType, asNullable(type.valueType), true);
  return type;
}

function checkOptions(name: string, argTypes: DataType[], at: number): void {
  const t = argTypes[at];
  if (t !== undefined && !(t instanceof MapType && t.keyType.typeName() === 'string' && t.valueType.typeName() === 'string')) {
    throw new AnalysisException('INVALID_OPTIONS.NON_MAP_FUNCTION', `Invalid options: the options of \`${name}\` must be a map of strings, as map('mode', 'FAILFAST'), got "${sqlTypeText(t)}". SQLSTATE: 42K06`);
  }
}

/** The schema a function parses into: its literal text as DDL or as a type's JSON. */
function schemaArgument(name: string, value: unknown): DataType {
  if (typeof value !== 'string') {
    throw new AnalysisException('INVALID_SCHEMA.NON_STRING_LITERAL', `The input schema of \`${name}\` must be a string literal (a DDL such as 'a INT, b STRING'), or schema_of_json/schema_of_csv of a literal. SQLSTATE: 42K07`);
  }
  return asNullable(dataTypeFromJson(value));
}

/** A foldable string (schema_of_json's input): its value, else the analysis error. */
function literalText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new AnalysisException('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT', `Cannot resolve "${name}" due to data type mismatch: the input \`${name === 'schema_of_csv' ? 'csv' : 'json'}\` should be a foldable "STRING" expression. SQLSTATE: 42K09`);
}

const optionsValue = (value: unknown): ReadonlyMap<string, string | null> | null => (value instanceof Map ? value : null);

/** from_json/from_csv(text, schema[, options]): the schema is the result type, checked by `accepts`. */
function parser(name: 'from_json' | 'from_csv', runtime: 'jsonParser' | 'csvParser', accepts: (schema: DataType) => void): void {
  scalar(name, {
    args: [2, 3],
    returns: (argTypes, literals) => {
      checkOptions(name, argTypes, 2);
      const schema = schemaArgument(name, literals[1]);
      accepts(schema);
      return schema;
    },
    coerce: () => [Types.string, Types.string],
    timeZoneAware: true,
    nullableResult: true,
    pretty: firstArgument(name),
    // The parser of the schema (always a literal) and the options, made once when they are literals.
    prepared: { 1: (schema, _types, args, tz) => `sqlFormats.${runtime}(${schema}, ${optionsCode(args, 2)}, ${JSON.stringify(tz)})` },
    preparedWith: { 1: [2] },
    gen: ([text, parse]) => `${parse}(${text})`,
    helpers,
  });
}

parser('from_json', 'jsonParser', (schema) => {
  if (!(schema instanceof StructType || schema instanceof ArrayType || schema instanceof MapType)) {
    throw new AnalysisException('DATATYPE_MISMATCH.INVALID_JSON_SCHEMA', `Cannot resolve "from_json" due to data type mismatch: Input schema "${sqlTypeText(schema)}" must be a struct, an array, a map or a variant. SQLSTATE: 42K09`);
  }
});
parser('from_csv', 'csvParser', (schema) => {
  if (!(schema instanceof StructType)) {
    throw new AnalysisException('INVALID_SCHEMA.NON_STRUCT_TYPE', `The input schema "${sqlTypeText(schema)}" is not a struct type, as from_csv requires. SQLSTATE: 42K07`);
  }
});

/**
 * to_json's and to_csv's code: the writer of the value's type with the options, made once (in the
 * prologue) when there are none or they are a literal, else per row.
 */
function writer(runtime: 'jsonWriter' | 'csvWriter') {
  const make = (types: DataType[], options: string, tz: string) => `sqlFormats.${runtime}(${JSON.stringify(types[0]!.json())}, ${options}, ${JSON.stringify(tz)})`;
  return {
    prepared: { 1: (options: string, types: DataType[], _: readonly string[], tz: string) => make(types, options, tz) },
    gen: ([value, write]: string[], types: DataType[], tz: string, state: GenState) => `${write ?? state.constant(make(types, 'null', tz))}(${value})`,
    helpers,
  };
}

scalar('to_json', {
  args: [1, 2],
  returns: (argTypes) => {
    checkOptions('to_json', argTypes, 1);
    const t = argTypes[0]!;
    if (!(t instanceof StructType || t instanceof ArrayType || t instanceof MapType)) {
      throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `Cannot resolve "to_json" due to data type mismatch: the input should be a struct, an array or a map, got "${sqlTypeText(t)}". SQLSTATE: 42K09`);
    }
    return Types.string;
  },
  timeZoneAware: true,
  pretty: firstArgument('to_json'),
  ...writer('jsonWriter'),
});

/** schema_of_json/schema_of_csv: computed while planning too, so that from_json can take one as its schema. */
function schemaOf(name: 'schema_of_json' | 'schema_of_csv', infer: (text: string, options: ReadonlyMap<string, string | null> | null) => string): void {
  scalar(name, {
    args: [1, 2],
    returns: (argTypes, literals) => {
      checkOptions(name, argTypes, 1);
      literalText(name, literals[0]);
      return Types.string;
    },
    coerce: () => [Types.string],
    constantValue: ([text, options]) => infer(literalText(name, text), optionsValue(options)),
    pretty: firstArgument(name),
    gen: (args) => `sqlFormats.${name === 'schema_of_json' ? 'schemaOfJson' : 'schemaOfCsv'}(${args[0]}, ${optionsCode(args, 1)})`,
    helpers,
  });
}
schemaOf('schema_of_json', formatFunctions.schemaOfJson);
schemaOf('schema_of_csv', formatFunctions.schemaOfCsv);

scalar('get_json_object', {
  args: 2,
  returns: Types.string,
  coerce: () => [Types.string, Types.string],
  nullableResult: true,
  prepared: { 1: (path) => `sqlFormats.jsonPath(${path})` },
  gen: ([text, steps]) => `sqlFormats.getJsonObject(${text}, ${steps})`,
  helpers,
});
scalar('json_array_length', { args: 1, returns: Types.int, coerce: () => [Types.string], nullableResult: true, gen: ([t]) => `sqlFormats.jsonArrayLength(${t})`, helpers });
scalar('json_object_keys', {
  args: 1,
  returns: new ArrayType(Types.string, true),
  coerce: () => [Types.string],
  nullableResult: true,
  gen: ([t]) => `sqlFormats.jsonObjectKeys(${t})`,
  helpers,
});

scalar('to_csv', {
  args: [1, 2],
  returns: (argTypes) => {
    checkOptions('to_csv', argTypes, 1);
    if (!(argTypes[0] instanceof StructType)) {
      throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `Cannot resolve "to_csv" due to data type mismatch: the input should be a struct, got "${sqlTypeText(argTypes[0]!)}". SQLSTATE: 42K09`);
    }
    return Types.string;
  },
  timeZoneAware: true,
  pretty: firstArgument('to_csv'),
  ...writer('csvWriter'),
});

/** json_tuple(json, 'f1', 'f2', ...): one row of string columns c0, c1, ... (null where a field is missing or the JSON is bad). */
registerFunction({
  type: 'generator',
  name: 'json_tuple',
  minArgs: 2,
  maxArgs: Infinity,
  outer: false,
  withPosition: false,
  returnType: () => Types.string,
  columns: (argTypes) => argTypes.slice(1).map((_, i) => ({ name: `c${i}`, dataType: Types.string })),
  coerceArgs: (argTypes) => argTypes.map(() => Types.string),
  genRows: ([text, ...fields]) => `[sqlFormats.jsonTuple(${text}, [${fields.join(', ')}])]`,
  helpers,
});
