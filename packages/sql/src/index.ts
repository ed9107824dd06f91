/**
 * @flint/sql: DataFrames and SQL (DESIGN.md §8). Queries are parsed and analyzed into logical
 * plans, optimized, and compiled into RDD lineage that Flint's scheduler runs.
 */
export const SQL_PACKAGE = '@flint/sql';
export * from './types/index.js';
export * from './format/index.js';
export * from './io/index.js';
