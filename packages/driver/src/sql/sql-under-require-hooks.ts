/**
 * Under a require() hook that compiles ES modules itself (tsx's CommonJS loader: `tsx job.ts`,
 * `node --import tsx`), loadSql's require() would give a second copy of the SQL layer and of
 * @flint/rdd, with classes of their own: there, the layer is imported now, with @flint/driver.
 * Only an ES module import of @flint/driver runs this (import-entry.ts): a top-level await would
 * make require('@flint/driver') fail, and under such a hook a require() gets one copy of everything.
 */
import { createRequire } from 'node:module';
import { REQUIRE_PROBE } from './require-probe.js';
import { useImportedSql } from './load-sql.js';

const required = createRequire(import.meta.url)('./require-probe.js') as typeof import('./require-probe.js');
if (required.REQUIRE_PROBE !== REQUIRE_PROBE) useImportedSql(await import('@flint/sql'));
