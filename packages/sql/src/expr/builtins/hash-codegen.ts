/**
 * The JavaScript source of Spark's row hashes, inlined into generated code: Murmur3_x86_32
 * (`hash`, seed 42) and XXH64 (`xxhash64`, seed 42), applied column after column with the
 * previous column's hash as the seed, nulls skipped. Values are hashed as Spark hashes their
 * types (ints as ints, longs and timestamps in microseconds as a low and a high int, doubles by their bits with
 * -0.0 as 0.0, strings and binaries by their bytes with Spark's own tail rule in Murmur3), so the
 * results equal Spark's. A value's type travels as a small descriptor (see `typeDescriptor`).
 */
import type { DataType } from '../../types/index.js';

export type TypeDescriptor = string | { a: TypeDescriptor } | { m: [TypeDescriptor, TypeDescriptor] } | { s: [string, TypeDescriptor][] } | { d: number };

/** How the hash helpers see a type: a kind, or the shape of a nested one. */
export function typeDescriptor(t: DataType): TypeDescriptor {
  const name = t.typeName();
  if (name === 'array') return { a: typeDescriptor((t as unknown as { elementType: DataType }).elementType) };
  if (name === 'map') {
    const m = t as unknown as { keyType: DataType; valueType: DataType };
    return { m: [typeDescriptor(m.keyType), typeDescriptor(m.valueType)] };
  }
  if (name === 'struct') return { s: (t as unknown as { fields: { name: string; dataType: DataType }[] }).fields.map((f) => [f.name, typeDescriptor(f.dataType)]) };
  if (name === 'decimal') return { d: (t as unknown as { scale: number }).scale };
  if (['byte', 'short', 'integer', 'date'].includes(name)) return 'int';
  return name;
}

/** Walks a value by its descriptor, calling the hash's primitives; shared by both hashes. */
const WALK = `(hashInt, hashLong, hashBytes) => {
  const f64 = new Float64Array(1), i64 = new Int32Array(f64.buffer), f32 = new Float32Array(1), i32 = new Int32Array(f32.buffer);
  const lng = (v, seed) => typeof v === 'bigint'
    ? hashLong(Number(BigInt.asIntN(32, v)), Number(v >> 32n), seed)
    : hashLong(v | 0, Math.floor(v / 4294967296) | 0, seed);
  const walk = (v, t, seed) => {
    if (v === null || v === undefined) return seed;
    switch (t) {
      case 'int': return hashInt(v, seed);
      case 'boolean': return hashInt(v ? 1 : 0, seed);
      case 'long': return lng(v, seed);
      case 'timestamp': case 'timestamp_ntz': return lng(v * 1000, seed);
      case 'float': { f32[0] = v === 0 ? 0 : v; return hashInt(Number.isNaN(v) ? 0x7fc00000 : i32[0], seed); }
      case 'double': {
        if (Number.isNaN(v)) return hashLong(0, 0x7ff80000, seed);
        f64[0] = v === 0 ? 0 : v;
        return hashLong(i64[0], i64[1], seed);
      }
      case 'string': return hashBytes(Buffer.from(v, 'utf8'), seed);
      case 'binary': return hashBytes(v, seed);
    }
    if (t.a !== undefined) { for (const e of v) seed = walk(e, t.a, seed); return seed; }
    if (t.m !== undefined) { for (const [k, x] of v) { seed = walk(k, t.m[0], seed); seed = walk(x, t.m[1], seed); } return seed; }
    if (t.s !== undefined) { for (const [name, ft] of t.s) seed = walk(v[name] ?? null, ft, seed); return seed; }
    if (t.d !== undefined) return lng(Math.round(v * Math.pow(10, t.d)), seed);
    throw new Error('hash: unsupported type ' + JSON.stringify(t));
  };
  return walk;
}`;

/**
 * Murmur3_x86_32 as Spark's Murmur3_x86_32 class: a long is its low then high int; bytes are
 * read as little-endian ints and each trailing byte is mixed in as a signed int of its own.
 */
