import { readFileSync, writeSync } from 'node:fs';

/** node:v8 at first use (dump and load only): task threads, which load this class, then never load it. */
const v8 = () => process.getBuiltinModule('node:v8');

/**
 * A read-only value sent to each worker once, not with every task: tasks carry only its id, and a
 * worker decodes the value the first time a task uses it. On the driver, unpersist() drops the
 * workers' copies (a later task sends the value again) and destroy() drops it for good, as in Spark.
 */
export class Broadcast<T> {
  constructor(
    readonly id: number,
    private readonly resolve: () => T,
    /** The driver's way to drop the workers' copies (and, with destroy, its own); absent on workers. */
    private readonly release?: (id: number, destroy: boolean) => void,
  ) {}

  private resolved = false;
  private resolvedValue: T | undefined;
  private destroyed = false;

  /** Resolved once per Broadcast object: tasks read it per record, in their hottest loops. */
  get value(): T {
    if (!this.resolved) {
      this.assertUsable();
      this.resolvedValue = this.resolve();
      this.resolved = true;
    }
    return this.resolvedValue as T;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Drops the copies the executors keep; a later job that uses the broadcast sends it again. */
  unpersist(): void {
    this.assertUsable();
    this.driverRelease('unpersist')(this.id, false);
  }

  /** Drops the value on the executors and the driver; using the broadcast afterwards is an error. */
  destroy(): void {
    this.assertUsable();
    this.driverRelease('destroy')(this.id, true);
    this.destroyed = true;
    this.resolved = false;
    this.resolvedValue = undefined;
  }

  /**
   * PySpark's Broadcast.dump: writes `value` to the open file descriptor `fd` in Node's own
   * serialization (v8.serialize: Maps, Sets, Dates, typed arrays and bigints round-trip), as PySpark pickles it.
   */
  dump(value: T, fd: number): void {
    writeSync(fd, v8().serialize(value));
  }

  /** PySpark's Broadcast.load: the value written by dump, read from the open file descriptor `fd` to its end. */
  load(fd: number): T {
    return v8().deserialize(readFileSync(fd)) as T;
  }

  /** PySpark's Broadcast.load_from_path: the value written by dump into the file at `path`. */
  loadFromPath(path: string): T {
    return v8().deserialize(readFileSync(path)) as T;
  }

  /** Throws Spark's error for a destroyed broadcast. */
  assertUsable(): void {
    if (this.destroyed) throw new Error(`Attempted to use Broadcast(${this.id}) after it was destroyed`);
  }

  private driverRelease(method: string): (id: number, destroy: boolean) => void {
    if (!this.release) throw new Error(`Broadcast(${this.id}).${method}() can only be called on the driver, not inside a task`);
    return this.release;
  }
}
