/**
 * The file piscina loads on each task thread. Piscina tries require() before import(), and on Node 20.19+
 * require() of an ES module (require(esm)) aborts the whole process with a V8 fatal error when the thread is
 * terminated while the module graph instantiates ("v8::Module::IsGraphAsync must be used on an instantiated
 * module"): a pool stopped while its threads start. This CommonJS entry loads the task thread with import() only.
 */
type TaskThread = typeof import('./task-thread.js');

const taskThread: Promise<TaskThread> = import('./task-thread.js');
// A failed load is reported by the first task that awaits it; until then it must not count as unhandled.
taskThread.catch(() => {});

export = async function runOnThread(message: Parameters<TaskThread['default']>[0]): ReturnType<TaskThread['default']> {
  return (await taskThread).default(message);
};
