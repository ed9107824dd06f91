/**
 * Bundles @flint/sql's compiled modules (dist/index.js and what it imports of the package, ~270
 * files, the task threads' runtime among them) into dist/bundle/layer.cjs, one CommonJS file that
 * the package's entries run with the V8 code cache made here beside it (layer.cjs.cache;
 * src/cached-script.cts, src/bundled-layer.cts): a process then neither resolves ~270 modules nor
 * parses and compiles the layer again. Bare imports (@flint/rdd, apache-arrow, ...) stay imports,
 * but for BUNDLED_PACKAGES.
 *
 * The bundle records the dist/.tsbuildinfo it was made from (bundle/built-from); the package's
 * entries use it only while that file is unchanged (src/bundle-freshness.cts), so after a
 * `tsc -b` alone they load the plain modules. Run by `npm run build` after tsc;
 * `node scripts/bundle-sql.mjs [DIST]` bundles another copy of the package's dist.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQL_BUNDLED_PACKAGES, bundleInto, externalPackagesBut } from './bundle-common.mjs';
import { LAYER_HOST, layerHost } from '../packages/sql/dist/bundled-layer.cjs';

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../packages/sql/dist', import.meta.url)));

/**
 * The layer's one lazy part, rows-to-arrow.ts: in the bundle its loader's import() is the host's
 * (bundled-layer.cts), as a vm script has none.
 */
function rowsToArrowFromHost() {
  return {
    name: 'rows-to-arrow-from-host',
    setup(build) {
      build.onLoad({ filter: /[\\/]interop[\\/]load-rows-to-arrow\.js$/ }, () => ({ contents: `export { loadRowsToArrow } from '${LAYER_HOST}';`, loader: 'js' }));
    },
  };
}

await bundleInto(dist, {
  scripts: [{
    name: 'layer.cjs',
    entry: join(dist, 'index.js'),
    plugins: [rowsToArrowFromHost(), externalPackagesBut(SQL_BUNDLED_PACKAGES)],
    provided: { [LAYER_HOST]: layerHost },
  }],
  buildInfos: ['.tsbuildinfo'],
});
