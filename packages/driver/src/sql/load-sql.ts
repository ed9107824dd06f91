/**
 * The SQL layer (@flint/sql) is loaded on first use, not when @flint/driver is imported: an RDD
 * program never pays for it (its import was two to four times @flint/driver's own). FlintContext's
 * DataFrame methods are synchronous, so the layer is loaded with require(), which loads an ES module
 * synchronously on Node 20.19+ and returns the same module instance an import would.
 */
import { createRequire } from 'node:module';

export type SqlLayer = typeof import('@flint/sql');

let layer: SqlLayer | undefined;
const loadListeners = new Set<() => void>();

export function loadSql(): SqlLayer {
  if (layer === undefined) {
    loading();
    layer = createRequire(import.meta.url)('@flint/sql') as SqlLayer;
  }
  return layer;
}

/** The layer as imported where require() would not give this process's instance (sql-under-require-hooks.ts). */
export function useImportedSql(imported: SqlLayer): void {
  loading();
  layer = imported;
}

/**
 * Calls `listener` once, when the SQL layer starts loading (at once if it has loaded), unless the
 * returned function is called first: a local context's task threads then load the layer's
 * runtime while the driver loads the layer and plans, not after its first task arrives.
 */
export function whenSqlLoads(listener: () => void): () => void {
  if (layer !== undefined) {
    listener();
    return () => {};
  }
  loadListeners.add(listener);
  return () => loadListeners.delete(listener);
}

function loading(): void {
  const listeners = [...loadListeners];
  loadListeners.clear();
  for (const listener of listeners) listener();
}

/**
 * A stand-in for one of the SQL layer's exported values that loads the layer when first used:
 * called, constructed (`new` gives the real class's instance), read from (statics, `instanceof`),
 * subclassed or enumerated, it acts as the real value. `shell` fixes what `typeof` answers before
 * the load: a function for classes and functions, an object for namespaces.
 */
export function lazySqlValue<K extends keyof SqlLayer>(name: K, shell: 'function' | 'object'): SqlLayer[K] {
  type Real = ((...args: unknown[]) => unknown) & (new (...args: unknown[]) => object);
  const real = (): Real => loadSql()[name] as Real;
  const target = shell === 'function' ? function lazySqlExport() {} : {};
  const proxy: object = new Proxy(target, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    apply: (_, self, args) => Reflect.apply(real(), self, args),
    construct: (_, args, newTarget) => Reflect.construct(real(), args, newTarget === proxy ? real() : newTarget),
    // Proxy invariants: the shell's own non-configurable `prototype` is always reported, as
    // non-configurable and writable; every other property as configurable (a module namespace's are not).
    ownKeys: () => [...new Set([...Reflect.ownKeys(real()), ...(Object.hasOwn(target, 'prototype') ? ['prototype'] : [])])],
    getOwnPropertyDescriptor: (_, key) => {
      const own = Reflect.getOwnPropertyDescriptor(real(), key);
      if (key === 'prototype' && Object.hasOwn(target, 'prototype')) return { value: own?.value, writable: true, enumerable: false, configurable: false };
      return own && { ...own, configurable: true };
    },
  });
  return proxy as SqlLayer[K];
}
