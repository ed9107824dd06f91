/**
 * What `fc.getConf()` returns: PySpark's SparkConf over the context's options. It holds the
 * options as the context took them — given in the program, or from `flint submit` (`--conf
 * key=value`, `--master`, `--name`, ...) — with the resolved master, appName and mode, each as a
 * string, as SparkConf keeps them. It is a copy: setting a key changes the copy, not the context.
 */
export class FlintConf {
  private readonly entries: Map<string, string>;

  constructor(options: Readonly<Record<string, unknown>> = {}) {
    this.entries = new Map(
      Object.entries(options)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)]),
    );
  }

  /** The value of `key`, else `defaultValue` (null when not given), as PySpark's SparkConf.get. */
  get(key: string, defaultValue: string | null = null): string | null {
    return this.entries.get(key) ?? defaultValue;
  }

  /** Every `[key, value]`, sorted by key. */
  getAll(): [string, string][] {
    return [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  contains(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: string): this {
    this.entries.set(key, String(value));
    return this;
  }

  /** One `key=value` line per entry, as SparkConf.toDebugString prints them. */
  toDebugString(): string {
    return this.getAll()
      .map(([key, value]) => `${key}=${value}`)
      .join('\n');
  }
}
