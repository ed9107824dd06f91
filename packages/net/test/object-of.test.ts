/**
 * objectOf<T>(): a shape for an interface declared elsewhere keeps every field of T on the wire;
 * a shape that misses a field of T, or parses one to another type, does not compile (checked by
 * `npm run typecheck`, which fails if an @ts-expect-error below has no error to expect).
 */
import { describe, expect, it } from 'vitest';
import { array, count, objectOf, optional, string } from '../src/schema.js';

interface Bucket {
  id: number;
  note?: string;
}
interface Task {
  name: string;
  buckets: Bucket[];
}

describe('objectOf', () => {
  it('parses every field of T, nested shapes included, and drops only fields T does not have', () => {
    const task = objectOf<Task>()({ name: string, buckets: array(objectOf<Bucket>()({ id: count, note: optional(string) })) });
    expect(task.parse({ name: 't', buckets: [{ id: 1, note: 'n', extra: 2 }, { id: 2 }], other: 3 }, 'task')).toEqual({ name: 't', buckets: [{ id: 1, note: 'n' }, { id: 2 }] });
    expect(() => task.parse({ name: 't', buckets: [{ id: -1 }] }, 'task')).toThrow('task.buckets[0].id');
  });

  it('refuses, at compile time, a shape missing a field of T or parsing one to another type', () => {
    // @ts-expect-error note is missing
    const missing = objectOf<Bucket>()({ id: count });
    // @ts-expect-error id parses to a string, not a number
    const mistyped = objectOf<Bucket>()({ id: string, note: optional(string) });
    expect([missing, mistyped].every((schema) => typeof schema.parse === 'function')).toBe(true);
  });
});
