/**
 * Spark 3.5's bitmap functions, for counting distinct integers exactly: a value v belongs to bucket
 * bitmap_bucket_number(v) at bit bitmap_bit_position(v) of a 4096-byte (32768-bit) bitmap;
 * bitmap_construct_agg sets the bits of a group's positions, bitmap_or_agg ORs bitmaps and
 * bitmap_count counts set bits. Bit i is bit i % 8 of byte i / 8, as Spark's BitmapExpressionUtils.
 */
import { BinaryType } from '../../types/index.js';
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';

const BITMAP_BITS = 32768;
const BINARY = new BinaryType();

scalar('bitmap_bucket_number', {
  args: 1,
  returns: Types.long,
  coerce: () => [Types.long],
  gen: ([v]) => `(${v} > 0 ? 1 + Math.trunc((${v} - 1) / ${BITMAP_BITS}) : Math.trunc(${v} / ${BITMAP_BITS}))`,
});
scalar('bitmap_bit_position', {
  args: 1,
  returns: Types.long,
  coerce: () => [Types.long],
  gen: ([v]) => `(${v} > 0 ? (${v} - 1) % ${BITMAP_BITS} : -${v} % ${BITMAP_BITS})`,
});
scalar('bitmap_count', {
  args: 1,
  returns: Types.long,
  gen: ([b]) => `${b}.reduce((n, byte) => { for (; byte !== 0; byte &= byte - 1) n++; return n; }, 0)`,
});

const SET_BIT = `function sqlBitmapSet(bitmap, position) {
  if (position < 0 || position >= ${BITMAP_BITS}) throw new Error('[INVALID_BITMAP_POSITION] The 0-indexed bitmap position ' + position + ' is out of bounds. The bitmap has ${BITMAP_BITS} bits (${BITMAP_BITS / 8} bytes). SQLSTATE: 22003');
  bitmap[Math.floor(position / 8)] |= 1 << (position % 8);
}`;
const orInto = (a: string, b: string) => `for (let i = 0; i < ${a}.length; i++) ${a}[i] |= ${b}[i];`;
registerFunction({
  type: 'aggregate',
  name: 'bitmap_construct_agg',
  minArgs: 1,
  maxArgs: 1,
  coerceArgs: () => [Types.long],
  returnType: () => BINARY,
  slots: 1,
  init: () => [`new Uint8Array(${BITMAP_BITS / 8})`],
  update: ([a], [position]) => `if (${position} !== null) sqlBitmapSet(${a}, ${position});`,
  merge: ([a], [b]) => orInto(a!, b!),
  finish: ([a]) => a!,
  helpers: { sqlBitmapSet: SET_BIT },
});
registerFunction({
  type: 'aggregate',
  name: 'bitmap_or_agg',
  minArgs: 1,
  maxArgs: 1,
  returnType: () => BINARY,
  slots: 1,
  init: () => [`new Uint8Array(${BITMAP_BITS / 8})`],
  update: ([a], [bitmap]) => `if (${bitmap} !== null) { ${orInto(a!, bitmap!)} }`,
  merge: ([a], [b]) => orInto(a!, b!),
  finish: ([a]) => a!,
});
