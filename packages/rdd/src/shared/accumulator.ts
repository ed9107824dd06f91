/**
 * A number that tasks add to and only the driver reads. Each task adds to its own copy, starting
 * from zero; the driver merges a task's total when the task succeeds — once per partition for the
 * tasks of an action, so retried tasks are not counted twice.
 */
export class Accumulator {
  constructor(
    readonly id: number,
    private current: number,
    /** False on workers: reading a partial total there is a mistake. */
    private readonly readable: boolean,
  ) {}

  add(amount: number): void {
    if (typeof amount !== 'number') throw new TypeError(`Accumulator.add expects a number, got ${typeof amount}`);
    this.current += amount;
  }

  get value(): number {
    if (!this.readable) throw new Error('Accumulator value is only readable on the driver');
    return this.current;
  }

  set value(v: number) {
    this.current = v;
  }

  /** @internal The amount added since creation (on a worker), for the task's report. */
  get localTotal(): number {
    return this.current;
  }
}
