/**
 * The worker-side runtime: functions shipped by name rather than source (`runtime:<name>`), because
 * every worker has the same code. It is open: a package registers its functions under a namespace
 * (`registerRuntime('sql', { ... })`) and refers to them as `runtime:sql.<name>`. Flint's own
 * task functions live in the `core` namespace and keep their bare names (`runtime:identity`).
 * A function receives its env, with any user functions in it already compiled, as its last
 * argument, exactly as user functions receive their captured env.
 *
 * Registration happens when the registering module is imported, so a worker must import it too:
 * it imports @flint/rdd, and each other package's module when a task first needs its namespace
 * (a driver ships the namespaces registered on it with each task; provideRuntime, loadRuntimes).
 */
import { FnRef } from '../fn/fn-ref.js';

type Fn = (...args: unknown[]) => unknown;
export type RuntimeFunctions = Record<string, (...args: never[]) => unknown>;

export const CORE_NAMESPACE = 'core';
const NAMESPACE = /^[a-z][A-Za-z0-9]*$/;

const registered = new Map<string, Fn>();
const namespaces = new Set<string>();
const providers = new Map<string, () => Promise<unknown>>();
const loading = new Map<string, Promise<unknown>>();

/** The functions a package registered, and the way to refer to them from a plan. */
export class RuntimeNamespace<F extends RuntimeFunctions> {
  constructor(readonly namespace: string) {}

  /** A reference to one of this namespace's functions, with the env it will receive. */
  ref(name: keyof F & string, env?: Record<string, unknown>): FnRef {
    const qualified = this.namespace === CORE_NAMESPACE ? name : `${this.namespace}.${name}`;
    return new FnRef(`runtime:${qualified}`, env, `${qualified} (Flint runtime)`);
  }
}

/**
 * Adds functions to a namespace (a namespace may be registered in parts). Registering a name again
 * with the same function is harmless; with another function it is an error.
 */
export function registerRuntime<F extends RuntimeFunctions>(namespace: string, functions: F): RuntimeNamespace<F> {
  if (!NAMESPACE.test(namespace)) throw new Error(`registerRuntime: namespace '${namespace}' must be letters and digits, starting with a lowercase letter`);
  for (const [name, fn] of Object.entries(functions)) {
    if (typeof fn !== 'function') throw new TypeError(`registerRuntime: '${namespace}.${name}' is not a function`);
    const key = `${namespace}.${name}`;
    const existing = registered.get(key);
    if (existing !== undefined && existing !== fn) throw new Error(`registerRuntime: '${key}' is already registered with another function`);
    registered.set(key, fn as Fn);
  }
  namespaces.add(namespace);
  return new RuntimeNamespace<F>(namespace);
}

/** The function a `runtime:` reference names: `sql.name`, or a bare core name. */
export function runtimeFunction(reference: string): Fn {
  const key = reference.includes('.') ? reference : `${CORE_NAMESPACE}.${reference}`;
  const fn = registered.get(key);
  if (fn === undefined) throw new Error(`Unknown Flint runtime function '${reference}' (is the package that registers it imported on the worker?)`);
  return fn;
}

/** The namespaces registered in this process besides core, which tasks planned here may use. */
export function runtimeNamespaces(): string[] {
  return [...namespaces].filter((namespace) => namespace !== CORE_NAMESPACE);
}

/** How a worker loads the module that registers `namespace` (an import), done when a task first needs it. */
export function provideRuntime(namespace: string, load: () => Promise<unknown>): void {
  providers.set(namespace, load);
}

/**
 * Loads the providers of the namespaces not registered here yet. A namespace with no provider is
 * left alone: a function of it is then reported unknown when asked for (runtimeFunction).
 */
export async function loadRuntimes(needed: readonly string[]): Promise<void> {
  const missing = needed.filter((namespace) => !namespaces.has(namespace) && providers.has(namespace));
  await Promise.all(
    missing.map((namespace) => {
      let load = loading.get(namespace);
      if (load === undefined) {
        load = providers.get(namespace)!();
        loading.set(namespace, load);
      }
      return load;
    }),
  );
}
