/**
 * Calls a user function on the driver, where it is still a live function (e.g. the final merge of
 * `reduce`). The captured env goes in the slot after the `arity` arguments the function is given,
 * whatever extra arguments the caller passes (Array.prototype.reduce passes four).
 */
import { Captured } from './capture.js';

export function localFunction<F extends (...args: never[]) => unknown>(f: unknown, arity: number): F {
  const fn = (f instanceof Captured ? f.fn : f) as (...a: unknown[]) => unknown;
  const env = f instanceof Captured ? f.env : undefined;
  return ((...args: unknown[]) => fn(...args.slice(0, arity), ...(env === undefined ? [] : [env]))) as unknown as F;
}
