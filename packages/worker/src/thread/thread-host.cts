/**
 * What the task thread's bundle (scripts/bundle-task-thread.mjs: dist/bundle/task-thread.cjs, a vm
 * script, which has no import()) require()s as THREAD_HOST for its one lazy part of another file:
 * @flint/sql's runtime (dist/bundle/runtime.cjs), run on a thread's first SQL task (or as the driver
 * starts loading SQL) with the @flint/rdd of the thread's bundle, so that the thread has one copy of it.
 */
import { join } from 'node:path';
import type { runCachedScript as RunCachedScript } from '@flint/sql/cached-script';

export const THREAD_HOST = '@flint/worker/thread-host';

export interface ThreadHost {
  importSqlRuntime(): Promise<unknown>;
}

/** The host of the bundle in `bundle`/, whose @flint/rdd `rdd` gives once it has run (by the entry's `runCachedScript`). */
export function threadHost(bundle: string, rdd: () => unknown, runCachedScript: typeof RunCachedScript): ThreadHost {
  let sqlRuntime: Promise<unknown> | undefined;
  return {
    importSqlRuntime: () => (sqlRuntime ??= new Promise((loaded) => loaded(runCachedScript(join(bundle, 'runtime.cjs'), { '@flint/rdd': rdd() }).exports))),
  };
}
