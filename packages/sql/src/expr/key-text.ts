/**
 * The text several values are keyed by where a Map cannot key them by value (tuples, dates,
 * arrays, structs): their JSON with NaN, Infinity and -Infinity written as those words, since JSON
 * writes all three as null and would merge them with each other and with null. A key position
 * holds numbers or text, never both, so the words cannot meet a string; a long past 2^53 (a JS
 * bigint, which JSON refuses) is written as its digits and `n`. Written once as source:
 * generated code takes it as a helper (KEY_TEXT), spills call it as a function (keyText).
 */
import { ArrayType, MapType, StructType, type DataType } from '../types/index.js';
import type { CodegenContext } from '../physical/codegen/codegen-context.js';

export const KEY_TEXT = `function keyText(values) { return JSON.stringify(values, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? v + 'n' : v)); }`;

/**
 * Types whose values JSON writes one way each: never a JS bigint (a long, a decimal, a timestamp or
 * an interval may be one past 2^53) and never NaN or an infinity (a float or a double may be one).
 */
const JSON_EXACT_TYPES = new Set(['void', 'string', 'boolean', 'byte', 'short', 'integer', 'date', 'binary']);

function jsonWritesExactly(type: DataType): boolean {
  if (type instanceof ArrayType) return jsonWritesExactly(type.elementType);
  if (type instanceof MapType) return jsonWritesExactly(type.keyType) && jsonWritesExactly(type.valueType);
  if (type instanceof StructType) return type.fields.every((f) => jsonWritesExactly(f.dataType));
  return JSON_EXACT_TYPES.has(type.typeName());
}

/**
 * Code for the text a key is looked up by when a Map cannot key it by value (several join, window
 * or group keys; a struct, array or map group key): `tuple` (the code of the values' array, or of
 * the one value) as JSON.stringify writes it, which is fastest, or as keyText writes it where a
 * value of `types` may be a JS bigint, which JSON refuses, or NaN or an infinity, which JSON
 * writes as null. A join passes both sides' key types, so that both write the same text.
 */
export function tupleKeyCode(tuple: string, types: readonly DataType[], ctx: CodegenContext): string {
  if (types.every(jsonWritesExactly)) return `JSON.stringify(${tuple})`;
  ctx.addHelper('keyText', KEY_TEXT);
  return `keyText(${tuple})`;
}

export const keyText = new Function(`${KEY_TEXT} return keyText;`)() as (values: unknown) => string;
