/** `@flint/sql/runtime`, which task threads import: the bundle's runtime when it is current, else runtime.ts. */
import { layerModule } from './bundle-freshness.cjs';

await import(layerModule('runtime.js'));
