/**
 * Estimates of how many bytes records take on the V8 heap (Spark's SizeEstimator, rough): enough
 * to tell a buffer of a few thousand rows from one of millions, cheap enough to run per sample.
 */

const OBJECT_HEADER = 16;
const SLOT = 8;

/** Approximate heap bytes of a value and what it references (numbers, strings, arrays, plain objects, Maps, Dates). */
export function estimateSize(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : 16;
    case 'string':
      return OBJECT_HEADER + value.length;
    case 'bigint':
      return 24;
    case 'object': {
      if (value === null) return 0;
      if (Array.isArray(value)) {
        let size = OBJECT_HEADER + SLOT * value.length;
        // V8 stores an array of numbers only unboxed (8 bytes each): its items take no more room.
        if (value.every((item) => typeof item === 'number')) return size;
        for (const item of value) size += estimateSize(item);
        return size;
      }
      if (value instanceof Date) return 32;
      if (ArrayBuffer.isView(value)) return OBJECT_HEADER + value.byteLength;
      if (value instanceof Map) {
        let size = OBJECT_HEADER + 3 * SLOT * value.size;
        for (const [k, v] of value) size += estimateSize(k) + estimateSize(v);
        return size;
      }
      let size = OBJECT_HEADER;
      for (const key in value as Record<string, unknown>) size += SLOT + estimateSize((value as Record<string, unknown>)[key]);
      return size;
    }
    default:
      return 0;
  }
}

/** Measures every record at first, then one in `every`: the running average stands for the rest. */
export class SampledSize {
  private measured = 0;
  private measuredBytes = 0;
  private counted = 0;

  constructor(private readonly every = 32) {}

  /** Counts a record (measuring it if it is sampled) and returns the estimated bytes of all counted so far. */
  add(record: unknown): number {
    this.counted++;
    if (this.measured < this.every || this.counted % this.every === 0) {
      this.measured++;
      this.measuredBytes += estimateSize(record) + SLOT;
    }
    return this.bytes;
  }

  get bytes(): number {
    return this.measured === 0 ? 0 : (this.measuredBytes / this.measured) * this.counted;
  }

  reset(): void {
    this.counted = 0;
  }
}
