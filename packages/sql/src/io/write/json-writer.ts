/**
 * Rows as JSON lines, as Spark's JSON writer writes them: one object per row with its fields in
 * schema order, null fields left out (`ignoreNullFields`), dates and timestamps as strings,
 * structs as objects, arrays as arrays, maps as objects.
 */
import { ArrayType, MapType, StructType, type DataType } from '../../types/index.js';
import { scalarText } from './value-text.js';

function jsonValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeName()) {
    case 'date':
    case 'timestamp':
    case 'timestamp_ntz':
      return scalarText(value, type);
    case 'double':
    case 'float':
      return Number.isFinite(value) ? value : scalarText(value, type);
    case 'binary':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'array':
      return (value as unknown[]).map((v) => jsonValue(v, (type as ArrayType).elementType));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value as Map<unknown, unknown>) out[String(k)] = jsonValue(v, (type as MapType).valueType);
      return out;
    }
    case 'struct':
      return structObject(value as Record<string, unknown>, type as StructType, (f) => (value as Record<string, unknown>)[f]);
    default:
      return value;
  }
}

function structObject(_value: unknown, type: StructType, get: (name: string, i: number) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  type.fields.forEach((f, i) => {
    const v = get(f.name, i);
    if (v !== null && v !== undefined) out[f.name] = jsonValue(v, f.dataType);
  });
  return out;
}

export function rowsToJsonLines(schema: StructType, rows: Iterable<unknown[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(JSON.stringify(structObject(row, schema, (_n, i) => row[i])));
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
