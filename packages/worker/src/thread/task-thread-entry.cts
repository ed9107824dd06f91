/**
 * The file piscina loads on each task thread. Piscina tries require() before import(), and on Node 20.19+
 * require() of an ES module (require(esm)) aborts the whole process with a V8 fatal error when the thread is
 * terminated while the module graph instantiates ("v8::Module::IsGraphAsync must be used on an instantiated
 * module"): a pool stopped while its threads start. This CommonJS entry loads the task thread with import() only.
 *
 * The handler is exported as a promise, which piscina awaits before the thread reports ready: the
 * import then finishes while the driver plans the first job. Exported as a plain function, the
 * thread went idle at once in piscina's Atomics.wait loop, which blocks its event loop, so the
 * import (a few hundred milliseconds of module loading) only went on when the first task arrived.
 *
 * It loads the task thread's bundle (scripts/bundle-task-thread.mjs: this package's thread modules,
 * @flint/rdd, @flint/dfs, @flint/net and @flint/sql's runtime in a few files) while it is current,
 * else the plain modules (bundle-freshness.cts).
 */
import { join } from 'node:path';
import { bundleIsFresh } from '@flint/sql/bundle-freshness';

type TaskThread = typeof import('./task-thread.js');
type Handler = TaskThread['default'];

const taskThreadModule = bundleIsFresh(join(__dirname, '..')) ? '../bundle/task-thread.js' : './task-thread.js';

const handler: Promise<Handler> = (import(taskThreadModule) as Promise<TaskThread>).then(
  (taskThread) => taskThread.default,
  // A failed load is reported by each task, not by a thread that fails to start (and is started again).
  (error: unknown): Handler => async () => {
    throw error;
  },
);

export = { __esModule: true, default: handler };
