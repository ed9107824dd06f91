/** @flint/driver as an ES module import loads it: the API (index.ts), after the check of sql-under-require-hooks.ts. */
import './sql/sql-under-require-hooks.js';
export * from './index.js';
