/**
 * Keys compare by value, as in Spark: `[1, 'a']` built in two places is one key. A JS Map compares
 * objects by reference, so composite keys are replaced by a canonical string for lookups (the
 * original key is kept beside the value). Primitives are their own identity.
 */
export function keyIdentity(key: unknown): unknown {
  if (typeof key !== 'object' || key === null) return key;
  return `\u0000${canonical(key)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return `D${value.getTime()}`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'bigint') return `${value}n`;
  return value === undefined ? 'u' : JSON.stringify(value);
}
