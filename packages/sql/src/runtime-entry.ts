/**
 * `@flint/sql/runtime`, which task threads import: the layer's bundle when it is current (it holds
 * the runtime, and a thread then has one copy of it whichever entry comes first), else runtime.ts.
 */
import * as rdd from '@flint/rdd';
import { loadsBundle } from './bundle-freshness.cjs';
import { bundledLayer } from './bundled-layer.cjs';

if (loadsBundle()) bundledLayer(rdd);
else await import('./runtime.js');
