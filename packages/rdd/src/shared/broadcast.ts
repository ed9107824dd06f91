/**
 * A read-only value sent to each worker once, not with every task: tasks carry only its id, and a
 * worker decodes the value the first time a task uses it.
 */
export class Broadcast<T> {
  constructor(
    readonly id: number,
    private readonly resolve: () => T,
  ) {}

  private resolved = false;
  private resolvedValue: T | undefined;

  /** Resolved once per Broadcast object: tasks read it per record, in their hottest loops. */
  get value(): T {
    if (!this.resolved) {
      this.resolvedValue = this.resolve();
      this.resolved = true;
    }
    return this.resolvedValue as T;
  }
}
