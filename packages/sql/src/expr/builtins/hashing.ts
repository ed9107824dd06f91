/** Hash functions: hash (Murmur3), xxhash64, crc32, md5, sha1/sha, sha2 — Spark's values exactly. */
import type { DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { MURMUR3, XXHASH64, typeDescriptor } from './hash-codegen.js';
import { LONG_HELPERS } from '../../types/long-value.js';

/** Strings hash by their UTF-8 bytes (Spark casts them to binary). */
const bytesOf = (v: string) => `(typeof ${v} === 'string' ? Buffer.from(${v}, 'utf8') : ${v})`;
const fold = (fn: string, seed: string) => (args: string[], types: DataType[]) =>
  args.reduce((h, a, i) => `${fn}(${a}, ${JSON.stringify(typeDescriptor(types[i]!))}, ${h})`, seed);

scalar('hash', { args: [1, Infinity], returns: Types.int, nullTolerant: true, gen: fold('sqlMurmur3', '42'), helpers: { sqlMurmur3: MURMUR3 } });
scalar('xxhash64', {
  args: [1, Infinity],
  returns: Types.long,
  nullTolerant: true,
  gen: (args, types) => `sqlLong(BigInt.asIntN(64, ${fold('sqlXxhash64', '42n')(args, types)}))`,
  helpers: { sqlXxhash64: XXHASH64, ...LONG_HELPERS },
});

const CRC32 = `const sqlCrc32 = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; table[n] = c; }
  return (b) => { let c = -1; for (let i = 0; i < b.length; i++) c = table[(c ^ b[i]) & 0xff] ^ (c >>> 8); return (c ^ -1) >>> 0; };
})();`;
scalar('crc32', { args: 1, returns: Types.long, gen: ([v]) => `sqlCrc32(${bytesOf(v!)})`, helpers: { sqlCrc32: CRC32 } });

/** Node's crypto, reached from generated code (which has no imports). */
const DIGEST = `const sqlDigest = (() => {
  const crypto = process.getBuiltinModule('node:crypto');
  return (algorithm, b) => crypto.createHash(algorithm).update(b).digest('hex');
})();`;
const digest = (name: string, algorithm: string) =>
  scalar(name, { args: 1, returns: Types.string, gen: ([v]) => `sqlDigest('${algorithm}', ${bytesOf(v!)})`, helpers: { sqlDigest: DIGEST } });
digest('md5', 'md5');
digest('sha1', 'sha1');
digest('sha', 'sha1');
/** sha2(x, bits): 224, 256 (also 0), 384 or 512; any other length gives null, as in Spark. */
scalar('sha2', {
  args: 2,
  returns: Types.string,
  coerce: () => [undefined, Types.int],
  nullableResult: true,
  gen: ([v, bits]) => `((bits) => (bits === 0 || bits === 224 || bits === 256 || bits === 384 || bits === 512 ? sqlDigest('sha' + (bits || 256), ${bytesOf(v!)}) : null))(${bits})`,
  helpers: { sqlDigest: DIGEST },
});
