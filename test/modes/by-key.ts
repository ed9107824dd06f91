/** A map's entries in ascending numeric key order: results compared regardless of collect order. */
export function byKey<V>(map: Map<number, V>): [number, V][] {
  return [...map].sort(([a], [b]) => a - b);
}
