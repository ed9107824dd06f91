/**
 * An Apache Arrow table's columns into Flint's engine rows, for `fc.createDataFrame(table)`:
 * longs the engine's exact form (types/long-value.ts), decimals JavaScript numbers, dates day numbers, timestamps epoch milliseconds,
 * structs plain objects (see dataframe/row-conversion.ts). The table is recognised by its shape,
 * not by `instanceof`, so that Arrow is loaded only by the user who built the table.
 */
import type * as Arrow from 'apache-arrow';
import { StructType } from '../types/index.js';
import { schemaFields } from './arrow-to-flint-types.js';
import { arrowEnums } from './arrow-enums.js';
import { longValue } from '../types/long-value.js';

const DAY_MS = 86_400_000;

/** Arrow marks its tables with this registered symbol, so that any copy of the library recognises them (Table.isTable). */
const ARROW_TABLE = Symbol.for('apache-arrow/Table');

export function isArrowTable(value: unknown): value is Arrow.Table {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ARROW_TABLE] === true;
}

/** An Arrow table's schema and its rows in the engine's form. */
export function arrowToRows(table: Arrow.Table): { schema: StructType; rows: unknown[][] } {
  const schema = new StructType(schemaFields(table.schema.fields));
  const rows: unknown[][] = Array.from({ length: table.numRows }, () => new Array<unknown>(schema.fields.length));
  table.schema.fields.forEach((field, c) => {
    const column = table.getChildAt(c)!;
    const read = fromArrowValue(field.type);
    for (let r = 0; r < table.numRows; r++) rows[r][c] = read(column.get(r));
  });
  return { schema, rows };
}

/** A reader of one Arrow column's values (as `vector.get` returns them) into engine values. */
function fromArrowValue(type: Arrow.DataType): (value: unknown) => unknown {
  const { Type } = arrowEnums();
  switch (type.typeId) {
    case Type.Int: {
      const { bitWidth, isSigned } = type as Arrow.Int;
      if (bitWidth < 64) return nullable((v) => v);
      // int64 is a Flint bigint (exact: a JS bigint past 2^53); uint64 a decimal(20,0), a double.
      return isSigned ? nullable((v) => longValue(v as bigint)) : nullable((v) => Number(v));
    }
    case Type.Decimal: {
      const { scale } = type as Arrow.Decimal;
      return nullable((v) => decimalNumber(String(v), scale));
    }
    case Type.Date:
      return nullable((v) => Math.floor(Number(v) / DAY_MS));
    case Type.Timestamp:
      return nullable((v) => Number(v));
    case Type.List:
    case Type.FixedSizeList: {
      const element = fromArrowValue((type as Arrow.List).children[0].type);
      return nullable((v) => Array.from(v as Iterable<unknown>, element));
    }
    case Type.Map: {
      const [keyField, valueField] = (type as Arrow.Map_).children[0].type.children;
      const [key, value] = [fromArrowValue(keyField.type), fromArrowValue(valueField.type)];
      return nullable((v) => new Map(Array.from(v as Iterable<[unknown, unknown]>, ([k, x]) => [key(k), value(x)])));
    }
    case Type.Struct: {
      const fields = (type as Arrow.Struct).children.map((f) => ({ name: f.name, read: fromArrowValue(f.type) }));
      return nullable((v) => Object.fromEntries(fields.map((f) => [f.name, f.read((v as Record<string, unknown>)[f.name])])));
    }
    case Type.Dictionary:
      return fromArrowValue((type as Arrow.Dictionary).dictionary);
    default:
      return nullable((v) => v);
  }
}

const nullable = (read: (v: unknown) => unknown) => (v: unknown) => (v === null || v === undefined ? null : read(v));

/** The double nearest the decimal `unscaled × 10^-scale`, read from its digits. */
function decimalNumber(unscaled: string, scale: number): number {
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(negative ? `-${text}` : text);
}
