/**
 * The columns a join moves between threads: a shuffled join's batches (join-batches.ts) and a
 * broadcast join's build table (broadcast-probe.ts). Integers go as Int32Arrays (4 bytes a value),
 * other numbers as Float64Arrays, and a string column of few distinct values as a dictionary
 * column, one-byte (or two-byte) codes into its values. Besides the bytes to send and decode, the
 * size matters to adaptive execution, which turns a shuffled join into a broadcast join when one
 * side's shuffle measures under the broadcast threshold: 1M customers' (customer_id, segment)
 * were 26 MB as Float64Arrays and strings, and are 9 MB so.
 */
import { registerRuntime } from '@flint/rdd';

/** A string column as codes into its distinct values (null among them). */
export interface DictionaryColumn {
  readonly codes: Uint8Array | Uint16Array;
  readonly values: readonly unknown[];
}

export type JoinColumn = ArrayLike<unknown> | DictionaryColumn;

export const isDictionaryColumn = (column: JoinColumn): column is DictionaryColumn => (column as DictionaryColumn).codes !== undefined;

/** The values as an Int32Array (all int32, no -0), a Float64Array (all numbers), a dictionary column (`dictionary` and few strings) or as they are. */
export function compactColumn(values: unknown[], dictionary: boolean): JoinColumn {
  let ints = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') return dictionary ? (dictionaryColumn(values) ?? values) : values;
    if (ints && ((v | 0) !== v || Object.is(v, -0))) ints = false;
  }
  // A plain copy: TypedArray.from took four times as long over an array of any values.
  const out = ints ? new Int32Array(values.length) : new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] as number;
  return out;
}

/** The numbers as compactColumn keeps them: as an Int32Array when every one is an int32 (no -0), else the array itself. */
export function narrowColumn(values: Float64Array): Int32Array | Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if ((v | 0) !== v || (v === 0 && 1 / v < 0)) return values;
  }
  const ints = new Int32Array(values.length);
  ints.set(values);
  return ints;
}

/** Strings and nulls of at most max(64, rows / 16) distinct values (and 65,536) as codes; else undefined. */
function dictionaryColumn(values: readonly unknown[]): DictionaryColumn | undefined {
  const codeOf = new Map<unknown, number>();
  const most = Math.min(65536, Math.max(64, values.length >> 4));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && typeof v !== 'string') return undefined;
    if (!codeOf.has(v)) {
      if (codeOf.size === most) return undefined;
      codeOf.set(v, codeOf.size);
    }
  }
  return encoded(codeOf, values.length, (codes) => {
    for (let i = 0; i < values.length; i++) codes[i] = codeOf.get(values[i])!;
  });
}

/**
 * The first `length` rows of a scan batch's column as a join column: a dictionary-encoded one
 * (`codes` into `dictionary`, the Parquet reader's) as a dictionary column of the same entries
 * while they fit two-byte codes, a typed array as it is, other values compacted.
 */
export function batchJoinColumn(column: ArrayLike<unknown>, dictionary: readonly unknown[] | undefined, length: number): JoinColumn {
  const rows = ArrayBuffer.isView(column) ? (column as Int32Array | Float64Array).subarray(0, length) : (Array.prototype.slice.call(column, 0, length) as unknown[]);
  if (dictionary === undefined) return ArrayBuffer.isView(rows) ? rows : compactColumn(rows, true);
  if (dictionary.length > 65536) return compactColumn(Array.from(rows as ArrayLike<number>, (code) => dictionary[code]), true);
  const codes = dictionary.length <= 256 ? new Uint8Array(length) : new Uint16Array(length);
  codes.set(rows as ArrayLike<number>);
  return { codes, values: dictionary };
}

/** A column's values by index (a dictionary column decoded: every row of a value gets the same string). */
export function plainColumn(column: JoinColumn): ArrayLike<unknown> {
  if (!isDictionaryColumn(column)) return column;
  const { codes, values } = column;
  const plain = new Array<unknown>(codes.length);
  for (let i = 0; i < codes.length; i++) plain[i] = values[codes[i]];
  return plain;
}

/** Generated code reads join columns through `env.compactColumn` and `env.plainColumn`. */
export const JOIN_COLUMN_RUNTIME = registerRuntime('sql', { compactColumn, narrowColumn, plainColumn, batchJoinColumn });

/**
 * Parts of a column end to end: an Int32Array or Float64Array when every part is a typed array of
 * numbers, a dictionary column when every part is one (codes remapped into one dictionary, while
 * it stays within two-byte codes), else an array.
 */
export function concatJoinColumns(all: readonly JoinColumn[]): JoinColumn {
  // An empty part (a task without rows) says nothing of the column's kind.
  const parts = all.filter((part) => columnLength(part) > 0);
  // One part (a build side of one task, as a dimension table of one row group) is the column as it is.
  if (parts.length === 1) return parts[0];
  const length = parts.reduce((n, part) => n + columnLength(part), 0);
  if (parts.every((part) => part instanceof Int32Array)) return concatTyped(new Int32Array(length), parts as Int32Array[]);
  if (parts.every((part) => part instanceof Int32Array || part instanceof Float64Array)) return concatTyped(new Float64Array(length), parts as Float64Array[]);
  if (parts.length > 0 && parts.every(isDictionaryColumn)) {
    const merged = mergeDictionaries(parts as DictionaryColumn[], length);
    if (merged !== undefined) return merged;
  }
  const joined = new Array<unknown>(length);
  let at = 0;
  for (const part of parts) {
    const values = plainColumn(part);
    for (let i = 0; i < values.length; i++) joined[at++] = values[i];
  }
  return joined;
}

const columnLength = (column: JoinColumn): number => (isDictionaryColumn(column) ? column.codes.length : column.length);

function concatTyped<T extends Int32Array | Float64Array>(joined: T, parts: readonly ArrayLike<number>[]): T {
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

function mergeDictionaries(parts: readonly DictionaryColumn[], length: number): DictionaryColumn | undefined {
  const codeOf = new Map<unknown, number>();
  for (const part of parts) for (const value of part.values) if (!codeOf.has(value)) codeOf.set(value, codeOf.size);
  if (codeOf.size > 65536) return undefined;
  return encoded(codeOf, length, (codes) => {
    let at = 0;
    for (const part of parts) {
      const remap = part.values.map((value) => codeOf.get(value)!);
      for (let i = 0; i < part.codes.length; i++) codes[at++] = remap[part.codes[i]];
    }
  });
}

/** A dictionary column of `length` codes over `codeOf`'s values, one byte each when they fit; `fill` writes the codes. */
function encoded(codeOf: ReadonlyMap<unknown, number>, length: number, fill: (codes: Uint8Array | Uint16Array) => void): DictionaryColumn {
  const codes = codeOf.size <= 256 ? new Uint8Array(length) : new Uint16Array(length);
  fill(codes);
  return { codes, values: [...codeOf.keys()] };
}
