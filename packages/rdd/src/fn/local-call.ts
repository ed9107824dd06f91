/** Calls a user function on the driver, where it is still a live function (e.g. the final merge of `reduce`). */
import { Captured } from './fn-ref.js';

export function localFunction<F extends (...args: never[]) => unknown>(f: unknown): F {
  if (f instanceof Captured) {
    const { fn, env } = f;
    return ((...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args, env)) as unknown as F;
  }
  return f as F;
}
