/**
 * Parquet's RLE / bit-packed hybrid encoding (dictionary indices, definition levels), decoded
 * from the bytes into a typed array by WebAssembly (hybrid-wasm.ts): runs of one value are
 * filled, bit-packed values read as the 8 bytes from their first. Dictionary indices may be
 * looked up as they are decoded, so that a page's values land in the column in one pass, without
 * an array of indices written and read again.
 */
import { hybridFunctions, STATE_BYTES } from './hybrid-wasm.js';
import { wasmModule } from './wasm-code.js';

/** A dictionary of numbers, looked up by the decoded values (an Int32Array into an Int32Array, a Float64Array into a Float64Array). */
export type NumberDictionary = Int32Array | Float64Array;

/** The WebAssembly API used here (TypeScript declares it only with the DOM's types). */
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
};

type Decode = (end: number, width: number, count: number, dst: number, dict: number, dictLen: number) => number;

/** Zero bytes after the encoded ones in the memory: a value's read takes the 8 bytes from its first. */
const PADDING = 8;
/** Values decoded per call, copied out between calls: a piece of the output that stays in the processor's cache. */
const PIECE = 32768;
const PAGE = 65536;

const align8 = (n: number): number => (n + 7) & ~7;

/**
 * The thread's instance of the decoders and its memory, laid out for each call as the decoder's
 * state (at 0), the dictionary, the encoded bytes and their padding, then a piece of decoded
 * values, copied out before the next piece is decoded. A memory too small is replaced by a larger
 * one with an instance of its own, never grown: growing detaches the memory's old ArrayBuffer, and
 * once any ArrayBuffer has been detached V8's optimized code checks every typed array access for
 * it for the rest of the thread (a task thread's generated loop over the columns ran 1.4x slower).
 * The dictionary stays in the memory for the chunk's next pages (a chunk's pages share one
 * dictionary object, each chunk has its own, and a dictionary is never changed once read): it is
 * copied in again only for another dictionary, a new memory, or after a call without one, whose
 * bytes went where it was.
 */
class HybridDecoder {
  private readonly module = new WebAssembly.Module(wasmModule(hybridFunctions()));
  private memory = new WebAssembly.Memory({ initial: 1 });
  private decoders = this.instantiate();
  /** The dictionary at STATE_BYTES in the memory, if the last call left one there. */
  private inMemory?: NumberDictionary;

  private instantiate(): Record<'values' | 'int32' | 'float64', Decode> {
    return new WebAssembly.Instance(this.module, { env: { memory: this.memory } }).exports as unknown as Record<'values' | 'int32' | 'float64', Decode>;
  }

  /** A memory of at least `size` bytes (with room to spare when a new one is made). */
  private reserve(size: number): void {
    if (this.memory.buffer.byteLength >= size) return;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((size + (size >> 2)) / PAGE) });
    this.decoders = this.instantiate();
    this.inMemory = undefined;
  }

  decode(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array | Float64Array, at: number, count: number, dictionary: NumberDictionary | undefined): number {
    const length = Math.max(0, end - start);
    const input = align8(STATE_BYTES + (dictionary?.byteLength ?? 0));
    const output = align8(input + length + PADDING);
    const size = output + Math.min(count, PIECE) * out.BYTES_PER_ELEMENT;
    this.reserve(size);
    const buffer = this.memory.buffer;
    const memory = new Uint8Array(buffer);
    if (dictionary !== undefined && dictionary !== this.inMemory) memory.set(new Uint8Array(dictionary.buffer, dictionary.byteOffset, dictionary.byteLength), STATE_BYTES);
    this.inMemory = dictionary;
    memory.set(bytes.subarray(start, start + length), input);
    memory.fill(0, input + length, input + length + PADDING);
    // The state: at the first run's header.
    new Int32Array(buffer, 0, 4).set([input, 0, 0, 0]);
    const decode = dictionary === undefined ? this.decoders.values : dictionary instanceof Float64Array ? this.decoders.float64 : this.decoders.int32;
    let done = 0;
    while (done < count) {
      const asked = Math.min(PIECE, count - done);
      const decoded = decode(input + length, width, asked, output, STATE_BYTES, dictionary?.length ?? 0);
      if (decoded < 0) throw new Error(`a dictionary index past the end of the dictionary (${dictionary!.length} entries)`);
      out.set(out instanceof Float64Array ? new Float64Array(buffer, output, decoded) : new Int32Array(buffer, output, decoded), at + done);
      done += decoded;
      if (decoded < asked) break;
    }
    return done;
  }
}

/** Made at a thread's first page (not at load: the driver, which loads the reader too, decodes none). */
let decoder: HybridDecoder | undefined;

/**
 * Decodes `count` values of the hybrid-encoded run that starts at `bytes[start]` and ends before
 * `end`, each `width` bits wide, into out[at..at + count): the values themselves, or with
 * `dictionary` the entries they index (an index past its end is an error). Returns how many
 * values the bytes held, up to `count` (fewer when their runs end early; a bit-packed run cut
 * short reads zeros, as hyparquet's does).
 */
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array): number;
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array, at: number, count: number, dictionary?: Int32Array): number;
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Float64Array, at: number, count: number, dictionary: Float64Array): number;
export function decodeRleHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  out: Int32Array | Float64Array,
  at = 0,
  count = out.length - at,
  dictionary?: NumberDictionary,
): number {
  if (width > 32) throw new Error(`an RLE/bit-packed run of ${width}-bit values (32 at most)`);
  count = Math.max(0, Math.min(count, out.length - at));
  // Width 0 (a dictionary of one entry): every value is 0, whatever the bytes say.
  if (width === 0) {
    out.fill(dictionary === undefined ? 0 : dictionary[0], at, at + count);
    return count;
  }
  decoder ??= new HybridDecoder();
  return decoder.decode(bytes, start, end, width, out, at, count, dictionary);
}

