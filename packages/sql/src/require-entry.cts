/**
 * `require('@flint/sql')` (@flint/driver's load-sql.ts, CommonJS programs): the bundle when it is
 * current, else the plain modules (bundle-freshness.cts). entry.ts loads the same copy of the layer
 * (bundled-layer.cts; require() of the plain modules gives the instance an import does).
 */
import { loadsBundle } from './bundle-freshness.cjs';
import { bundledLayer } from './bundled-layer.cjs';

const layer: unknown = loadsBundle() ? bundledLayer(require('@flint/rdd')) : require('./index.js');
export = layer;
