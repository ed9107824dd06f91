/**
 * Reader options as users pass them (`{ header: true, sep: ';' }` or `.option('header', 'true')`):
 * looked up case-insensitively like Spark's CaseInsensitiveMap, with one-line errors for values
 * of the wrong kind.
 */
import { StructType } from '../types/index.js';

export type ReaderOptionValue = string | number | boolean | StructType | null | undefined;
export type ReaderOptions = Readonly<Record<string, ReaderOptionValue>>;

export interface ReaderOptionLookup {
  string(name: string): string | undefined;
  boolean(name: string, fallback: boolean): boolean;
  /** `schema`: a StructType or a DDL string. */
  schema(): StructType | undefined;
}

export function readerOptionLookup(options: ReaderOptions): ReaderOptionLookup {
  const byLowerName = new Map<string, ReaderOptionValue>();
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && value !== null) byLowerName.set(name.toLowerCase(), value);
  }
  const raw = (name: string) => byLowerName.get(name.toLowerCase());
  return {
    string(name) {
      const value = raw(name);
      if (value === undefined) return undefined;
      if (value instanceof StructType) throw new Error(`option '${name}' must be a string, got a StructType`);
      return String(value);
    },
    boolean(name, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (typeof value === 'boolean') return value;
      const text = String(value).toLowerCase();
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new Error(`${name} flag can be true or false, got '${String(value)}'`);
    },
    schema() {
      const value = raw('schema');
      if (value === undefined) return undefined;
      if (value instanceof StructType) return value;
      if (typeof value === 'string') return StructType.fromDDL(value);
      throw new Error(`option 'schema' must be a StructType or a DDL string such as 'a INT, b STRING'`);
    },
  };
}
