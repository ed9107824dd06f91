/**
 * The SQL layer's task functions (runtime:sql.*) and the globals its generated code reads, imported
 * by the first task of a driver that loaded SQL: an RDD job's threads never load it. A module of
 * its own: the task thread's bundle, a vm script with no import(), has its host's in its place
 * (thread-host.cts, scripts/bundle-task-thread.mjs).
 */
export const importSqlRuntime = (): Promise<unknown> => import('@flint/sql/runtime');
