/**
 * The RLE / bit-packed hybrid decoder as WebAssembly functions, one per output: the values as
 * 32-bit integers, or the entries of an Int32Array or a Float64Array dictionary they index. V8
 * compiles WebAssembly at once to machine code, where the JavaScript decoders ran in the
 * interpreter until the optimizing compiler had made code for each bit width and output: a task
 * thread's first row group decoded at a fraction of the speed of the next ones.
 *
 * Each function takes (end, width, count, dst, dict, dictLen) and decodes up to `count` values
 * into `dst` from where the state at address 0 says, four i32s: the position in the bytes, the
 * values left in the current run (0: a run's header comes next), the run's kind (0 repeated,
 * 1 bit-packed) and its repeated value or, bit-packed, the index of its next value (the position
 * then is where its packed bytes start). It leaves the state where it stopped, so that a page is
 * decoded in pieces, and returns how many values it wrote: fewer than `count` when the bytes
 * end, -1 for an index past the dictionary's `dictLen` entries. The bytes must be followed by 8
 * zero bytes: a value is read as the 8 bytes from its first, and bytes past `end` read as 0, as
 * hyparquet's decoder reads them.
 */
import { code, control, I32, I64, i32, i64, f64, local, type Code, type WasmFunction } from './wasm-code.js';

/** The bytes of the state block at address 0. */
export const STATE_BYTES = 16;

/** The parameters' and locals' numbers. */
const [end, width, count, dst, dict, dictLen] = [0, 1, 2, 3, 4, 5];
const [pos, left, kind, x, seen, header, shift, byte, value, i, limit, valueBytes, byteMask, address] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
const [mask, bit] = [20, 21];
const LOCALS = [...new Array<number>(14).fill(I32), I64, I64];
/** Bit-packed runs are taken as at most 2^25 groups (2^28 values, more than any page holds), so that their value counts stay in 32 bits. */
const MAX_GROUPS = 1 << 25;

const get = local.get;
const set = local.set;
const add = (n: number, amount: Code): Code => [get(n), amount, i32.add, set(n)];
const widthAsI64 = [get(width), i64.fromI32U];
/** min(a, b), unsigned. */
const minU = (a: Code, b: Code): Code => [a, b, a, b, i32.ltU, control.select];

/** What a function writes: the code storing `value` (or its dictionary entry) at dst[i]. */
interface Output {
  readonly name: string;
  readonly store: Code;
}

const at = (base: number, index: number, sizeShift: number): Code => [get(base), get(index), i32.const(sizeShift), i32.shl, i32.add];
/** Returns -1 when `value` is past the dictionary. */
const checkIndex: Code = [get(value), get(dictLen), i32.geU, control.if([i32.const(-1), control.return])];

const OUTPUTS: readonly Output[] = [
  { name: 'values', store: [at(dst, i, 2), get(value), i32.store] },
  { name: 'int32', store: [checkIndex, at(dst, i, 2), at(dict, value, 2), i32.load, i32.store] },
  { name: 'float64', store: [checkIndex, at(dst, i, 3), at(dict, value, 3), f64.load, f64.store] },
];

/** Runs `body` for i from its value up to `limit`. */
const upToLimit = (...body: Code[]): Code =>
  control.block(control.loop([get(i), get(limit), i32.geU, control.brIf(1)], body, add(i, i32.const(1)), control.br(0)));

/** A run's header (an unsigned varint) at pos, then the run's start: its repeated value read, or its count of bit-packed values. */
const startRun: Code = [
  [i32.const(0), set(header), i32.const(0), set(shift)],
  control.loop(
    [get(pos), i32.load8, set(byte), add(pos, i32.const(1))],
    [get(header), get(byte), i32.const(0x7f), i32.and, get(shift), i32.shl, i32.or, set(header)],
    add(shift, i32.const(7)),
    [get(byte), i32.const(0x80), i32.and, control.brIf(0)],
  ),
  [get(header), i32.const(1), i32.and, set(kind), i32.const(0), set(x)],
  [get(kind)],
  control.if(
    [minU([get(header), i32.const(1), i32.shrU], i32.const(MAX_GROUPS)), i32.const(3), i32.shl, set(left)],
    [
      [get(pos), i32.load, get(byteMask), i32.and, set(x)],
      add(pos, get(valueBytes)),
      [get(header), i32.const(1), i32.shrU, set(left)],
    ],
  ),
];

