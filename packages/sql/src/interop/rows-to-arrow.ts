/**
 * Flint's engine rows as an Apache Arrow table, value by value with no JSON in between: one Arrow
 * vector per column. Engine values (see dataframe/row-conversion.ts): longs and decimals are
 * JavaScript numbers (Arrow's are BigInt and 128-bit words), dates day numbers, timestamps epoch
 * milliseconds, structs plain objects. `df.toArrow()` imports this module when called, so that
 * Arrow (~150 modules) is not loaded by every driver.
 */
import * as Arrow from 'apache-arrow';
import type { ArrayType, DataType, DecimalType, MapType, StructType } from '../types/index.js';
import { arrowFields } from './flint-to-arrow-types.js';

const DAY_MS = 86_400_000;

/** Engine rows of `schema` as an Arrow table (one record batch). */
export function rowsToArrow(schema: StructType, rows: readonly unknown[][]): Arrow.Table {
  const fields = arrowFields(schema);
  const columns = schema.fields.map((field, i) =>
    Arrow.vectorFromArray(rows.map((row) => toArrowValue(row[i], field.dataType)), fields[i].type),
  );
  const arrowSchema = new Arrow.Schema(fields);
  const data = Arrow.makeData({ type: new Arrow.Struct(fields), length: rows.length, nullCount: 0, children: columns.map((c) => c.data[0]) });
  return new Arrow.Table(arrowSchema, [new Arrow.RecordBatch(arrowSchema, data)]);
}

function toArrowValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeName()) {
    case 'long':
      return BigInt(value as number | bigint);
    case 'decimal':
      return decimalWords(value as number, (type as DecimalType).scale);
    case 'date':
      return (value as number) * DAY_MS;
    case 'array':
      return (value as unknown[]).map((v) => toArrowValue(v, (type as ArrayType).elementType));
    case 'map': {
      const { keyType, valueType } = type as MapType;
      return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [toArrowValue(k, keyType), toArrowValue(v, valueType)]));
    }
    case 'struct':
      return Object.fromEntries((type as StructType).fields.map((f) => [f.name, toArrowValue((value as Record<string, unknown>)[f.name], f.dataType)]));
    default:
      return value;
  }
}

/** A decimal's unscaled value as Decimal128's four little-endian 32-bit words (two's complement). */
function decimalWords(value: number, scale: number): Uint32Array {
  const fixed = value.toFixed(scale);
  let unscaled = /e/.test(fixed) ? BigInt(Math.round(value)) * 10n ** BigInt(scale) : BigInt(fixed.replace('.', ''));
  unscaled = BigInt.asUintN(128, unscaled);
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i++) words[i] = Number((unscaled >> BigInt(32 * i)) & 0xffffffffn);
  return words;
}
