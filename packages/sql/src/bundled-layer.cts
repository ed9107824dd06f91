/**
 * The SQL layer as its bundle (scripts/bundle-sql.mjs): dist/bundle/layer.cjs, one CommonJS file run
 * with the V8 code cache built beside it (cached-script.cts), once per thread, by whichever entry
 * comes first (require-entry.cts, entry.ts), so both give one copy of the layer.
 *
 * The caller passes @flint/rdd as it holds it: under a require() hook that compiles ES modules itself
 * (tsx's), the bundle's own require('@flint/rdd') would give a second copy of its classes.
 */
import { join } from 'node:path';
import { runCachedScript } from './cached-script.cjs';

/** The module the bundle require()s for what only its host can do: import() (a vm script cannot). */
export const LAYER_HOST = '@flint/sql/layer-host';

/** What LAYER_HOST answers: rows-to-arrow.ts (and Apache Arrow as ES modules, the copy users import) on first use. */
export const layerHost = { loadRowsToArrow: () => import('./interop/rows-to-arrow.js') };

let layer: unknown;

export function bundledLayer(rdd: unknown): unknown {
  layer ??= runCachedScript(join(__dirname, 'bundle', 'layer.cjs'), { '@flint/rdd': rdd, [LAYER_HOST]: layerHost }).exports;
  return layer;
}
