/**
 * Apache Arrow tables to and from Flint's engine rows, value by value with no JSON in between:
 * `df.toArrow()` builds one Arrow vector per column from the collected rows, and
 * `fc.createDataFrame(table)` reads each column of a table into rows. Engine values (see
 * dataframe/row-conversion.ts): longs and decimals are JavaScript numbers (Arrow's are BigInt and
 * 128-bit words), dates day numbers, timestamps epoch milliseconds, structs plain objects.
 */
import * as Arrow from 'apache-arrow';
import type { ArrayType, DataType, DecimalType, MapType, StructType } from '../types/index.js';
import { StructType as Struct } from '../types/index.js';
import { arrowFields, schemaFields } from './arrow-types.js';

const DAY_MS = 86_400_000;

export function isArrowTable(value: unknown): value is Arrow.Table {
  return value instanceof Arrow.Table;
}

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

/** An Arrow table's schema and its rows in the engine's form. */
export function arrowToRows(table: Arrow.Table): { schema: StructType; rows: unknown[][] } {
  const schema = new Struct(schemaFields(table.schema.fields));
  const rows: unknown[][] = Array.from({ length: table.numRows }, () => new Array<unknown>(schema.fields.length));
  table.schema.fields.forEach((field, c) => {
    const column = table.getChildAt(c)!;
    const read = fromArrowValue(field.type, `column '${field.name}'`);
    for (let r = 0; r < table.numRows; r++) rows[r][c] = read(column.get(r));
  });
  return { schema, rows };
}

function toArrowValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeName()) {
    case 'long':
      return BigInt(value as number);
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

/** A reader of one Arrow column's values (as `vector.get` returns them) into engine values. */
function fromArrowValue(type: Arrow.DataType, where: string): (value: unknown) => unknown {
  switch (type.typeId) {
    case Arrow.Type.Int: {
      const { bitWidth, isSigned } = type as Arrow.Int;
      if (bitWidth < 64) return nullable((v) => v);
      // int64 is a Flint bigint, exact only within safe integers; uint64 a decimal(20,0), a double.
      return isSigned ? nullable((v) => safeNumber(v as bigint, where)) : nullable((v) => Number(v));
    }
    case Arrow.Type.Decimal: {
      const { scale } = type as Arrow.Decimal;
      return nullable((v) => decimalNumber(String(v), scale));
    }
    case Arrow.Type.Date:
      return nullable((v) => Math.floor(Number(v) / DAY_MS));
    case Arrow.Type.Timestamp:
      return nullable((v) => Number(v));
    case Arrow.Type.List:
    case Arrow.Type.FixedSizeList: {
      const element = fromArrowValue((type as Arrow.List).children[0].type, where);
      return nullable((v) => Array.from(v as Iterable<unknown>, element));
    }
    case Arrow.Type.Map: {
      const [keyField, valueField] = (type as Arrow.Map_).children[0].type.children;
      const [key, value] = [fromArrowValue(keyField.type, where), fromArrowValue(valueField.type, where)];
      return nullable((v) => new Map(Array.from(v as Iterable<[unknown, unknown]>, ([k, x]) => [key(k), value(x)])));
    }
    case Arrow.Type.Struct: {
      const fields = (type as Arrow.Struct).children.map((f) => ({ name: f.name, read: fromArrowValue(f.type, where) }));
      return nullable((v) => Object.fromEntries(fields.map((f) => [f.name, f.read((v as Record<string, unknown>)[f.name])])));
    }
    case Arrow.Type.Dictionary:
      return fromArrowValue((type as Arrow.Dictionary).dictionary, where);
    default:
      return nullable((v) => v);
  }
}

const nullable = (read: (v: unknown) => unknown) => (v: unknown) => (v === null || v === undefined ? null : read(v));

function safeNumber(value: bigint, where: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`createDataFrame(arrowTable): ${where} holds ${value}, beyond the integers a Flint bigint (a JavaScript number) keeps exactly`);
  return n;
}

/** The double nearest the decimal `unscaled × 10^-scale`, read from its digits. */
function decimalNumber(unscaled: string, scale: number): number {
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(negative ? `-${text}` : text);
}
