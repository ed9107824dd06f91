/**
 * Decoding one flat column chunk of a row group straight into the engine's column form, page by
 * page with hyparquet's page decoders. Numbers land in a typed array (Int32Array for 8–32-bit
 * integers and dates, Float64Array for floats, doubles, 64-bit integers and timestamps in epoch
 * milliseconds); a chunk with a null or a long past 2^53 (a JS bigint, as types/long-value.ts
 * holds it), and every other type, becomes a plain array.
 * This replaces hyparquet's row-assembly step (assembleLists), which rebuilt every nullable
 * column value by value into a generic array: for a flat column the definition levels are only
 * "null or not", so values are copied (or looked up in the dictionary) in one loop.
 */
import type { ColumnMetaData, DecodedArray, ParquetParsers, SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { decodeIndices, indicesOf, readPageValues, ScratchBuffer, uncompressedPage, type EncodedIndices, type PageDecoder, type PageValues } from './data-page.js';
import { PAGE_DECOMPRESSORS } from './page-decompressors.js';
import { takeFloat64, takeInt32 } from '../column-pool.js';
import { longValue } from '../../types/long-value.js';

/** A column of one row group: typed when every value is a number, else values and nulls. */
export type EngineColumn = Int32Array | Float64Array | unknown[];

/**
 * A dictionary-encoded string column kept encoded: row r's value is `dictionary[codes[r]]`; a
 * null's code is the last one, whose entry is null. Reading it costs one Int32Array per row group
 * instead of an array of a million references to the same few strings.
 */
export interface DictionaryColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly unknown[];
}

/** hyparquet's value parsers, set to produce the engine's form (used for the types decoded generically). */
export const ENGINE_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
  dateFromDays: (days: number) => days,
};

/**
 * How a physical column becomes engine values: `int32` as is, `float64` as is (FLOAT widens),
 * `int64` as a double, `timestamp` as a double divided to milliseconds, `generic` through
 * hyparquet's converters (strings, binary, booleans, decimals, unsigned and INT96 values).
 */
type Kind = { kind: 'int32' } | { kind: 'float64' } | { kind: 'int64'; divisor: number } | { kind: 'generic' };

/**
 * Whether decoding copies every value out of the column chunk's bytes — numbers into a typed
 * array, text into strings — so that the bytes (the chunk's, its pages') may be reused once the
 * chunk is decoded; not binary values, which stay views of them.
 */
export function copiesValuesOut(e: SchemaElement): boolean {
  return kindOf(e).kind !== 'generic' || isStringColumn(e);
}

function kindOf(e: SchemaElement): Kind {
  const converted = e.converted_type;
  const logical = e.logical_type;
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') return { kind: 'generic' };
  if (logical?.type === 'INTEGER' && !logical.isSigned) return { kind: 'generic' };
  if (converted?.startsWith('UINT')) return { kind: 'generic' };
  switch (e.type) {
    case 'INT32':
      return converted === undefined || converted === 'INT_8' || converted === 'INT_16' || converted === 'INT_32' || converted === 'DATE'
        ? { kind: 'int32' }
        : { kind: 'generic' };
    case 'FLOAT':
    case 'DOUBLE':
      return { kind: 'float64' };
    case 'INT64': {
      const unit = logical?.type === 'TIMESTAMP' ? logical.unit : converted === 'TIMESTAMP_MICROS' ? 'MICROS' : converted === 'TIMESTAMP_MILLIS' ? 'MILLIS' : undefined;
      if (unit !== undefined) return { kind: 'int64', divisor: unit === 'NANOS' ? 1_000_000 : unit === 'MICROS' ? 1000 : 1 };
      return converted === undefined || converted === 'INT_64' ? { kind: 'int64', divisor: 1 } : { kind: 'generic' };
    }
    default:
      return { kind: 'generic' };
  }
}

/**
 * Signed 64-bit integers as doubles, divided by `divisor` towards zero (as BigInt division), into
 * out[at..]. False at the first long (`divisor` 1) past 2^53, which a double cannot hold: out is
 * then partly written, and the caller takes int64Values' exact form instead.
 */
