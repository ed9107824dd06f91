/**
 * Columns of numbers as Float64Arrays where they cross threads (a sort's shuffle, a broadcast
 * join's table): sending one copies its bytes, decoding it makes no object per value.
 */

/**
 * Generated code's helper: a column appended to value by value, held in a Float64Array while
 * every value is a number (no array of boxed-or-not numbers to convert afterwards), in a plain
 * array from the first other value on: \`column()\` is a Float64Array when every value was a number.
 */
export const COLUMN_BUILDER = `class ColumnBuilder {
  constructor() { this.numbers = new Float64Array(1024); this.length = 0; this.values = undefined; }
  add(v) {
    if (this.values !== undefined) this.values.push(v);
    else if (typeof v !== 'number') {
      this.values = Array.from(this.numbers.subarray(0, this.length));
      this.values.push(v);
    } else {
      if (this.length === this.numbers.length) {
        const grown = new Float64Array(this.length * 2);
        grown.set(this.numbers);
        this.numbers = grown;
      }
      this.numbers[this.length++] = v;
    }
  }
  column() { return this.values ?? this.numbers.slice(0, this.length); }
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