export const MURMUR3 = `const sqlMurmur3 = (() => {
  const mixK1 = (k) => { k = Math.imul(k, 0xcc9e2d51); k = (k << 15) | (k >>> 17); return Math.imul(k, 0x1b873593); };
  const mixH1 = (h, k) => { h ^= k; h = (h << 13) | (h >>> 19); return (Math.imul(h, 5) + 0xe6546b64) | 0; };
  const fmix = (h, len) => {
    h ^= len; h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); return h ^ (h >>> 16);
  };
  const hashInt = (v, seed) => fmix(mixH1(seed, mixK1(v | 0)), 4);
  const hashLong = (lo, hi, seed) => fmix(mixH1(mixH1(seed, mixK1(lo)), mixK1(hi)), 8);
  const hashBytes = (b, seed) => {
    const aligned = b.length - (b.length % 4);
    let h = seed;
    for (let i = 0; i < aligned; i += 4) h = mixH1(h, mixK1(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)));
    for (let i = aligned; i < b.length; i++) h = mixH1(h, mixK1((b[i] << 24) >> 24));
    return fmix(h, b.length);
  };
  return (${WALK})(hashInt, hashLong, hashBytes);
})();`;

/** XXH64 as Spark's XXH64 class (the standard algorithm), in BigInt; the result is a signed long. */
export const XXHASH64 = `const sqlXxhash64 = (() => {
  const M = (x) => BigInt.asUintN(64, x);
  const P1 = 0x9E3779B185EBCA87n, P2 = 0xC2B2AE3D27D4EB4Fn, P3 = 0x165667B19E3779F9n, P4 = 0x85EBCA77C2B2AE63n, P5 = 0x27D4EB2F165667C5n;
  const rotl = (x, r) => M((x << BigInt(r)) | (x >> BigInt(64 - r)));
  const fmix = (h) => { h = M((h ^ (h >> 33n)) * P2); h = M((h ^ (h >> 29n)) * P3); return h ^ (h >> 32n); };
  const round = (acc, lane) => M(rotl(M(acc + M(lane * P2)), 31) * P1);
  const mergeRound = (h, v) => M(M((h ^ round(0n, v)) * P1) + P4);
  const hashInt = (v, seed) => fmix(M(rotl(M(seed + P5 + 4n) ^ M(BigInt(v >>> 0) * P1), 23) * P2 + P3));
  const hashLong = (lo, hi, seed) => fmix(M(rotl(M(seed + P5 + 8n) ^ round(0n, M((BigInt(hi) << 32n) | BigInt(lo >>> 0))), 27) * P1 + P4));
  const hashBytes = (b, seed) => {
    const view = new DataView(b.buffer, b.byteOffset, b.length);
    const n = b.length;
    let i = 0, h;
    if (n >= 32) {
      let v1 = M(seed + P1 + P2), v2 = M(seed + P2), v3 = seed, v4 = M(seed - P1);
      for (; i <= n - 32; i += 32) {
        v1 = round(v1, view.getBigUint64(i, true)); v2 = round(v2, view.getBigUint64(i + 8, true));
        v3 = round(v3, view.getBigUint64(i + 16, true)); v4 = round(v4, view.getBigUint64(i + 24, true));
      }
      h = M(rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18));
      h = mergeRound(mergeRound(mergeRound(mergeRound(h, v1), v2), v3), v4);
    } else h = M(seed + P5);
    h = M(h + BigInt(n));
    for (; i <= n - 8; i += 8) h = M(rotl(h ^ round(0n, view.getBigUint64(i, true)), 27) * P1 + P4);
    if (i <= n - 4) { h = M(rotl(h ^ M(BigInt(view.getUint32(i, true)) * P1), 23) * P2 + P3); i += 4; }
    for (; i < n; i++) h = M(rotl(h ^ M(BigInt(b[i]) * P5), 11) * P1);
    return fmix(h);
  };
  return (${WALK})(hashInt, hashLong, hashBytes);
})();`;
