/**
 * A group's key as the aggregate emits it, floating-point zeros normalized as Spark's
 * NormalizeFloatingNumbers does: -0.0 and 0.0 are one group (the group tables compare keys by
 * value, a Map's -0 being 0) and its key is 0.0, whichever zero the group met first. Inside
 * arrays and structs too, as Spark's rule goes into them.
 */
import { ArrayType, DataType, DoubleType, FloatType, MapType, StructType } from '../types/index.js';
import type { CodegenContext } from './codegen/codegen-context.js';

/** A value with every -0 in it as 0, its arrays and structs copied (generated code's helper). */
export const ZEROS_NORMALIZED = `function zerosNormalized(v) {
  if (v === 0) return 0;
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof Map) return v;
  if (Array.isArray(v)) return v.map(zerosNormalized);
  const out = {};
  for (const k in v) out[k] = zerosNormalized(v[k]);
  return out;
}`;

function holdsFloatingPoint(type: DataType): boolean {
  if (type instanceof DoubleType || type instanceof FloatType) return true;
  if (type instanceof ArrayType) return holdsFloatingPoint(type.elementType);
  if (type instanceof StructType) return type.fields.some((f) => holdsFloatingPoint(f.dataType));
  return false;
}

/** Code for the key `value` (of `type`) as emitted: as it is unless a float or double is in it. */
export function normalizedGroupKey(value: string, type: DataType, ctx: CodegenContext): string {
  if (type instanceof DoubleType || type instanceof FloatType) return `(${value} === 0 ? 0 : ${value})`;
  if (type instanceof MapType || !holdsFloatingPoint(type)) return value;
  ctx.addHelper('zerosNormalized', ZEROS_NORMALIZED);
  return `zerosNormalized(${value})`;
}
