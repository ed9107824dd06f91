/**
 * The SQL layer's task functions (runtime:sql.*) and the globals its generated code reads, imported
 * by the first task of a driver that loaded SQL: an RDD job's threads never load it. A module of
 * its own, so that the task thread's bundle keeps this import() in a small chunk (tsx's loader
 * rewrites, slowly, a large file holding one: scripts/bundle-task-thread.mjs).
 */
export const importSqlRuntime = (): Promise<unknown> => import('@flint/sql/runtime');
