/** Driver-side helpers for the doctest translations (never shipped to workers). */

/** Types a literal array of pairs as [K, V][]. */
export function pairs<K, V>(xs: [K, V][]): [K, V][] {
  return xs;
}

/** Python's sorted() for numbers, strings, null and tuples of them. */
export function sorted<T>(xs: T[]): T[] {
  return [...xs].sort(compareValues);
}

export function compareValues(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}
