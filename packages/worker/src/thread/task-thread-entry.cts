/**
 * The file piscina loads on each task thread. Piscina tries require() before import(), and on Node 20.19+
 * require() of an ES module (require(esm)) aborts the whole process with a V8 fatal error when the thread is
 * terminated while the module graph instantiates ("v8::Module::IsGraphAsync must be used on an instantiated
 * module"): a pool stopped while its threads start. This CommonJS entry loads the plain task thread with import() only.
 *
 * The handler is exported as a promise, which piscina awaits before the thread reports ready: the
 * import then finishes while the driver plans the first job. Exported as a plain function, the
 * thread went idle at once in piscina's Atomics.wait loop, which blocks its event loop, so the
 * import (a few hundred milliseconds of module loading) only went on when the first task arrived.
 *
 * While the task thread's bundle is current (bundle-freshness.cts), it runs that instead
 * (scripts/bundle-task-thread.mjs: this package's thread modules, @flint/rdd, @flint/dfs and
 * @flint/net in one CommonJS file, and @flint/sql's runtime in another, loaded on first use), with
 * the V8 code cache built beside it (@flint/sql/cached-script), no ES module loader involved.
 *
 * Started by an executor, the thread is told whether the bundle is current and where
 * @flint/sql/cached-script is (ThreadData.entry): each thread finding them itself cost it Node's
 * ES module resolver (for @flint/sql's package exports) and a few stats and reads, ~2 ms.
 */
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import type { ThreadData } from './thread-messages.js';
import { THREAD_HOST, threadHost } from './thread-host.cjs';

type TaskThread = typeof import('./task-thread.js');
type Handler = TaskThread['default'];
type ThreadBundle = typeof import('./task-thread-bundle.js');

const dist = join(__dirname, '..');
/** What the executor found for its threads; undefined in a thread started otherwise, which finds it here. */
const given = (workerData as ThreadData | null | undefined)?.entry;

function loadBundle(): Handler {
  const { runCachedScript } = require(given?.cachedScript ?? '@flint/sql/cached-script') as typeof import('@flint/sql/cached-script');
  const bundle = join(dist, 'bundle');
  let loaded: ThreadBundle | undefined;
  const host = threadHost(bundle, () => loaded?.rdd, runCachedScript);
  loaded = runCachedScript(join(bundle, 'task-thread.cjs'), { [THREAD_HOST]: host }).exports as ThreadBundle;
  return loaded.default;
}

const bundleIsFresh = (): boolean =>
  given?.bundleIsFresh ?? (require('@flint/rdd/bundle-freshness') as typeof import('@flint/rdd/bundle-freshness')).bundleIsFresh(dist);

const load = (): Promise<Handler> =>
  bundleIsFresh() ? new Promise((loaded) => loaded(loadBundle())) : (import('./task-thread.js') as Promise<TaskThread>).then((taskThread) => taskThread.default);

const handler: Promise<Handler> = load().catch(
  // A failed load is reported by each task, not by a thread that fails to start (and is started again).
  (error: unknown): Handler => async () => {
    throw error;
  },
);

export = { __esModule: true, default: handler };
