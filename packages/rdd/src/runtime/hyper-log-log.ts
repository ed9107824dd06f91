/**
 * HyperLogLog (Flajolet et al., with the small-range correction of HLL++) for countApproxDistinct:
 * each partition fills 2^p registers on a worker, the driver merges them by maximum and
 * estimates. Values are hashed by their key identity, so `[1, 'a']` built twice counts once.
 */
import { keyIdentity } from '../keys/key-identity.js';
import type { RuntimeFunctions } from './registry.js';

/** Spark's rule: the register bits that give a relative standard deviation of `relativeSD`. */
export function registerBits(relativeSD: number): number {
  if (!(relativeSD >= 0.000017)) throw new RangeError('relativeSD should be greater than 0.000017');
  const p = Math.max(4, Math.ceil((2 * Math.log(1.054 / relativeSD)) / Math.LN2));
  if (p > MAX_REGISTER_BITS) {
    throw new RangeError(`countApproxDistinct: relativeSD ${relativeSD} needs 2^${p} registers; Flint allows up to 2^${MAX_REGISTER_BITS} (relativeSD >= 0.0021)`);
  }
  return p;
}

const MAX_REGISTER_BITS = 18;

function hyperLogLogPartition(records: Iterable<unknown>, env: { p: number }): Uint8Array[] {
  const registers = new Uint8Array(1 << env.p);
  for (const record of records) {
    const text = identityText(record);
    const index = murmur32(text, 0x9747b28c) >>> (32 - env.p);
    const rest = murmur32(text, 0x5bd1e995);
    const rank = rest === 0 ? 33 : Math.clz32(rest) + 1;
    if (rank > registers[index]) registers[index] = rank;
  }
  return [registers];
}

export const APPROXIMATE_RUNTIME = { hyperLogLogPartition } satisfies RuntimeFunctions;

export function mergeRegisters(parts: readonly Uint8Array[], p: number): Uint8Array {
  const merged = new Uint8Array(1 << p);
  for (const part of parts) for (let i = 0; i < merged.length; i++) if (part[i] > merged[i]) merged[i] = part[i];
  return merged;
}

export function estimateCardinality(registers: Uint8Array): number {
  const m = registers.length;
  let sum = 0;
  let zeros = 0;
  for (const r of registers) {
    sum += 2 ** -r;
    if (r === 0) zeros++;
  }
  const alpha = m === 16 ? 0.673 : m === 32 ? 0.697 : m === 64 ? 0.709 : 0.7213 / (1 + 1.079 / m);
  const raw = (alpha * m * m) / sum;
  // Linear counting is the better estimate while many registers are still empty.
  if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
  return Math.round(raw);
}

function identityText(value: unknown): string {
  const id = keyIdentity(value);
  return `${typeof id}:${String(id)}`;
}

/** A MurmurHash3-style 32-bit hash, mixing one UTF-16 code unit per round. */
function murmur32(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
