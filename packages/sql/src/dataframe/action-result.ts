/**
 * An action's Promise that says so when it is used as its result: a PySpark habit in JavaScript
 * is `const rows = df.collect()` without `await`, after which `rows.length` was undefined,
 * `for (const r of rows)` said only "rows is not iterable" and `${df.count()}` printed
 * "[object Promise]". Reading such a property of the Promise, iterating it or turning it into a
 * number or text throws a TypeError that names the action and says to await it. `await`,
 * `then`, `catch` and `finally` are untouched, and their results are plain Promises.
 */
const RESULT_PROPERTIES = ['length', 'map', 'forEach', 'filter', 'find', 'reduce', 'slice', 'join', 'some', 'every', 'includes', 'at'] as const;

class ActionPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }
  /** Set once, after construction: the action's call as written, `df.collect()`. */
  declare action: string;
}

function notAwaited(this: ActionPromise<unknown>): never {
  throw new TypeError(`${this.action} returns a Promise, not its result: await it (\`const result = await ${this.action}\`)`);
}

for (const key of [...RESULT_PROPERTIES, Symbol.iterator, Symbol.toPrimitive]) {
  Object.defineProperty(ActionPromise.prototype, key, { get: notAwaited, configurable: true });
}

/** `result` as a Promise that refuses to stand for its value; `action` is the call as the user wrote it, `df.count()`. */
export function actionResult<T>(action: string, result: Promise<T>): Promise<T> {
  const promise = new ActionPromise<T>((resolve, reject) => {
    result.then(resolve, reject);
  });
  promise.action = action;
  return promise;
}
