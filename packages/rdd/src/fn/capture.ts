/** `capture`: values bound to a function that is shipped to workers. */

/** A function with values bound to it by `capture`; the env is passed as the function's last argument. */
export class Captured<F extends Function = Function> {
  constructor(
    readonly env: Record<string, unknown>,
    readonly fn: F,
  ) {}
}

/** Marks the leading arguments of a captured function as not inferred from where it is passed. */
declare const NOT_INFERRED: unique symbol;
type NotInferred = [typeof NOT_INFERRED];
type DropLast<P extends unknown[]> = P extends [...infer Init, unknown] ? Init : [];

/**
 * Binds values to a function shipped to workers: `rdd.map(capture({ k }, (x, { k }) => x * k))`.
 * `env` holds plain data, broadcasts and accumulators; it is serialized with the task.
 *
 * The types work both ways round. Passed to an RDD method, the leading arguments `A` come from
 * the method (`x` above is the element type). Made on its own (`capture({ k }, (x: number, { k })
 * => x * k)`), `A` is not inferred and the function's own parameters `P` decide: its last
 * parameter still gets the env's type, the others their annotations, and the result takes all
 * but the last. (A variadic `[...A, E]` alone cannot do the second: TypeScript must fix `A` before
 * it can type the env parameter, and with nothing to infer it from, `A` became `unknown[]`.)
 */
export function capture<
  E extends Record<string, unknown>,
  A extends unknown[] = NotInferred,
  R = unknown,
  P extends unknown[] = [...(A extends NotInferred ? [unknown] : A), E],
>(env: E, fn: (...args: P) => R): (...args: A extends NotInferred ? DropLast<P> : A) => R {
  return new Captured(env, fn) as unknown as (...args: A extends NotInferred ? DropLast<P> : A) => R;
}
