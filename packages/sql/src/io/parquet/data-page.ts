/**
 * One data page of a flat column: its non-null values (or their dictionary indices) and, when it
 * has nulls, a definition level per row. Version 1 pages in PLAIN or dictionary encoding — what
 * DuckDB, Spark and hyparquet-writer write — are decoded here into typed arrays: the definition
 * levels into bytes (a page whose levels are one run of "defined" skips them), the indices into
 * an Int32Array, or, on a page without nulls, left encoded for the caller to decode straight into
 * its column. Other encodings and version 2 pages go through hyparquet's page readers.
 */
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import type { parquetHeader } from 'hyparquet/src/column.js';
import { readVarInt } from 'hyparquet/src/thrift.js';
import { decodeRleHybrid, type NumberDictionary } from './rle-hybrid.js';
import { snappyUncompress } from './snappy.js';

export type PageDecoder = Parameters<typeof readDataPage>[2];
type PageHeader = ReturnType<typeof parquetHeader>;
type DecodedArray = ReturnType<typeof readPlain>;

export interface PageValues {
  /** The non-null values, or (when `dictionaryIndices`) their positions in the chunk's dictionary (valid until the next page is read). */
  values: DecodedArray;
  dictionaryIndices: boolean;
  /** A definition level per row (0 = null) when the page has a null; else undefined. */
  defined: ArrayLike<number> | undefined;
}

/**
 * A page without nulls whose dictionary indices are still RLE/bit-packed (valid until the next
 * page is read): decodeIndices decodes them where they go, looked up or as codes.
 */
export interface EncodedIndices {
  readonly encoded: { bytes: Uint8Array; start: number; end: number; bitWidth: number; count: number; column: string };
}

type Reader = { view: DataView; offset: number };

/**
 * A byte buffer reused from call to call (grown when short): fresh multi-megabyte buffers cost
 * more in page faults than decoding them does. Only for bytes whose values are copied out before
 * the next call.
 */
export class ScratchBuffer {
  private bytes = new Uint8Array(0);

  take(length: number): Uint8Array {
    if (this.bytes.length < length) this.bytes = new Uint8Array(Math.max(length, this.bytes.length * 2));
    return this.bytes.subarray(0, length);
  }
}

const pageScratch = new ScratchBuffer();
let indexScratch = new Int32Array(0);

/** Room for a page's dictionary indices, reused: they are looked up before the next page is read. */
function dictionaryIndices(count: number): Int32Array {
  if (indexScratch.length < count) indexScratch = new Int32Array(Math.max(count, indexScratch.length * 2));
  return indexScratch.subarray(0, count);
}

/**
 * Decodes a page's encoded indices into out[at..): the indices themselves, or with `dictionary`
 * the entries they index. A page whose runs hold fewer values than it counts, or an index past
 * the dictionary, is an error (its rows would be left unwritten, or wrong).
 */
export function decodeIndices(page: EncodedIndices, out: Int32Array, at: number, dictionary?: Int32Array): void;
export function decodeIndices(page: EncodedIndices, out: Float64Array, at: number, dictionary: Float64Array): void;
export function decodeIndices(page: EncodedIndices, out: Int32Array | Float64Array, at: number, dictionary?: NumberDictionary): void {
  const { bytes, start, end, bitWidth, count, column } = page.encoded;
  let decoded: number;
  try {
    decoded = decodeRleHybrid(bytes, start, end, bitWidth, out as Float64Array, at, count, dictionary as Float64Array);
  } catch (e) {
    // The decoder says what the bytes have: an index past the dictionary, too wide a width.
    throw new Error(`Parquet column '${column}' has ${(e as Error).message}`);
  }
  if (decoded < count) throw new Error(`Parquet column '${column}' has a page of ${count} values whose dictionary indices hold ${decoded}`);
}

/** A page's encoded indices as an array (reused by the next page). */
export function indicesOf(page: EncodedIndices): Int32Array {
  const indices = dictionaryIndices(page.encoded.count);
  decodeIndices(page, indices, 0);
  return indices;
}

/** A page's bytes, uncompressed: into `scratch` when given (its values are copied out before the scratch's next use) and Snappy-compressed. */
export function uncompressedPage(compressed: Uint8Array, size: number, decoder: PageDecoder, scratch: ScratchBuffer | undefined): Uint8Array {
  if (scratch === undefined || decoder.codec !== 'SNAPPY') return decompressPage(compressed, size, decoder.codec, decoder.compressors);
  const page = scratch.take(size);
  snappyUncompress(compressed, page);
  return page;
}

