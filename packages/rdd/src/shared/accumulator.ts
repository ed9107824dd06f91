import type { FnRef } from '../fn/fn-ref.js';

/**
 * PySpark's AccumulatorParam: how values of a custom accumulator (a vector, a set, ...) start and
 * merge. `zero(value)` runs on the driver and gives the value each task starts from; `addInPlace`
 * merges two values (it may update and return its first argument) and travels to the workers as
 * source, so it is checked like any shipped function (no free variables: use capture).
 */
export interface AccumulatorParam<T> {
  zero(value: T): T;
  addInPlace(value1: T, value2: T): T;
}

/** How a custom accumulator travels with a task: its id, the value tasks start from, and its merge. */
export type ShippedAccumulator = [id: number, zero: unknown, addInPlace: FnRef];

/**
 * A value that tasks add to and only the driver reads: a number (summed), or any value with an
 * AccumulatorParam. Each task adds to its own copy, starting from zero; the driver merges a task's
 * total when the task succeeds — once per partition for the tasks of an action, so retried tasks
 * are not counted twice.
 */
export class Accumulator<T = number> {
  constructor(
    readonly id: number,
    private current: T,
    /** False on workers: reading a partial total there is a mistake. */
    private readonly readable: boolean,
    /** A custom accumulator's merge: on the driver its AccumulatorParam, on a worker the shipped addInPlace. */
    private readonly merge?: (value1: T, value2: T) => T,
    /** On the driver, a custom accumulator's param and its addInPlace as shipped to tasks. */
    private readonly shipping?: { readonly param: AccumulatorParam<T>; readonly addInPlace: FnRef },
  ) {}

  add(amount: T): void {
    if (this.merge) {
      this.current = this.merge(this.current, amount);
      return;
    }
    if (typeof amount !== 'number') throw new TypeError(`Accumulator.add expects a number, got ${typeof amount}`);
    (this.current as number) += amount;
  }

  get value(): T {
    if (!this.readable) throw new Error('Accumulator value is only readable on the driver');
    return this.current;
  }

  set value(v: T) {
    this.current = v;
  }

  /** @internal The amount added since creation (on a worker), for the task's report. */
  get localTotal(): T {
    return this.current;
  }

  /** @internal True for an accumulator with an AccumulatorParam (or, on a worker, its shipped merge). */
  get isCustom(): boolean {
    return this.merge !== undefined;
  }

  /** @internal What a task carries: the id of a number accumulator, or a custom one's zero value and merge. */
  shipped(): number | ShippedAccumulator {
    if (!this.shipping) return this.id;
    return [this.id, this.shipping.param.zero(this.current), this.shipping.addInPlace];
  }
}
