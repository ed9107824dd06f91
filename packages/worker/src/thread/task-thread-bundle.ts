/**
 * The entry of the task thread's bundle (scripts/bundle-task-thread.mjs): the thread's handler, and
 * the bundle's @flint/rdd for @flint/sql's runtime, bundled apart (thread-host.cts).
 */
export { default } from './task-thread.js';
export * as rdd from '@flint/rdd';
