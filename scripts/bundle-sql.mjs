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
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFromStamp } from '../packages/sql/dist/bundle-freshness.cjs';

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../packages/sql/dist', import.meta.url)));
const target = join(dist, 'bundle');
// Built beside and renamed into place, so that a process starting meanwhile sees no half-written bundle.
const staging = join(dist, `bundle-${process.pid}`);
const stamp = builtFromStamp(statSync(join(dist, '.tsbuildinfo')));

/**
 * Modules that hold an import() (a part loaded on first use) are entry points too, so that each is
 * a small chunk of its own: tsx's loader (`tsx job.ts`) rewrites every file holding an import(),
 * with a source map, and took 0.9 s and 160 MB to load one 570 KB chunk that held one, against
 * 0.6 s and 122 MB for the ~270 plain modules.
 */
const LAZY_LOADERS = ['interop/load-rows-to-arrow.js'];
const LARGE_CHUNK = 20_000;

/**
 * Third-party packages compiled into the bundle: pure JS that only @flint/sql imports and whose
 * objects no other package or user code checks by identity (hyparquet's decoders, fzstd). Each
 * of hyparquet's ~10 modules was otherwise resolved and compiled one by one on every task thread.
 * Every other package stays an import: @flint/rdd's classes must be the ones the other packages
 * load, users pass apache-arrow tables in, and @bokuweb/zstd-wasm reads its .wasm file beside it.
 */
const BUNDLED_PACKAGES = /^(hyparquet|fzstd)(\/|$)/;

/** `packages: 'external'`, except for the bare imports that `bundled` matches. */
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages-but',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}

const { metafile } = await build({
  entryPoints: ['index.js', 'runtime.js', ...LAZY_LOADERS].map((module) => join(dist, module)),
  entryNames: '[dir]/[name]',
  metafile: true,
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackagesBut(BUNDLED_PACKAGES)],
  // Classes and functions keep their names (error names, constructor.name) where the bundle renames them.
  keepNames: true,
  // Chained through tsc's maps, so positions map back to src/*.ts under --enable-source-maps.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
  if (file.endsWith('.js') && bytes > LARGE_CHUNK && readFileSync(file, 'utf8').includes('import(')) {
    console.warn(`bundle-sql: ${file} (${bytes} bytes) holds an import(): move it to a module of its own in LAZY_LOADERS`);
  }
}
writeFileSync(join(staging, 'built-from'), stamp);
if (existsSync(target)) rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
