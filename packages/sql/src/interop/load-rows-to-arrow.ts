/**
 * rows-to-arrow.ts (and with it Apache Arrow) on first use: `df.toArrow()`. The import() lives in
 * a module of its own: the layer's bundle (scripts/bundle-sql.mjs), a vm script with no import(),
 * has bundled-layer.cts's in its place.
 */
export const loadRowsToArrow = () => import('./rows-to-arrow.js');
