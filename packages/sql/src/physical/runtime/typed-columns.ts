/**
 * Columns of numbers as Float64Arrays where they cross threads (a sort's shuffle, a broadcast
 * join's table): sending one copies its bytes, decoding it makes no object per value.
 */

/** Generated code's helper: the values as a Float64Array when all are numbers (no null), else as they are. */
export const TYPED_COLUMN = `function typedColumn(values) {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return values;
  return Float64Array.from(values);
}`;

/** Parts of a column end to end: a Float64Array when every part is one, else an array. */
export function concatColumns(parts: readonly ArrayLike<unknown>[]): ArrayLike<unknown> {
  const length = parts.reduce((n, part) => n + part.length, 0);
  if (parts.every((part) => part instanceof Float64Array)) {
    const joined = new Float64Array(length);
    let at = 0;
    for (const part of parts as Float64Array[]) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  }
  const joined = new Array<unknown>(length);
  let at = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) joined[at++] = part[i];
  return joined;
}
