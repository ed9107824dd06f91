/**
 * Generated code's helper `probeIndex(table)`: what a task thread builds once on a decoded
 * broadcast table (broadcast-probe.ts BuildTable) before probing it, stored on the table:
 *  - `index`: key → its first row (`get`, undefined when absent); `next`: row → the key's next
 *    row, -1 after the last; `unique`: no key has two rows (the probe then never reads `next`);
 *  - `probeColumns` and `dictionaries`: the columns the probe reads, row r's value of column c
 *    being `probeColumns[c][r]`, or `dictionaries[c][probeColumns[c][r]]` for a dictionary column.
 *
 * A probe is a random access per table array it touches, and at a million build rows each one
 * missed the cache (10M sales rows probing 1M customers for their segment: about 400 ns a row,
 * most of the query). So the layout keeps them few and small:
 *  - keys that are a run of consecutive 32-bit integers in row order (a dimension table in the
 *    order of its ids: 1M customers) arrive as a run (key-runs.ts) and need no index at all: key
 *    k is row k - runFrom, and the table is probed as it came;
 *  - keys that are all small non-negative integers (ids) are indexed by an Int32Array of first
 *    rows instead of a Map (a Map of a million number keys cost 1.8 µs a row);
 *  - when those keys are also unique, the rows are laid out at their key's position: `get` is a
 *    test of one bit (a bitmap of 1M keys is 128 KB) and the row is the key itself, so a probe
 *    reads the bitmap and the values it needs, no first-row or next-row array. The bitmap is
 *    also how uniqueness is found (one pass, stopping at the first repeat), so such a table
 *    costs two passes over its keys and one per column, and no first-row or next-row array is
 *    made (building those for 1M customers was most of a thread's 20-30 ms before its first probe);
 *  - a string column of few distinct values arrives as one-byte (or two-byte) codes into a
 *    dictionary of its values (join-columns.ts): a probe reads one byte, and every row of a value
 *    yields the same string object (grouping by it hashes one object, not a million copies).
 */
export const PROBE_INDEX = `class DenseKeyIndex {
  constructor(first) { this.first = first; }
  get(key) {
    if (typeof key !== 'number' || (key >>> 0) !== key || key >= this.first.length) return undefined;
    const row = this.first[key];
    return row === -1 ? undefined : row;
  }
}
class KeyPositionIndex {
  constructor(present, limit) { this.present = present; this.limit = limit; }
  get(key) {
    if (typeof key !== 'number' || (key >>> 0) !== key || key >= this.limit) return undefined;
    return (this.present[key >>> 5] >>> (key & 31)) & 1 ? key : undefined;
  }
}
class KeyRunIndex {
  constructor(low, count) { this.low = low; this.count = count; }
  get(key) {
    if (typeof key !== 'number' || (key | 0) !== key) return undefined;
    const row = key - this.low;
    return row >= 0 && row < this.count ? row : undefined;
  }
}
function denseKeyLimit(keys) {
  let max = -1;
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r];
    if (typeof key !== 'number' || (key >>> 0) !== key) return -1;
    if (key > max) max = key;
  }
  return max < 2 * keys.length + 1024 ? max + 1 : -1;
}
function atKeyPositions(column, keys, limit) {
  const placed = ArrayBuffer.isView(column) ? new column.constructor(limit) : new Array(limit).fill(null);
  for (let r = 0; r < keys.length; r++) placed[keys[r]] = column[r];
  return placed;
}
/** The bitmap of dense keys when no key repeats, else undefined (set at the first repeat). */
function uniqueKeyBits(keys, limit) {
  const present = new Int32Array((limit >>> 5) + 1);
  for (let r = 0; r < keys.length; r++) {
    const word = keys[r] >>> 5, bit = 1 << (keys[r] & 31);
    if ((present[word] & bit) !== 0) return undefined;
    present[word] |= bit;
  }
  return present;
}
const NO_NEXT = new Int32Array(0);
function probeIndex(table) {
  if (table.index !== undefined) return table;
  const keys = table.keys;
  const columns = [], dictionaries = [];
  for (const column of table.columns) {
    const dictionary = column !== null && column.codes !== undefined;
    columns.push(dictionary ? column.codes : column);
    dictionaries.push(dictionary ? column.values : undefined);
  }
  table.dictionaries = dictionaries;
  if (keys.runFrom !== undefined) {
    table.index = new KeyRunIndex(keys.runFrom, keys.length);
    table.probeColumns = columns;
    table.next = NO_NEXT;
    table.unique = true;
    return table;
  }
  const limit = denseKeyLimit(keys);
  const present = limit >= 0 ? uniqueKeyBits(keys, limit) : undefined;
  if (present !== undefined) {
    table.index = new KeyPositionIndex(present, limit);
    table.probeColumns = columns.map((column) => column === null ? null : atKeyPositions(column, keys, limit));
    table.next = NO_NEXT;
    table.unique = true;
    return table;
  }
  const next = new Int32Array(keys.length);
  // Dense keys come here only when one repeats.
  let unique = limit < 0;
  if (limit >= 0) {
    const first = new Int32Array(limit).fill(-1);
    for (let r = keys.length - 1; r >= 0; r--) {
      next[r] = first[keys[r]];
      first[keys[r]] = r;
    }
    table.index = new DenseKeyIndex(first);
  } else {
    const index = new Map();
    for (let r = keys.length - 1; r >= 0; r--) {
      const first = index.get(keys[r]);
      if (first !== undefined) unique = false;
      next[r] = first === undefined ? -1 : first;
      index.set(keys[r], r);
    }
    table.index = index;
  }
  table.probeColumns = columns;
  table.next = next;
  table.unique = unique;
  return table;
}`;