function int64ToNumbers(values: BigInt64Array, divisor: number, out: Float64Array, at = 0): boolean {
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = words[2 * i + 1] * 4294967296 + (words[2 * i] >>> 0);
    if (divisor !== 1) out[at + i] = Math.trunc(v / divisor) + 0; // + 0: no -0, as BigInt has none
    else if (v > Number.MAX_SAFE_INTEGER || v < -Number.MAX_SAFE_INTEGER) return false;
    else out[at + i] = v;
  }
  return true;
}

/** 64-bit integers in the engine's form: a Float64Array, or a plain array where a long is past 2^53 (that one a JS bigint). */
function int64Values(values: BigInt64Array, divisor: number): Float64Array | unknown[] {
  const out = new Float64Array(values.length);
  return int64ToNumbers(values, divisor, out) ? out : Array.from(values, longValue);
}

/** Raw decoded values (a page's or the dictionary's) in the engine's form for `kind`. */
function engineValues(raw: DecodedArray, kind: Kind, decoder: PageDecoder): ArrayLike<unknown> {
  switch (kind.kind) {
    case 'int32':
      return raw;
    case 'float64':
      return raw instanceof Float32Array ? Float64Array.from(raw) : raw;
    case 'int64':
      return int64Values(raw as BigInt64Array, kind.divisor);
    case 'generic': {
      const converted = convert(raw, decoder);
      const out = new Array<unknown>(converted.length);
      for (let i = 0; i < out.length; i++) {
        const v = converted[i];
        out[i] = typeof v === 'bigint' ? Number(v) : v === undefined ? null : v;
      }
      return out;
    }
  }
}

/** Whether the column holds strings (a BYTE_ARRAY annotated as text). */
function isStringColumn(e: SchemaElement): boolean {
  return e.type === 'BYTE_ARRAY' && (e.converted_type === 'UTF8' || e.logical_type?.type === 'STRING');
}

/**
 * The codes of a chunk's dictionary-encoded pages (nulls get the code after the dictionary's
 * last), until a page of plain values arrives: then `builder` takes the values so far.
 */
class DictionaryCodes {
  private readonly codes: Int32Array;
  private at = 0;

  constructor(rows: number) {
    this.codes = takeInt32(rows);
  }

  append(indices: ArrayLike<number>, defined: ArrayLike<number> | undefined, nullCode: number): void {
    const codes = this.codes;
    let at = this.at;
    if (defined === undefined) {
      codes.set(indices, at);
      at += indices.length;
    } else {
      let v = 0;
      for (let r = 0; r < defined.length; r++) codes[at++] = defined[r] === 0 ? nullCode : indices[v++];
    }
    this.at = at;
  }

  /** Appends a page without nulls whose indices are still encoded. */
  appendEncoded(page: EncodedIndices): void {
    decodeIndices(page, this.codes, this.at);
    this.at += page.encoded.count;
  }

  /** The values so far, appended to `builder` (decoding goes on there). */
  decodeInto(builder: ColumnBuilder, dictionary: readonly unknown[]): void {
    builder.appendDefined(this.codes.subarray(0, this.at), [...dictionary, null]);
  }

  get size(): number {
    return this.at;
  }

  finish(dictionary: readonly unknown[]): DictionaryColumn {
    return { codes: this.codes, dictionary: [...dictionary, null] };
  }
}

function lookUpInt32(column: Int32Array, at: number, indices: Int32Array, dictionary: Int32Array): void {
  for (let r = 0; r < indices.length; r++) column[at + r] = dictionary[indices[r]];
}

function lookUpFloat64(column: Float64Array, at: number, indices: Int32Array, dictionary: Float64Array): void {
  for (let r = 0; r < indices.length; r++) column[at + r] = dictionary[indices[r]];
}

function lookUpValues(column: unknown[], at: number, indices: Int32Array, dictionary: ArrayLike<unknown>): void {
  for (let r = 0; r < indices.length; r++) column[at + r] = dictionary[indices[r]];
}

/** Appends a chunk's pages to one column, typed until a null arrives. */
class ColumnBuilder {
  /** Made at the first page (a chunk kept as dictionary codes never needs it). */
  private column: EngineColumn | undefined;
  private at = 0;