function decoder(output: Output): WasmFunction {
  const repeated: Code = [get(x), set(value), upToLimit(output.store)];
  /** Reads value x + (i - seen) of the run: its 8 bytes from `address`. */
  const unpack = (read: Code): Code =>
    upToLimit(read, [get(bit), i64.const(7), i64.and, i64.shrU, get(mask), i64.and, i32.fromI64, set(value)], output.store, [get(bit), widthAsI64, i64.add, set(bit)]);
  const firstByte: Code = [get(pos), get(bit), i64.const(3), i64.shrU, i32.fromI64, i32.add];
  const bitPacked: Code = [
    [get(x), i64.fromI32U, widthAsI64, i64.mul, set(bit)],
    // Whether the last value wanted starts before `end` (a run cut short by the bytes' end: not).
    [get(limit), get(seen), i32.sub, i32.const(1), i32.sub, i64.fromI32U, widthAsI64, i64.mul, get(bit), i64.add, i64.const(3), i64.shrU],
    // (A header read into the zeros past `end` leaves pos 1 past it: no bytes left.)
    [get(end), get(pos), i32.sub, i32.const(0), get(pos), get(end), i32.leU, control.select, i64.fromI32U, i64.ltU],
    control.if(
      unpack([firstByte, i64.load]),
      // Values from `end` on read the zeros there.
      unpack([firstByte, set(address), get(address), get(end), get(address), get(end), i32.ltU, control.select, i64.load]),
    ),
    // x values of the run read: the next is x + (limit - seen).
    add(x, [get(limit), get(seen), i32.sub]),
  ];
  const body = code(
    [i64.const(1), widthAsI64, i64.shl, i64.const(1), i64.sub, set(mask)],
    [get(width), i32.const(7), i32.add, i32.const(3), i32.shrU, set(valueBytes)],
    // The bytes of a repeated value: all 32 bits for 4 of them (1 << 32 is 1 in i32.shl).
    [i32.const(-1), i32.const(1), get(valueBytes), i32.const(3), i32.shl, i32.shl, i32.const(1), i32.sub, get(valueBytes), i32.const(4), i32.eq, control.select, set(byteMask)],
    [i32.const(0), i32.loadAt(0), set(pos), i32.const(0), i32.loadAt(4), set(left), i32.const(0), i32.loadAt(8), set(kind), i32.const(0), i32.loadAt(12), set(x)],
    [i32.const(0), set(seen)],
    control.block(
      control.loop(
        [get(seen), get(count), i32.geU, control.brIf(1)],
        [get(left), i32.eqz],
        control.if([[get(pos), get(end), i32.geU, control.brIf(2)], startRun]),
        // limit = seen + min(left, count - seen); i = seen
        [get(seen), minU(get(left), [get(count), get(seen), i32.sub]), i32.add, set(limit), get(seen), set(i)],
        [get(kind), control.if(bitPacked, repeated)],
        [get(left), get(limit), get(seen), i32.sub, i32.sub, set(left), get(limit), set(seen)],
        // A bit-packed run done: its x values took x * width bits.
        [get(kind), get(left), i32.eqz, i32.and],
        control.if([get(pos), get(x), i64.fromI32U, widthAsI64, i64.mul, i64.const(3), i64.shrU, i32.fromI64, i32.add, set(pos)]),
        control.br(0),
      ),
    ),
    [i32.const(0), get(pos), i32.storeAt(0), i32.const(0), get(left), i32.storeAt(4), i32.const(0), get(kind), i32.storeAt(8), i32.const(0), get(x), i32.storeAt(12)],
    get(seen),
  );
  return { name: output.name, params: [I32, I32, I32, I32, I32, I32], results: [I32], locals: LOCALS, body };
}

/** The functions `values`, `int32` and `float64`. */
export function hybridFunctions(): WasmFunction[] {
  return OUTPUTS.map(decoder);
}
