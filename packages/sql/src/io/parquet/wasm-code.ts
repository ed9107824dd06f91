/**
 * Just enough of WebAssembly's binary format to build, in code, a module of a few functions over
 * one imported memory (`env.memory`): the instructions Flint's decoders use and the sections
 * around them. A function's body is written as nested arrays of bytes (`code` flattens them).
 */

/** Value types. */
export const I32 = 0x7f;
export const I64 = 0x7e;

export type Code = number | readonly Code[];

export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  readonly results: readonly number[];
  /** The types of the locals after the parameters (numbered from params.length on). */
  readonly locals: readonly number[];
  readonly body: Code;
}

/** An unsigned LEB128 number. */
function unsigned(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** A signed LEB128 number (32-bit range). */
function signed(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

/** The bytes of nested code, in order. */
export function code(...parts: Code[]): number[] {
  const out: number[] = [];
  const add = (part: Code): void => {
    if (typeof part === 'number') out.push(part);
    else part.forEach(add);
  };
  parts.forEach(add);
  return out;
}

const vector = (items: readonly (readonly number[])[]): number[] => [...unsigned(items.length), ...items.flat()];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));
const section = (id: number, bytes: readonly number[]): number[] => [id, ...unsigned(bytes.length), ...bytes];

export const local = {
  get: (i: number): number[] => [0x20, i],
  set: (i: number): number[] => [0x21, i],
};

export const i32 = {
  const: (n: number): number[] => [0x41, ...signed(n)],
  /** Loads and stores take no alignment hint (0) and an offset of 0, or `offset` (loadAt, storeAt). */
  load: [0x28, 0, 0],
  loadAt: (offset: number): number[] => [0x28, 0, ...unsigned(offset)],
  storeAt: (offset: number): number[] => [0x36, 0, ...unsigned(offset)],
  load8: [0x2d, 0, 0],
  store: [0x36, 0, 0],
  eqz: 0x45,
  eq: 0x46,
  ltU: 0x49,
  leU: 0x4d,
  geU: 0x4f,
  add: 0x6a,
  sub: 0x6b,
  and: 0x71,
  or: 0x72,
  shl: 0x74,
  shrU: 0x76,
  fromI64: 0xa7,
};

export const i64 = {
  const: (n: number): number[] => [0x42, ...signed(n)],
  load: [0x29, 0, 0],
  ltU: 0x54,
  add: 0x7c,
  sub: 0x7d,
  mul: 0x7e,
  and: 0x83,
  shl: 0x86,
  shrU: 0x88,
  fromI32U: 0xad,
};

export const f64 = { load: [0x2b, 0, 0], store: [0x39, 0, 0] };

/** Structured control (blocks without results); a branch's depth counts the blocks it is in, innermost 0. */
export const control = {
  block: (...body: Code[]): Code => [0x02, 0x40, body, 0x0b],
  loop: (...body: Code[]): Code => [0x03, 0x40, body, 0x0b],
  if: (then: Code, otherwise?: Code): Code => [0x04, 0x40, then, otherwise === undefined ? [] : [0x05, otherwise], 0x0b],
  br: (depth: number): number[] => [0x0c, depth],
  brIf: (depth: number): number[] => [0x0d, depth],
  return: 0x0f,
  /** Of the two values below the condition, the first when it is non-zero. */
  select: 0x1b,
};

/** The module's bytes: `functions`, each exported under its name, over the imported memory `env.memory`. */
export function wasmModule(functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...unsigned(1)];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...unsigned(i)]);
  const bodies = functions.map((f) => {
    const body = [...vector(f.locals.map((t) => [1, t])), ...code(f.body), 0x0b];
    return [...unsigned(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => unsigned(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}