  constructor(
    private readonly kind: Kind,
    private readonly rows: number,
  ) {}

  private target(): EngineColumn {
    const kind = this.kind.kind;
    return (this.column ??= kind === 'int32' ? takeInt32(this.rows) : kind === 'generic' ? new Array<unknown>(this.rows) : takeFloat64(this.rows));
  }

  /** Appends a page without nulls: its values, or (with `dictionary`) their indices into it. */
  appendDefined(values: ArrayLike<unknown>, dictionary: ArrayLike<unknown> | undefined): void {
    const column = this.widened(dictionary ?? values);
    const at = this.at;
    if (dictionary === undefined && !Array.isArray(column) && !Array.isArray(values)) column.set(values as ArrayLike<number>, at);
    else if (dictionary === undefined) for (let r = 0; r < values.length; r++) (column as unknown[])[at + r] = values[r];
    // One loop per column type, so that each stays monomorphic (a shared one ran at a third of the speed).
    else if (column instanceof Int32Array) lookUpInt32(column, at, values as Int32Array, dictionary as Int32Array);
    else if (column instanceof Float64Array) lookUpFloat64(column, at, values as Int32Array, dictionary as Float64Array);
    else lookUpValues(column, at, values as Int32Array, dictionary);
    this.at = at + values.length;
  }

  /** Appends a page without nulls whose dictionary indices are still encoded: looked up as they are decoded into a typed column. */
  appendEncoded(page: EncodedIndices, dictionary: ArrayLike<unknown>): void {
    const column = this.target();
    if (column instanceof Int32Array && dictionary instanceof Int32Array) decodeIndices(page, column, this.at, dictionary);
    else if (column instanceof Float64Array && dictionary instanceof Float64Array) decodeIndices(page, column, this.at, dictionary);
    else return this.appendDefined(indicesOf(page), dictionary);
    this.at += page.encoded.count;
  }

  /** Appends a page of 64-bit integers without nulls, converted straight into a typed column (no page-sized array between). */
  appendInt64(values: BigInt64Array, divisor: number): void {
    const column = this.target();
    if (column instanceof Float64Array && int64ToNumbers(values, divisor, column, this.at)) this.at += values.length;
    else if (Array.isArray(column) && divisor === 1) {
      // Already plain (a long past 2^53 came before): each long in its exact form, no page-sized array between.
      const at = this.at;
      for (let i = 0; i < values.length; i++) column[at + i] = longValue(values[i]);
      this.at = at + values.length;
    } else this.appendDefined(int64Values(values, divisor), undefined);
  }

  /** The column, turned into a plain one when `incoming` is (it holds a long past 2^53 as a bigint, which no typed array takes). */
  private widened(incoming: ArrayLike<unknown>): EngineColumn {
    return Array.isArray(incoming) ? this.plain() : this.target();
  }

  /** The column as a plain array (a typed one is copied up to its last value). */
  private plain(): unknown[] {
    const column = this.target();
    return Array.isArray(column) ? column : (this.column = Array.from(column.subarray(0, this.at)) as unknown[]);
  }

  /** Appends a page with nulls: `defined` has a definition level per row (0: null), `values` (or indices) one per non-null row. */
  appendWithNulls(values: ArrayLike<unknown>, dictionary: ArrayLike<unknown> | undefined, defined: ArrayLike<number>): void {
    const column = this.plain();
    let v = 0;
    let at = this.at;
    for (let r = 0; r < defined.length; r++) {
      if (defined[r] === 0) column[at++] = null;
      else column[at++] = dictionary === undefined ? values[v++] : dictionary[(values as ArrayLike<number>)[v++]];
    }
    this.at = at;
  }

  get size(): number {
    return this.at;
  }

  finish(rows: number, name: string): EngineColumn {
    if (this.at !== rows) throw new Error(`Parquet column '${name}' has ${this.at} values in a row group of ${rows} rows`);
    return this.target();
  }
}

/** The bytes of the dictionary page of the chunk being decoded, when they may be reused (copiesValuesOut). */
const dictionaryScratch = new ScratchBuffer();

