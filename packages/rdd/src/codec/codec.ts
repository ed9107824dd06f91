/**
 * The one serialization format of Flint: msgpackr, with Maps kept as Maps and extensions for the
 * three things that must be recreated on the other side rather than copied: functions (compiled
 * from source on a worker), broadcasts and accumulators (resolved by id). The receiving side
 * installs hooks that say how to recreate them; without hooks they decode as plain references.
 * A fourth extension keeps -0, which msgpackr would write as the integer 0 (negative-zero.ts).
 */
import { Packr, addExtension } from 'msgpackr';
import { FnRef } from '../fn/fn-ref.js';
import { Broadcast } from '../shared/broadcast.js';
import { Accumulator, type ShippedAccumulator } from '../shared/accumulator.js';
import { NegativeZero, markNegativeZeros } from './negative-zero.js';

export interface DecodeHooks {
  fn(ref: FnRef): unknown;
  broadcast(id: number): unknown;
  /** A number accumulator's id, or a custom accumulator's [id, zero value, addInPlace] (see Accumulator.shipped). */
  accumulator(shipped: number | ShippedAccumulator): unknown;
}

const plainHooks: DecodeHooks = {
  fn: (ref) => ref,
  broadcast: (id) => ({ broadcastId: id }),
  accumulator: (shipped) => ({ accumulatorId: typeof shipped === 'number' ? shipped : shipped[0] }),
};

let hooks: DecodeHooks = plainHooks;
/** Broadcast ids met while encoding, so a task can say which broadcasts it needs. */
let encodedBroadcasts: Set<number> | undefined;

export function installDecodeHooks(next: DecodeHooks): void {
  hooks = next;
}

addExtension({
  Class: FnRef,
  type: 0x46,
  write: (ref: FnRef) => [ref.source, ref.env, ref.site],
  read: ([source, env, site]: [string, Record<string, unknown> | undefined, string]) => hooks.fn(new FnRef(source, env, site)),
});
// Extension types msgpackr keeps for itself (0x42 bigints past 64 bits, 0x62, 0x65, 0x69, 0x70,
// 0x73, 0x74, 0x78, 0xff) are not free: an addExtension there replaces msgpackr's decoder.
addExtension({
  Class: Broadcast,
  type: 0x44,
  write: (b: Broadcast<unknown>) => {
    b.assertUsable();
    encodedBroadcasts?.add(b.id);
    return b.id;
  },
  read: (id: number) => hooks.broadcast(id),
});
addExtension({
  Class: Accumulator,
  type: 0x41,
  write: (a: Accumulator<unknown>) => a.shipped(),
  read: (shipped: number | ShippedAccumulator) => hooks.accumulator(shipped),
});

addExtension({
  Class: NegativeZero,
  type: 0x5a,
  write: () => 0,
  read: () => -0,
});

const packr = new Packr({ mapsAsObjects: false, useRecords: true, moreTypes: true });

export function encode(value: unknown): Uint8Array {
  return ownBuffer(packr.pack(markNegativeZeros(value)));
}

export function decode<T>(bytes: Uint8Array): T {
  return packr.unpack(bytes) as T;
}

/** Encodes and reports which broadcasts the value refers to. */
export function encodeWithBroadcasts(value: unknown): { bytes: Uint8Array; broadcasts: number[] } {
  encodedBroadcasts = new Set();
  try {
    const bytes = ownBuffer(packr.pack(markNegativeZeros(value)));
    return { bytes, broadcasts: [...encodedBroadcasts] };
  } finally {
    encodedBroadcasts = undefined;
  }
}

/**
 * msgpackr returns a view into its working buffer, which grows to the largest value it has
 * encoded. Posting a view to another thread (or keeping it) carries that whole buffer: a 4-byte
 * task result cost an 8 MiB copy each way. Encoded bytes get a buffer of their own.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  // Uint8Array's slice copies; Buffer's own slice() would return another view.
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
}
