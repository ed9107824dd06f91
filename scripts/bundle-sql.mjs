/**
 * Bundles @flint/sql's compiled modules (dist/index.js, dist/runtime.js and what they import of the
 * package, ~270 files) into dist/bundle/: a process then loads a few files instead of ~270, which
 * was most of the SQL layer's start-up (module resolution and compiling many small files).
 * Bare imports (@flint/rdd, apache-arrow, ...) stay imports, but for BUNDLED_PACKAGES. The two entries share
 * chunks, so a thread that loads both still has one copy of each class.
 *
 * The bundle records the dist/.tsbuildinfo it was made from (bundle/built-from); the package's
 * entries use it only while that file is unchanged (src/bundle-freshness.cts), so after a
 * `tsc -b` alone they load the plain modules. Run by `npm run build` after tsc;
 * `node scripts/bundle-sql.mjs [DIST]` bundles another copy of the package's dist.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQL_BUNDLED_PACKAGES, bundleInto, externalPackagesBut } from './bundle-common.mjs';

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../packages/sql/dist', import.meta.url)));

/** Modules that hold an import() (a part loaded on first use): entry points too (bundle-common.mjs). */
const LAZY_LOADERS = ['interop/load-rows-to-arrow.js'];

await bundleInto(dist, {
  entryPoints: ['index.js', 'runtime.js', ...LAZY_LOADERS].map((module) => join(dist, module)),
  plugins: [externalPackagesBut(SQL_BUNDLED_PACKAGES)],
  buildInfos: ['.tsbuildinfo'],
});
