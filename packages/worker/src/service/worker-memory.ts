/** A worker's executor memory budget when `--executor-memory` is not given. */
export const WORKER_EXECUTOR_MEMORY = 1024 * 1024 * 1024;