/**
 * The definition levels of an optional column's page (4-byte length, then the RLE/bit-packed
 * hybrid), or undefined when every row is defined. Leaves the reader after them.
 */
function readDefinedLevels(reader: Reader, rows: number): Uint8Array | undefined {
  const length = reader.view.getUint32(reader.offset, true);
  const start = reader.offset + 4;
  reader.offset = start;
  const header = readVarInt(reader);
  // One RLE run (an even header) of the value 1 over all rows: no null.
  const allDefined = (header & 1) === 0 && header >>> 1 >= rows && reader.view.getUint8(reader.offset) === 1;
  reader.offset = start;
  let levels: Uint8Array | undefined;
  if (!allDefined) {
    levels = new Uint8Array(rows);
    readRleBitPackedHybrid(reader, 1, levels, length);
    if (levels.indexOf(0) < 0) levels = undefined;
  }
  reader.offset = start + length;
  return levels;
}

/**
 * A version 1 page's values, when it is PLAIN or dictionary-encoded; else undefined. Values past
 * the first `limit` rows are not decoded (their levels are). The indices of a dictionary-encoded
 * page without nulls are left encoded.
 */
function readPlainOrDictionaryPage(page: Uint8Array, rows: number, encoding: string, decoder: PageDecoder, limit: number): PageValues | EncodedIndices | undefined {
  const dictionary = encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY';
  if ((encoding !== 'PLAIN' && !dictionary) || decoder.type === 'BOOLEAN') return undefined;
  const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
  const optional = decoder.element.repetition_type !== 'REQUIRED';
  const levels = optional ? readDefinedLevels(reader, rows) : undefined;
  const kept = Math.min(rows, limit);
  const defined = levels !== undefined && kept < rows ? levels.subarray(0, kept) : levels;
  let count = kept;
  if (defined !== undefined) for (let r = 0; r < kept; r++) count -= defined[r] === 0 ? 1 : 0;
  if (!dictionary) return { values: readPlain(reader, decoder.type, count, decoder.element.type_length), dictionaryIndices: false, defined };
  const bitWidth = reader.view.getUint8(reader.offset++);
  const encoded: EncodedIndices = { encoded: { bytes: page, start: reader.offset, end: page.byteLength, bitWidth, count, column: decoder.element.name } };
  if (defined === undefined) return encoded;
  return { values: indicesOf(encoded), dictionaryIndices: true, defined };
}

/**
 * A data page's values (a dictionary-encoded one without nulls: its indices, encoded); undefined
 * for a page that holds none (an index page). With `reusable`,
 * the values may be a view of a buffer the next call overwrites. `limit`: the rows wanted from the
 * page's start; a PLAIN or dictionary-encoded page decodes no more values than those (the others may
 * return more: the caller keeps the first `limit` rows).
 */
export function readPageValues(header: PageHeader, compressed: Uint8Array, decoder: PageDecoder, reusable: boolean, limit = Infinity): PageValues | EncodedIndices | undefined {
  if (header.type === 'DATA_PAGE' && header.data_page_header) {
    const daph = header.data_page_header;
    const page = uncompressedPage(compressed, Number(header.uncompressed_page_size), decoder, reusable ? pageScratch : undefined);
    const fast = readPlainOrDictionaryPage(page, daph.num_values, daph.encoding, decoder, limit);
    if (fast !== undefined) return fast;
    const { dataPage, definitionLevels } = readDataPage(page, daph, decoder);
    return { values: dataPage, dictionaryIndices: daph.encoding.endsWith('_DICTIONARY'), defined: definitionLevels?.length ? definitionLevels : undefined };
  }
  if (header.type === 'DATA_PAGE_V2' && header.data_page_header_v2) {
    const daph2 = header.data_page_header_v2;
    const { dataPage, definitionLevels } = readDataPageV2(compressed, header, decoder);
    return { values: dataPage, dictionaryIndices: daph2.encoding.endsWith('_DICTIONARY'), defined: daph2.num_nulls > 0 ? definitionLevels : undefined };
  }
  return undefined;
}