/** The page's first `rows` rows (a page may hold more than the rows still wanted). */
function firstRows(page: PageValues, rows: number): PageValues {
  const { values, defined } = page;
  if (defined !== undefined) return defined.length <= rows ? page : { ...page, defined: Array.prototype.slice.call(defined, 0, rows) as number[] };
  return values.length <= rows ? page : { ...page, values: values.slice(0, rows) as typeof values };
}

/**
 * The first `rows` values of a flat column chunk (`bytes`: the chunk from its first page on): all
 * of them, or fewer for a sort's sample. Decoded as `element` (the column's schema element) and
 * `meta` (its chunk metadata) say. With `keepDictionary`, a string column whose pages are all
 * dictionary-encoded stays encoded.
 */
export function decodeColumnChunk(bytes: Uint8Array, element: SchemaElement, meta: ColumnMetaData, rows: number, keepDictionary = false): EngineColumn | DictionaryColumn {
  const decoder: PageDecoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element,
    // The root and the column: a flat column's definition level is 1 when it is optional.
    schemaPath: [
      { element: { name: 'root', num_children: 1 }, children: [], count: 1, path: [] },
      { element, children: [], count: 1, path: [element.name] },
    ],
    codec: meta.codec,
    compressors: PAGE_DECOMPRESSORS,
    parsers: { ...DEFAULT_PARSERS, ...ENGINE_PARSERS },
    // Only a column annotated as text is decoded into strings; other BYTE_ARRAY values are binary (Spark's binaryAsString=false).
    utf8: false,
  };
  const kind = kindOf(element);
  const reusable = copiesValuesOut(element);
  const builder = new ColumnBuilder(kind, rows);
  let codes = keepDictionary && isStringColumn(element) ? new DictionaryCodes(rows) : undefined;
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  let dictionary: ArrayLike<unknown> | undefined;
  while ((codes?.size ?? builder.size) < rows && reader.offset < bytes.byteLength) {
    const header = parquetHeader(reader);
    const compressed = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      // A numeric dictionary's entries are looked up into the column, a text one's decoded into strings: its bytes may be reused.
      const page = uncompressedPage(compressed, Number(header.uncompressed_page_size), decoder, reusable ? dictionaryScratch : undefined);
      const count = header.dictionary_page_header?.num_values ?? 0;
      dictionary = engineValues(readPlain({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }, decoder.type, count, element.type_length), kind, decoder);
      continue;
    }
    const read = readPageValues(header, compressed, decoder, reusable, rows - (codes?.size ?? builder.size));
    if (read === undefined) continue;
    if (('encoded' in read || read.dictionaryIndices) && dictionary === undefined) throw new Error(`Parquet column '${element.name}' has a dictionary-encoded page but no dictionary`);
    if ('encoded' in read) {
      if (codes !== undefined) codes.appendEncoded(read);
      else builder.appendEncoded(read, dictionary!);
      continue;
    }
    const page = firstRows(read, rows - (codes?.size ?? builder.size));
    if (codes !== undefined && page.dictionaryIndices) {
      codes.append(page.values as Int32Array, page.defined, (dictionary as unknown[]).length);
      continue;
    }
    if (codes !== undefined) {
      codes.decodeInto(builder, (dictionary ?? []) as unknown[]);
      codes = undefined;
    }
    if (kind.kind === 'int64' && !page.dictionaryIndices && page.defined === undefined) {
      builder.appendInt64(page.values as BigInt64Array, kind.divisor);
      continue;
    }
    const values = page.dictionaryIndices ? page.values : engineValues(page.values, kind, decoder);
    const lookup = page.dictionaryIndices ? dictionary : undefined;
    if (page.defined !== undefined) builder.appendWithNulls(values, lookup, page.defined);
    else builder.appendDefined(values, lookup);
  }
  if (codes !== undefined && dictionary !== undefined && codes.size === rows) return codes.finish(dictionary as unknown[]);
  if (codes !== undefined) codes.decodeInto(builder, (dictionary ?? []) as unknown[]);
  return builder.finish(rows, element.name);
}
