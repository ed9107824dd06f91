/**
 * A read-only value sent to each worker once, not with every task: tasks carry only its id, and a
 * worker decodes the value the first time a task uses it.
 */
export class Broadcast<T> {
  constructor(
    readonly id: number,
    private readonly resolve: () => T,
  ) {}

  get value(): T {
    return this.resolve();
  }
}
