/**
 * `require('@flint/sql')` (@flint/driver's load-sql.ts, CommonJS programs): the bundle when it is
 * current, else the plain modules (bundle-freshness.cts). require() gives the same module instance
 * an import does, so this and entry.ts share one copy of the layer.
 */
import { layerModule } from './bundle-freshness.cjs';

const layer: unknown = require(layerModule('index.js'));
export = layer;
