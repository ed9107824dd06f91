/**
 * The driver's accumulators: made by fc.accumulator, and updated from the totals each successful
 * task reports (numbers summed; other values merged with their AccumulatorParam's addInPlace).
 */
import { Accumulator, decode, toFnRef, type AccumulatorParam } from '@flint/rdd';

export class Accumulators {
  private nextId = 0;
  private readonly byId = new Map<number, Accumulator<unknown>>();

  create<T>(initialValue: T | number, param: AccumulatorParam<T> | undefined): Accumulator<T> {
    const id = this.nextId++;
    let accumulator: Accumulator<unknown>;
    if (param === undefined) {
      if (typeof initialValue !== 'number') throw new TypeError(`No default accumulator param for type ${initialValue === null ? 'null' : Array.isArray(initialValue) ? 'array' : typeof initialValue}: pass an AccumulatorParam ({ zero(value), addInPlace(value1, value2) })`);
      accumulator = new Accumulator<unknown>(id, initialValue, true);
    } else {
      const addInPlace = toFnRef(param.addInPlace, 'accumulator (AccumulatorParam.addInPlace)');
      if (typeof param.zero !== 'function') throw new TypeError('accumulator: the AccumulatorParam has no zero(value) method');
      const merge = (a: unknown, b: unknown) => param.addInPlace(a as T, b as T);
      accumulator = new Accumulator<unknown>(id, initialValue, true, merge, { param: param as AccumulatorParam<unknown>, addInPlace });
    }
    this.byId.set(id, accumulator);
    return accumulator as Accumulator<T>;
  }

  /** A task's totals: numbers as `[id, amount]`, custom accumulators' values encoded `[id, value][]`. */
  apply(updates: readonly (readonly [number, number])[], custom: Uint8Array | undefined): void {
    for (const [id, amount] of updates) {
      const accumulator = this.byId.get(id);
      if (accumulator) accumulator.value = (accumulator.value as number) + amount;
    }
    for (const [id, value] of custom ? decode<[number, unknown][]>(custom) : []) this.byId.get(id)?.add(value);
  }
}
