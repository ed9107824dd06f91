/**
 * rows-to-arrow.ts (and with it Apache Arrow) on first use: `df.toArrow()`. The import() lives in
 * a module of its own, which scripts/bundle-sql.mjs makes a chunk of its own: tsx's loader rewrites
 * every file holding an import() (with a source map), slowly for a large one.
 */
export const loadRowsToArrow = () => import('./rows-to-arrow.js');
