/**
 * A hash of keys that is identical in every process and thread, so that every map task sends a key
 * to the same reduce partition. Integers hash to themselves (as in Spark), strings as Java's
 * String.hashCode, arrays combine their elements as Java's Arrays.hashCode.
 */
export function portableHash(key: unknown): number {
  switch (typeof key) {
    case 'number':
      return Number.isInteger(key) && Math.abs(key) <= 0x7fffffff ? key : hashDouble(key);
    case 'string':
      return hashString(key);
    case 'boolean':
      return key ? 1231 : 1237;
    case 'bigint':
      return hashString(key.toString());
    case 'undefined':
      return 0;
    case 'object':
      if (key === null) return 0;
      if (Array.isArray(key)) return hashArray(key);
      if (key instanceof Date) return hashDouble(key.getTime());
      return hashString(JSON.stringify(key, Object.keys(key).sort()));
    default:
      throw new TypeError(`Cannot hash a ${typeof key} key`);
  }
}

/** The partition a key goes to among `numPartitions`: never negative. */
export function hashPartition(key: unknown, numPartitions: number): number {
  const mod = portableHash(key) % numPartitions;
  return mod < 0 ? mod + numPartitions : mod;
}

/** Java's String.hashCode. */
export function hashString(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(31, hash) + value.charCodeAt(i)) | 0;
  return hash;
}

function hashArray(values: unknown[]): number {
  let hash = 1;
  for (const value of values) hash = (Math.imul(31, hash) + portableHash(value)) | 0;
  return hash;
}

const doubleView = new DataView(new ArrayBuffer(8));

/** Java's Double.hashCode: the high and low 32 bits of the IEEE-754 representation, xor-ed. */
function hashDouble(value: number): number {
  doubleView.setFloat64(0, value);
  return doubleView.getInt32(0) ^ doubleView.getInt32(4);
}
